import type { Certificate } from '../../lib/certificates.ts';
import { readEbolXml } from '../../lib/ebolXml.ts';
import { ReadError } from '../../lib/errors.ts';
import { opsvzFields } from '../../lib/selfEmployed.ts';
import { UsageError } from '../errors.ts';
import { numberOption, parseArgs } from '../args.ts';
import { mergeCertificates } from '../certificates.ts';
import { readInputFile } from '../files.ts';

/**
 * `spot-companion opsvz --month LLLL-MM EBOL.xml…`: OPSVZ fields 090, 110, 130 and 140 for
 * one month from a self-employed person's eBOL XML files (RULES §10). All the person's
 * certificates around the month should be given, not only the month's: the own-burden
 * period (field 130) counts working days over the whole absence, which may have started
 * in an earlier month.
 */
const USAGE = 'Uporaba: spot-companion opsvz --month LLLL-MM EBOL.xml [EBOL.xml …] [--weekly-hours 40] [--own-days-used N]';

interface Options {
  month: string;
  files: string[];
  weeklyHours?: number;
  ownDaysUsed?: number;
}

export async function opsvzCommand(args: string[]): Promise<unknown> {
  const options = parseOptions(args);
  const read: { file: string; certificates: Certificate[] }[] = [];
  for (const file of options.files) {
    const bytes = await readInputFile(file);
    try {
      read.push({ file, certificates: readEbolXml(bytes).certificates });
    } catch (e) {
      if (e instanceof ReadError) throw inFile(e, file);
      throw e;
    }
  }

  const warnings: string[] = [];
  const merged = mergeCertificates(read.flatMap((r) => r.certificates.map((certificate) => ({ certificate }))));
  if (merged.duplicates.length > 0) warnings.push('DUPLICATE_CERTIFICATE');
  const certificates = merged.kept.map((m) => m.certificate);
  assertOnePerson(certificates);

  const result = opsvzFields({
    month: options.month,
    certificates,
    ...(options.weeklyHours !== undefined ? { weeklyHours: options.weeklyHours } : {}),
    ...(options.ownDaysUsed !== undefined ? { ownBurdenDaysUsedThisYear: options.ownDaysUsed } : {}),
  });
  for (const w of result.warnings) if (!warnings.includes(w)) warnings.push(w);
  if (result.field090.length === 0) warnings.push('NO_ABSENCE_IN_MONTH');

  return {
    type: 'opsvz',
    month: result.month,
    fields: { field090: result.field090, field110: result.field110, field130: result.field130, field140: result.field140 },
    trace: result.trace,
    warnings,
    files: read.map((r) => ({
      file: r.file,
      certificates: r.certificates.map((c) => ({ number: c.number, reason: c.reason, from: c.from, to: c.to, hoursPerDay: c.hoursPerDay, status: c.status })),
    })),
  };
}

function parseOptions(args: readonly string[]): Options {
  const { positional: files, values } = parseArgs(args, { '--month': 'value', '--weekly-hours': 'value', '--own-days-used': 'value' }, USAGE);
  const month = values['--month'];
  if (month === undefined) throw new UsageError(`Manjka --month (mesec obračuna).\n${USAGE}`);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UsageError(`Mesec mora biti v obliki LLLL-MM (npr. 2025-03), najdeno »${month}«.\n${USAGE}`);
  if (files.length === 0) throw new UsageError(`Navedite vsaj eno datoteko eBOL XML.\n${USAGE}`);
  const weekly = values['--weekly-hours'];
  const own = values['--own-days-used'];
  return {
    month, files,
    ...(weekly !== undefined ? { weeklyHours: numberOption('--weekly-hours', weekly, 1, 60, USAGE) } : {}),
    ...(own !== undefined ? { ownDaysUsed: numberOption('--own-days-used', own, 0, 366, USAGE, true) } : {}),
  };
}

/** The reader's message, prefixed with the file, so the user knows which of several failed. */
function inFile(e: ReadError, file: string): ReadError {
  const wrapped = new ReadError(e.code, `»${file}«: ${e.message}`, {
    ...(e.expected ? { expected: e.expected } : {}),
    ...(e.found ? { found: e.found } : {}),
  });
  if (e.line !== undefined) Object.assign(wrapped, { line: e.line });
  wrapped.fileName = file;
  return wrapped;
}

/**
 * OPSVZ is one person's return, and the engine chains every certificate it gets into that
 * person's absences; certificates of two people would silently give wrong hours.
 */
function assertOnePerson(certificates: readonly Certificate[]): void {
  const ids = new Set<string>();
  for (const c of certificates) {
    const id = c.worker.emso ?? c.worker.zzzsNumber;
    if (id) ids.add(id);
  }
  if (ids.size > 1) {
    const names = [...new Set(certificates.map((c) => c.worker.name).filter((n): n is string => n !== null))];
    throw new UsageError(`Potrdila so za ${ids.size} različne osebe${names.length > 0 ? ` (${names.join(', ')})` : ''}; obračun OPSVZ je za eno osebo. Navedite samo njena potrdila.`);
  }
}

import type { Certificate } from '../../lib/certificates.ts';
import { readEbolXml } from '../../lib/ebolXml.ts';
import { ReadError } from '../../lib/errors.ts';
import { opsvzFields } from '../../lib/selfEmployed.ts';
import { UsageError } from '../errors.ts';
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
  const options = parseArgs(args);
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
  const certificates = merge(read.flatMap((r) => r.certificates), warnings);
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

function parseArgs(args: readonly string[]): Options {
  let month: string | undefined;
  let weeklyHours: number | undefined;
  let ownDaysUsed: number | undefined;
  const files: string[] = [];
  let onlyFiles = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (onlyFiles || !arg.startsWith('--')) { files.push(arg); continue; }
    if (arg === '--') { onlyFiles = true; continue; }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const takeValue = (): string => {
      if (eq >= 0) return arg.slice(eq + 1);
      const v = args[i + 1];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`Možnost ${name} potrebuje vrednost.\n${USAGE}`);
      i++;
      return v;
    };
    switch (name) {
      case '--month': month = takeValue(); break;
      case '--weekly-hours': weeklyHours = numberOption(name, takeValue(), 1, 60); break;
      case '--own-days-used': ownDaysUsed = numberOption(name, takeValue(), 0, 366, true); break;
      default: throw new UsageError(`Neznana možnost »${arg}«.\n${USAGE}`);
    }
  }
  if (month === undefined) throw new UsageError(`Manjka --month (mesec obračuna).\n${USAGE}`);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UsageError(`Mesec mora biti v obliki LLLL-MM (npr. 2025-03), najdeno »${month}«.\n${USAGE}`);
  if (files.length === 0) throw new UsageError(`Navedite vsaj eno datoteko eBOL XML.\n${USAGE}`);
  return { month, files, ...(weeklyHours !== undefined ? { weeklyHours } : {}), ...(ownDaysUsed !== undefined ? { ownDaysUsed } : {}) };
}

function numberOption(name: string, text: string, min: number, max: number, integer = false): number {
  const v = Number(text.replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
    throw new UsageError(`Možnost ${name}: pričakovano ${integer ? 'celo ' : ''}število od ${min} do ${max}, najdeno »${text}«.\n${USAGE}`);
  }
  return v;
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
 * The same certificate in two files is one certificate (FORMATS.md: a repeat is an
 * update). A cancellation is final, so a cancelled copy wins; otherwise the later file.
 */
function merge(certificates: readonly Certificate[], warnings: string[]): Certificate[] {
  const byNumber = new Map<string, Certificate>();
  for (const c of certificates) {
    const prev = byNumber.get(c.number);
    if (prev) {
      if (!warnings.includes('DUPLICATE_CERTIFICATE')) warnings.push('DUPLICATE_CERTIFICATE');
      if (prev.status === 'cancelled') continue;
    }
    byNumber.set(c.number, c);
  }
  return [...byNumber.values()];
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

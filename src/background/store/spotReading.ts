/**
 * What the in-page helper needs from the store besides the plain upserts: which numbers are
 * stored (badges), the employer choice, a disclosure linked by the worker's name when nothing
 * else links it, and the engine's hourly ZZZS base for a downloaded disclosure.
 */
import { absenceOf, assembleCase, employerDaysUsedBefore } from '../../lib/assemble.ts';
import type { Certificate } from '../../lib/certificates.ts';
import { computeCase, warningText } from '../../lib/compensation/index.ts';
import type { Disclosure } from '../../lib/disclosure/model.ts';
import { foldLabel } from '../../lib/text/fold.ts';
import type { DisclosureOutcome, EmployersResponse } from '../../shared/protocol/spot.ts';
import type { CertificateRow, RecordSource } from '../../shared/rows.ts';
import type { IsoTimestamp } from '../../shared/spot.ts';
import type { SpotDb } from '../db.ts';
import { storeDisclosure, type StoreDisclosureResult } from './disclosures.ts';
import { CURRENT_EMPLOYER, currentEmployer, ensureEmployer } from './employers.ts';
import { employerWorkers } from './workers.ts';

/** Which of `numbers` are stored for this employer (certificates of other employers do not count). */
export async function storedNumbers(db: SpotDb, employerTax: string, numbers: readonly string[]): Promise<string[]> {
  const unique = [...new Set(numbers)];
  const rows = await db.certificates.bulkGet(unique);
  return unique.filter((_, i) => rows[i]?.employerTax === employerTax);
}

export async function employersAndCurrent(db: SpotDb): Promise<EmployersResponse> {
  return db.transaction('r', db.employers, db.settings, async () => {
    const employers = await db.employers.orderBy('taxNumber').toArray();
    employers.sort((a, b) => a.name.localeCompare(b.name, 'sl'));
    return { employers, current: await currentEmployer(db) };
  });
}

/** Makes the employer the current one (creating it when new); one transaction. */
export async function chooseEmployer(db: SpotDb, taxNumber: string, name: string | null): Promise<EmployersResponse> {
  await db.transaction('rw', db.employers, db.settings, async () => {
    await ensureEmployer(db, taxNumber, name);
    await db.settings.put({ key: CURRENT_EMPLOYER, value: taxNumber });
  });
  return employersAndCurrent(db);
}

export interface DisclosureFromPage {
  employerTax: string;
  disclosure: Disclosure;
  certificateNumber: string | null;
  workerName: string | null;
  fileName: string | null;
  source: RecordSource;
  now: IsoTimestamp;
}

/**
 * Stores a disclosure downloaded from the list, in ONE transaction: `storeDisclosure` links it
 * through the certificate or the worker's tax number; when neither does, the worker named in
 * the list row (exactly one worker of this employer with that name) links it.
 */
export async function storeDisclosureFromPage(db: SpotDb, input: DisclosureFromPage): Promise<StoreDisclosureResult> {
  return db.transaction('rw', [db.disclosures, db.certificates, db.workers, db.employers, db.history], async () => {
    const result = await storeDisclosure(db, input);
    if (result.workerId || !input.workerName) return result;
    const folded = foldLabel(input.workerName);
    const named = (await employerWorkers(db, input.employerTax).toArray()).filter((w) => foldLabel(w.name) === folded);
    if (named.length !== 1) return result;
    const worker = named[0]!;
    await db.disclosures.update(result.id, { workerId: worker.id });
    const workerTax = input.disclosure.workerTaxNumber;
    if (workerTax && !worker.taxNumber) await db.workers.update(worker.id, { taxNumber: workerTax });
    return { ...result, workerId: worker.id };
  });
}

function certificateOf(row: CertificateRow): Certificate {
  return {
    number: row.number, kind: row.kind, worker: { name: row.workerName ?? null, zzzsNumber: null, emso: null },
    reason: row.reason, from: row.from, to: row.to, hoursPerDay: row.hoursPerDay, status: row.status, issuedOn: row.issuedOn,
  };
}

/**
 * What the helper shows about a stored disclosure: its totals and warnings, and the hourly
 * ZZZS base the engine computes for the certificate's absence from everything stored for
 * that worker (the same assembly the popup uses).
 */
export async function disclosureOutcome(...args: Parameters<typeof outcomeCodes>): Promise<DisclosureOutcome> {
  const outcome = await outcomeCodes(...args);
  // The texts travel with the codes: the content script carries no warning catalogue (issue 8).
  return { ...outcome, warningTexts: outcome.warnings.map((code) => ({ code, ...warningText(code) })) };
}

async function outcomeCodes(
  db: SpotDb, employerTax: string, stored: StoreDisclosureResult, disclosure: Disclosure,
): Promise<Omit<DisclosureOutcome, 'warningTexts'>> {
  const base: Omit<DisclosureOutcome, 'zzzsBase' | 'noBaseReason' | 'warningTexts'> = {
    status: stored.status,
    queryNumber: disclosure.queryNumber ?? '',
    certificateNumber: stored.certificateNumber,
    workerName: null,
    sections: disclosure.sections.map((s) => ({
      from: s.basePeriod.from, to: s.basePeriod.to, payer: s.payer, noData: s.noData, amount: s.totals.amount, hours: s.totals.hours,
    })),
    warnings: [...disclosure.warnings],
  };
  const { certificate, workerCertificates, disclosures, workerName } = await db.transaction(
    'r', [db.certificates, db.disclosures, db.workers], async () => {
      const cert = stored.certificateNumber ? await db.certificates.get(stored.certificateNumber) : undefined;
      const own = cert && cert.employerTax === employerTax ? cert : undefined;
      const workerId = own?.workerId ?? stored.workerId;
      const worker = workerId ? await db.workers.get(workerId) : undefined;
      return {
        certificate: own,
        workerCertificates: own ? await db.certificates.where('[employerTax+workerId]').equals([employerTax, own.workerId]).toArray() : [],
        disclosures: workerId ? (await db.disclosures.where('workerId').equals(workerId).toArray()).map((d) => d.data) : [],
        workerName: worker?.name ?? null,
      };
    },
  );
  base.workerName = workerName;
  if (!certificate) return { ...base, zzzsBase: null, noBaseReason: 'noCertificate' };
  if (certificate.status === 'cancelled') return { ...base, zzzsBase: null, noBaseReason: 'noCertificate' };
  try {
    const certs = workerCertificates.map(certificateOf);
    const absence = absenceOf(certs, certificate.number);
    const raw = assembleCase(absence, disclosures, {
      employerDaysUsedThisYear: absence[0] ? employerDaysUsedBefore(certs, absence[0].from) : 0,
    });
    const result = computeCase(raw);
    const warnings = [...base.warnings];
    for (const w of result.warnings) if (w !== 'NO_CERTIFICATES' && !warnings.includes(w)) warnings.push(w);
    const summary = result.absences.find((a) => a.certificates.includes(certificate.number));
    const z = summary?.zzzsBase;
    if (z) {
      return {
        ...base, warnings,
        zzzsBase: { hourly: z.hourly, year: z.year, months: z.months.length, amount: z.amount, hours: z.hours },
        noBaseReason: null,
      };
    }
    return { ...base, warnings, zzzsBase: null, noBaseReason: summary && summary.zzzsFrom === null ? 'notZzzs' : 'noData' };
  } catch {
    return { ...base, zzzsBase: null, noBaseReason: 'engineError' };
  }
}

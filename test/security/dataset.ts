/**
 * A realistic small dataset with rows in EVERY table, written through the store functions the
 * handlers use (not raw rows): two employers, workers, certificates (one cancelled), FURS
 * disclosures linked to a worker, a computation with its claim lines, an A1 posting, settings
 * and the history all of that leaves. Used by the backup, retention, delete-all and fault
 * tests, so that "nothing lost" is checked on data of every kind.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SpotDb } from '../../src/background/db.ts';
import { storeCertificates } from '../../src/background/store/certificates.ts';
import { computeAbsence } from '../../src/background/store/computations.ts';
import { storeDisclosure } from '../../src/background/store/disclosures.ts';
import { CURRENT_EMPLOYER } from '../../src/background/store/employers.ts';
import { saveColumnMapping, writeUiSettings } from '../../src/background/store/settings.ts';
import type { Certificate } from '../../src/lib/certificates.ts';
import type { Disclosure } from '../../src/lib/disclosure/model.ts';
import { CASES_DIR } from '../shared-cases.ts';

export const EMPLOYER = '12345679';
export const OTHER_EMPLOYER = '10000003';
export const WORKER_TAX = '87654326';

type Rows = Disclosure['sections'][number]['rows'];
interface CaseJson {
  certificates: { number: string; reason: string; from: string; to: string; status: 'issued' | 'cancelled' }[];
  employerBase: { rows: Rows };
  zzzsBase: { rows: Rows };
}

export const certificate = (number: string, over: Partial<Certificate> = {}): Certificate => ({
  number, kind: 'eBOL', worker: { name: 'Kovač Ana', zzzsNumber: '012345678', emso: null },
  reason: '01', from: '2025-03-03', to: '2025-03-14', hoursPerDay: null, status: 'issued', issuedOn: '2025-03-03', ...over,
});

/** Golden case 02's two FURS disclosures (employer base, ZZZS base) of one worker. */
export function caseDisclosures(validUntil = '2025-05-19'): Disclosure[] {
  const c = JSON.parse(readFileSync(join(CASES_DIR, '02-illness-crosses-to-zzzs.case.json'), 'utf8')) as CaseJson;
  const section = (rows: Rows, payer: 'zzzs' | 'employer') => ({
    basePeriod: { from: `${rows[0]!.month}-01`, to: `${rows.at(-1)!.month}-28` }, payer, noData: false, rows, totals: { amount: 0, hours: 0 },
  });
  const d = (q: string, payer: 'zzzs' | 'employer', rows: Rows): Disclosure => ({
    type: 'disclosure', queryNumber: q, employerTaxNumber: EMPLOYER, workerTaxNumber: WORKER_TAX,
    preparedOn: '2025-05-20', validUntil, sections: [section(rows, payer)], warnings: [],
  });
  return [d('P-2025-000000001', 'employer', c.employerBase.rows), d('P-2025-000000002', 'zzzs', c.zzzsBase.rows)];
}

function caseCertificates(): Certificate[] {
  const c = JSON.parse(readFileSync(join(CASES_DIR, '02-illness-crosses-to-zzzs.case.json'), 'utf8')) as CaseJson;
  return c.certificates.map((x) => certificate(x.number, { reason: x.reason, from: x.from, to: x.to, status: x.status, issuedOn: x.from }));
}

/** Fills every table; returns how many rows each table holds afterwards. */
export async function fillEveryTable(db: SpotDb, now = '2025-06-02T08:00:00.000Z'): Promise<Record<string, number>> {
  await storeCertificates(db, { employerTax: EMPLOYER, employerName: 'PRIMER d.o.o.', certificates: caseCertificates(), source: 'spot-page', now });
  await storeCertificates(db, {
    employerTax: EMPLOYER, certificates: [
      certificate('1000200001', { worker: { name: 'Horvat Marko', zzzsNumber: null, emso: '0207915505000' }, from: '2025-01-06', to: '2025-01-10' }),
      certificate('1000200002', { worker: { name: 'Horvat Marko', zzzsNumber: null, emso: '0207915505000' }, from: '2025-02-03', to: '2025-02-04', status: 'cancelled' }),
    ], source: 'import', now,
  });
  await storeCertificates(db, {
    employerTax: OTHER_EMPLOYER, employerName: 'DRUGO d.o.o.', source: 'spot-page', now,
    certificates: [certificate('100000004567', { kind: 'ePODK', reason: '12', from: '2025-04-15', to: '2025-04-15', worker: { name: 'Krajnc Maja', zzzsNumber: null, emso: null } })],
  });
  const workerId = (await db.certificates.get('1000002'))!.workerId;
  for (const d of caseDisclosures()) {
    const r = await storeDisclosure(db, { employerTax: EMPLOYER, disclosure: d, fileName: `${d.queryNumber}.xml`, source: 'import', now });
    await db.disclosures.update(r.id, { workerId });
  }
  await computeAbsence(db, { certificateNumber: '1000003', now });
  await db.postings.add({ employerTax: EMPLOYER, workerId, start: '2025-07-01', end: '2025-09-30', data: { country: 'AT' } });
  await writeUiSettings(db, { retentionDays: 90, exportDialect: 'csv', parameterOverrides: { minimumWage: 1277.72 } });
  await saveColumnMapping(db, 'datum|opis|vrednost', { Datum: 'month', Vrednost: 'amount' });
  await db.settings.put({ key: CURRENT_EMPLOYER, value: EMPLOYER });
  const counts: Record<string, number> = {};
  for (const table of db.tables) counts[table.name] = await table.count();
  return counts;
}

/** Every row of every table, for before/after comparisons. */
export async function snapshot(db: SpotDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

export const recordCount = (s: Record<string, unknown[]>): number => Object.values(s).reduce((n, rows) => n + rows.length, 0);

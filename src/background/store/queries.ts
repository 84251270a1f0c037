/**
 * Read queries for the popup: pages with a total count, sliced from lists the background keeps
 * sorted (certificateList.ts, workerDirectory.ts), so that opening the popup with tens of
 * thousands of stored certificates reads IndexedDB once, not once per page.
 */
import { lastOfMonth } from '../../lib/dates.ts';
import { foldLabel } from '../../lib/text/fold.ts';
import type { CertificateFilter, DisclosureSummary, EmployerSummary, Page, WorkerCounts, WorkerSummary } from '../../shared/protocol/ui.ts';
import type { CertificateRow, DisclosureRow, WorkerRow } from '../../shared/rows.ts';
import type { SpotDb } from '../db.ts';
import { certificatesByDate } from './certificateList.ts';
import { kept } from './kept.ts';
import { sortedWorkers } from './workerDirectory.ts';

const collator = new Intl.Collator('sl', { sensitivity: 'base', numeric: true });

/** Employers by name. No counts here: IndexedDB counts by walking an index, which the popup's start cannot wait for. */
export async function listEmployers(db: SpotDb): Promise<EmployerSummary[]> {
  const employers = await db.employers.toArray();
  return employers.sort((a, b) => collator.compare(a.name, b.name) || a.taxNumber.localeCompare(b.taxNumber));
}

/** Certificates whose number starts with `search` (digits) or whose worker's name contains it (folded). */
function searchPredicate(search: string | undefined): ((c: CertificateRow) => boolean) | null {
  const q = (search ?? '').trim();
  if (q === '') return null;
  if (/^\d+$/.test(q)) return (c) => c.number.startsWith(q);
  const folded = foldLabel(q);
  if (folded === '') return null;
  return (c) => foldLabel(c.workerName ?? '').includes(folded);
}

/**
 * One page of an employer's certificates, newest first, with how many there are: a slice of
 * the list the background keeps sorted (certificateList.ts), filtered here. A month keeps the
 * certificates that touch it (start on or before its last day, end on or after its first).
 */
export async function listCertificates(
  db: SpotDb,
  employerTax: string,
  offset: number,
  limit: number,
  filter: CertificateFilter = {},
): Promise<Page<CertificateRow>> {
  const month = filter.month && /^\d{4}-(0[1-9]|1[0-2])$/.test(filter.month) ? filter.month : null;
  const predicates: ((c: CertificateRow) => boolean)[] = [];
  if (month) {
    const first = `${month}-01`;
    const last = lastOfMonth(month);
    predicates.push((c) => c.from <= last && c.to >= first);
  }
  if (filter.reason) predicates.push((c) => c.reason === filter.reason);
  if (filter.status) predicates.push((c) => c.status === filter.status);
  if (filter.kind) predicates.push((c) => c.kind === filter.kind);
  const search = searchPredicate(filter.search);
  if (search) predicates.push(search);

  const all = await certificatesByDate(db, employerTax);
  const matching = predicates.length ? all.filter((row) => predicates.every((p) => p(row))) : all;
  // Newest first: the page counted from the end of the oldest-first list.
  const end = matching.length - offset;
  const rows = end > 0 ? matching.slice(Math.max(0, end - limit), end).reverse() : [];
  // Copies: the sorted list is kept for the next page and must not change with this one.
  return { total: matching.length, offset, rows: rows.map((r) => ({ ...r })), hasMore: end - limit > 0 };
}

/** How many certificates an employer has (the length of the kept list: no second read beside the first page). */
export async function countCertificates(db: SpotDb, employerTax: string): Promise<number> {
  return (await certificatesByDate(db, employerTax)).length;
}

/**
 * Certificates and disclosures of each worker: small index counts, all in one read
 * transaction, and kept per worker until certificates or disclosures are written (kept.ts):
 * every popup asks again for the counts of the same first page.
 */
export async function countWorkerRecords(db: SpotDb, employerTax: string, workerIds: readonly string[]): Promise<Record<string, WorkerCounts>> {
  let counted: Promise<Map<string, WorkerCounts>> | undefined;
  // Asked at most once per call, for all of them: one transaction, whichever worker asks first.
  const countAll = () => (counted ??= db.transaction('r', db.certificates, db.disclosures, async () => new Map(await Promise.all(workerIds.map(async (id) => [id, {
    certificates: await db.certificates.where('[employerTax+workerId]').equals([employerTax, id]).count(),
    disclosures: await db.disclosures.where('workerId').equals(id).count(),
  }] as const)))));
  const counts = await Promise.all(workerIds.map((id) => kept(db, ['certificates', 'disclosures'], `workerCounts:${employerTax}:${id}`, async () => (await countAll()).get(id)!)));
  // Copies: the kept counts must not change with what a caller does to its answer.
  return Object.fromEntries(workerIds.map((id, i) => [id, { ...counts[i]! }]));
}

function workerMatches(search: string | undefined): ((w: WorkerRow) => boolean) | null {
  const q = (search ?? '').trim();
  if (q === '') return null;
  if (/^\d+$/.test(q)) return (w) => [w.emso, w.zzzsNumber, w.taxNumber].some((id) => typeof id === 'string' && id.startsWith(q));
  const folded = foldLabel(q);
  return (w) => foldLabel(w.name).includes(folded);
}

/**
 * One page of an employer's workers in Slovenian alphabetical order (Č after C), from the list
 * the background keeps sorted (workerDirectory.ts: read and sorted once, not per page); their
 * counts of certificates and disclosures are a separate message (`countWorkerRecords`), so the
 * page never waits for them.
 */
export async function listWorkers(db: SpotDb, employerTax: string, offset: number, limit: number, search?: string): Promise<Page<WorkerSummary>> {
  const match = workerMatches(search);
  const all = await sortedWorkers(db, employerTax);
  const matching = match ? all.filter(match) : all;
  // Copies: the sorted list is kept for the next page and must not change with this one.
  const rows = matching.slice(offset, offset + limit).map((w) => ({ ...w }));
  return { total: matching.length, offset, rows, hasMore: matching.length > offset + limit };
}

export function disclosureSummary(row: DisclosureRow): DisclosureSummary {
  return {
    id: row.id!,
    queryNumber: row.queryNumber,
    validUntil: row.validUntil,
    preparedOn: row.preparedOn,
    workerId: row.workerId,
    workerTaxNumber: row.workerTaxNumber ?? row.data.workerTaxNumber ?? null,
    certificateNumber: row.certificateNumber,
    fileName: row.fileName ?? null,
    periods: row.data.sections.map((s) => ({
      from: s.basePeriod.from, to: s.basePeriod.to, payer: s.payer, noData: s.noData, rows: s.rows.length,
    })),
    warnings: [...row.data.warnings],
  };
}

/** A worker's disclosures: linked to the worker, or to one of the given certificates. */
export async function disclosuresOf(db: SpotDb, workerId: string, certificateNumbers: readonly string[] = []): Promise<DisclosureRow[]> {
  const byWorker = await db.disclosures.where('workerId').equals(workerId).toArray();
  const byCert = certificateNumbers.length ? await db.disclosures.where('certificateNumber').anyOf([...certificateNumbers]).toArray() : [];
  const seen = new Set<number>();
  const out: DisclosureRow[] = [];
  for (const d of [...byWorker, ...byCert]) {
    if (d.id === undefined || seen.has(d.id)) continue;
    seen.add(d.id);
    out.push(d);
  }
  return out.sort((a, b) => (a.validUntil < b.validUntil ? 1 : a.validUntil > b.validUntil ? -1 : 0));
}

/** An employer's disclosures, newest first; `unlinked` keeps those without a worker (at most 500). */
export async function listDisclosures(db: SpotDb, employerTax: string, unlinked = false): Promise<DisclosureSummary[]> {
  let c = db.disclosures.where('employerTax').equals(employerTax);
  if (unlinked) c = c.filter((d) => d.workerId === null);
  const rows = await c.limit(500).toArray();
  return rows
    .sort((a, b) => ((a.storedAt ?? '') < (b.storedAt ?? '') ? 1 : (a.storedAt ?? '') > (b.storedAt ?? '') ? -1 : (b.id ?? 0) - (a.id ?? 0)))
    .map(disclosureSummary);
}

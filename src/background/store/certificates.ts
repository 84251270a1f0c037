import type { Certificate } from '../../lib/certificates.ts';
import type { CertificateRow, HistoryRow, RecordSource } from '../../shared/rows.ts';
import type { IsoTimestamp } from '../../shared/spot.ts';
import type { SpotDb } from '../db.ts';
import { ensureEmployer } from './employers.ts';
import { WorkerIndex } from './workers.ts';

export interface CertificateBatch {
  employerTax: string;
  employerName?: string | null;
  certificates: readonly Certificate[];
  source: RecordSource;
  now: IsoTimestamp;
}

/** What a batch changed: the in-page helper says "12 novih, 3 posodobljena, 1 preklicano". */
export interface StoreCertificatesResult {
  added: string[];
  updated: string[];
  cancelled: string[];
  unchanged: string[];
}

const COMPARED = ['kind', 'reason', 'from', 'to', 'hoursPerDay', 'status', 'issuedOn', 'workerId'] as const;

function differences(a: CertificateRow, b: CertificateRow): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of COMPARED) if (a[k] !== b[k]) out[k] = [a[k], b[k]];
  return out;
}

/** A range read of keys may return at most this many keys per wanted number before `storedRows` gives up on it. */
const RANGE_KEYS_PER_NUMBER = 4;

/**
 * The stored rows of these certificate numbers, in their order (`undefined` for a number not
 * stored). The browser pays far more per request than per row, so instead of one `get` per
 * number, the keys between the smallest and the largest number are read first (one request,
 * at most `RANGE_KEYS_PER_NUMBER` keys per number): a batch of new certificates needs nothing
 * more; when the stored ones are at least half of that range (a list seen again), their rows
 * come in one more range request; otherwise one `get` per stored number. When the range holds
 * more keys than that (numbers far apart among many other certificates), one `get` per number.
 * Call inside a transaction.
 */
export async function storedRows(db: SpotDb, numbers: readonly string[]): Promise<(CertificateRow | undefined)[]> {
  if (numbers.length === 0) return [];
  let lo = numbers[0]!, hi = numbers[0]!;
  for (const n of numbers) {
    if (n < lo) lo = n;
    if (n > hi) hi = n;
  }
  const range = () => db.certificates.where('number').between(lo, hi, true, true);
  const limit = RANGE_KEYS_PER_NUMBER * numbers.length + 64;
  const keys = await range().limit(limit).primaryKeys();
  if (keys.length >= limit) return db.certificates.bulkGet([...numbers]);
  const wanted = new Set(numbers);
  const hits = keys.filter((k) => wanted.has(k));
  if (hits.length === 0) return numbers.map(() => undefined);
  const rows = hits.length * 2 >= keys.length
    ? (await range().toArray()).filter((r) => wanted.has(r.number))
    : ((await db.certificates.bulkGet(hits)) as CertificateRow[]);
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  return numbers.map((n) => byNumber.get(n));
}

/**
 * Stores certificates idempotently in one transaction: a certificate seen again updates the
 * stored one (keeping when and where it was first seen) and its change is kept in the history;
 * it is never duplicated. A certificate already stored for another employer is not moved.
 *
 * The history holds CHANGES of stored certificates (status, dates, reason, kind, hours, issue
 * date, worker: `{ field: [before, after] }`), not their creation: a new certificate's row says
 * when (`firstSeenAt`) and where (`source`) it was first seen, and its first status is the
 * earlier value of its first status change (or its status, when it never changed). A history
 * row per new certificate would only repeat that, and IndexedDB charges a request per row.
 */
export async function storeCertificates(db: SpotDb, batch: CertificateBatch): Promise<StoreCertificatesResult> {
  const result: StoreCertificatesResult = { added: [], updated: [], cancelled: [], unchanged: [] };
  await db.transaction('rw', [db.certificates, db.workers, db.employers, db.history], async () => {
    // The reads go out together (one wait for the browser, not three). One worker index per
    // employer (a certificate already stored for another employer stays there), all loaded
    // before the loop: the loop itself makes no request, so nothing waits in between.
    const [, existing, own] = await Promise.all([
      ensureEmployer(db, batch.employerTax, batch.employerName),
      storedRows(db, batch.certificates.map((c) => c.number)),
      WorkerIndex.load(db, batch.employerTax),
    ]);
    const indexes = new Map<string, WorkerIndex>([[batch.employerTax, own]]);
    const otherTaxes = new Set(existing.flatMap((old) => (old && old.employerTax !== batch.employerTax ? [old.employerTax] : [])));
    for (const [tax, index] of await Promise.all([...otherTaxes].map(async (tax) => [tax, await WorkerIndex.load(db, tax)] as const))) {
      indexes.set(tax, index);
    }
    const rows: CertificateRow[] = [];
    const history: HistoryRow[] = [];
    for (const [i, c] of batch.certificates.entries()) {
      const old = existing[i];
      const employerTax = old?.employerTax ?? batch.employerTax;
      const worker = indexes.get(employerTax)!.resolve(c.worker);
      const row: CertificateRow = {
        number: c.number, kind: c.kind, employerTax, workerId: worker.id, reason: c.reason, from: c.from, to: c.to,
        hoursPerDay: c.hoursPerDay, status: c.status, issuedOn: c.issuedOn ?? old?.issuedOn ?? null,
        workerName: c.worker.name ?? old?.workerName ?? worker.name, source: old?.source ?? batch.source,
        firstSeenAt: old?.firstSeenAt ?? batch.now, updatedAt: batch.now,
      };
      if (!old) {
        result.added.push(c.number);
        rows.push(row);
        continue;
      }
      const diff = differences(old, row);
      if (Object.keys(diff).length === 0) {
        result.unchanged.push(c.number);
        continue;
      }
      if (diff.status && row.status === 'cancelled') result.cancelled.push(c.number);
      else result.updated.push(c.number);
      rows.push(row);
      history.push({ entity: 'certificates', entityKey: c.number, at: batch.now, change: diff });
    }
    // The writes go out together as well: the browser works through the first while the rest
    // are still being sent. Any failure aborts the whole transaction.
    await Promise.all([
      ...[...indexes.values()].map((index) => index.flush(db)),
      rows.length ? db.certificates.bulkPut(rows) : undefined,
      history.length ? db.history.bulkAdd(history) : undefined,
    ]);
  });
  return result;
}

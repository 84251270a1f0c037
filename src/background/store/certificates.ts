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

/**
 * Stores certificates idempotently in one transaction: a certificate seen again updates the
 * stored one (keeping when it was first seen) and its change is kept in the history; it is
 * never duplicated. A certificate already stored for another employer is not moved.
 */
export async function storeCertificates(db: SpotDb, batch: CertificateBatch): Promise<StoreCertificatesResult> {
  const result: StoreCertificatesResult = { added: [], updated: [], cancelled: [], unchanged: [] };
  await db.transaction('rw', [db.certificates, db.workers, db.employers, db.history], async () => {
    await ensureEmployer(db, batch.employerTax, batch.employerName);
    const existing = await db.certificates.bulkGet(batch.certificates.map((c) => c.number));
    const rows: CertificateRow[] = [];
    const history: HistoryRow[] = [];
    // One index per employer (a certificate already stored for another employer stays there),
    // loaded before the loop: the loop itself makes no request, so nothing waits in between.
    const taxes = new Set([batch.employerTax, ...existing.flatMap((old) => (old ? [old.employerTax] : []))]);
    const indexes = new Map<string, WorkerIndex>();
    for (const tax of taxes) indexes.set(tax, await WorkerIndex.load(db, tax));
    for (const [i, c] of batch.certificates.entries()) {
      const old = existing[i];
      const employerTax = old?.employerTax ?? batch.employerTax;
      const worker = indexes.get(employerTax)!.resolve(c.worker);
      const row: CertificateRow = {
        number: c.number, kind: c.kind, employerTax, workerId: worker.id, reason: c.reason, from: c.from, to: c.to,
        hoursPerDay: c.hoursPerDay, status: c.status, issuedOn: c.issuedOn ?? old?.issuedOn ?? null,
        workerName: c.worker.name ?? old?.workerName ?? worker.name, source: batch.source,
        firstSeenAt: old?.firstSeenAt ?? batch.now, updatedAt: batch.now,
      };
      if (!old) {
        result.added.push(c.number);
        rows.push(row);
        history.push({ entity: 'certificates', entityKey: c.number, at: batch.now, change: { created: { status: row.status, source: batch.source } } });
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
    for (const index of indexes.values()) await index.flush(db);
    if (rows.length) await db.certificates.bulkPut(rows);
    if (history.length) await db.history.bulkAdd(history);
  });
  return result;
}

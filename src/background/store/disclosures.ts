import type { Disclosure } from '../../lib/disclosure/model.ts';
import type { DisclosureRow, RecordSource } from '../../shared/rows.ts';
import type { IsoTimestamp } from '../../shared/spot.ts';
import type { SpotDb } from '../db.ts';
import { ensureEmployer } from './employers.ts';
import { recordChange } from './history.ts';
import { employerWorkers } from './workers.ts';

export interface DisclosureInput {
  employerTax: string;
  disclosure: Disclosure;
  /** The certificate the disclosure was asked for (from the SPOT list row), when known. */
  certificateNumber?: string | null;
  fileName?: string | null;
  source: RecordSource;
  now: IsoTimestamp;
}

export interface StoreDisclosureResult {
  id: number;
  /** `newVersion`: the same query downloaded again with a newer validity date; the old one is kept. */
  status: 'new' | 'newVersion' | 'same';
  workerId: string | null;
  certificateNumber: string | null;
}

/** A disclosure without a query number still needs a stable key: derived from its content. */
export function disclosureKey(d: Disclosure): { queryNumber: string; validUntil: string } {
  const validUntil = d.validUntil ?? d.preparedOn ?? '0000-00-00';
  if (d.queryNumber) return { queryNumber: d.queryNumber, validUntil };
  let h = 2166136261;
  const text = JSON.stringify(d.sections);
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return { queryNumber: `BREZ-${d.workerTaxNumber ?? 'X'}-${h.toString(16)}`, validUntil };
}

/**
 * Stores a disclosure in one transaction, linked to its certificate and worker: the same
 * file again changes nothing; a newer validity date of the same query is a new version.
 */
export async function storeDisclosure(db: SpotDb, input: DisclosureInput): Promise<StoreDisclosureResult> {
  const { queryNumber, validUntil } = disclosureKey(input.disclosure);
  return db.transaction('rw', [db.disclosures, db.certificates, db.workers, db.employers, db.history], async () => {
    await ensureEmployer(db, input.employerTax);
    const cert = input.certificateNumber ? await db.certificates.get(input.certificateNumber) : undefined;
    let workerId = cert?.workerId ?? null;
    const workerTax = input.disclosure.workerTaxNumber;
    if (!workerId && workerTax) {
      workerId = (await employerWorkers(db, input.employerTax).toArray()).find((w) => w.taxNumber === workerTax)?.id ?? null;
    }
    if (workerId && workerTax) {
      const w = await db.workers.get(workerId);
      if (w && !w.taxNumber) await db.workers.update(workerId, { taxNumber: workerTax });
    }
    const same = await db.disclosures.where('[queryNumber+validUntil]').equals([queryNumber, validUntil]).first();
    if (same) {
      const patch: Partial<DisclosureRow> = {};
      if (!same.workerId && workerId) patch.workerId = workerId;
      if (!same.certificateNumber && input.certificateNumber) patch.certificateNumber = input.certificateNumber;
      if (Object.keys(patch).length) await db.disclosures.update(same.id!, patch);
      return { id: same.id!, status: 'same' as const, workerId: patch.workerId ?? same.workerId, certificateNumber: patch.certificateNumber ?? same.certificateNumber };
    }
    const older = await db.disclosures.where('queryNumber').equals(queryNumber).count();
    const row: DisclosureRow = {
      queryNumber, validUntil, preparedOn: input.disclosure.preparedOn, employerTax: input.employerTax, workerId,
      certificateNumber: input.certificateNumber ?? null, workerTaxNumber: workerTax, fileName: input.fileName ?? null,
      source: input.source, storedAt: input.now, data: input.disclosure,
    };
    const id = await db.disclosures.add(row);
    await recordChange(db, 'disclosures', queryNumber, input.now, { validUntil, version: older + 1 });
    return { id, status: older > 0 ? 'newVersion' as const : 'new' as const, workerId, certificateNumber: row.certificateNumber };
  });
}

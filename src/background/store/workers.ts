import type { CertificateWorker } from '../../lib/certificates.ts';
import { foldLabel } from '../../lib/text/fold.ts';
import type { WorkerRow } from '../../shared/rows.ts';
import type { SpotDb } from '../db.ts';

/**
 * Finds the worker a certificate belongs to, or creates one; fills in identifiers learnt
 * later (an EMŠO after a ZZZS number). Identity: EMŠO, then ZZZS number, then the name.
 * Must run inside a transaction that includes `workers`.
 */
export async function resolveWorker(db: SpotDb, employerTax: string, w: CertificateWorker): Promise<WorkerRow> {
  const name = (w.name ?? '').trim();
  let found: WorkerRow | undefined;
  if (w.emso) found = await db.workers.where('[employerTax+emso]').equals([employerTax, w.emso]).first();
  if (!found && w.zzzsNumber) {
    found = await db.workers.where('employerTax').equals(employerTax).filter((x) => x.zzzsNumber === w.zzzsNumber).first();
  }
  if (!found && name) {
    const folded = foldLabel(name);
    found = await db.workers.where('[employerTax+name]').equals([employerTax, name]).first()
      ?? await db.workers.where('employerTax').equals(employerTax).filter((x) => foldLabel(x.name) === folded && (!x.emso || !w.emso)).first();
  }
  if (found) {
    const patch: Partial<WorkerRow> = {};
    if (!found.emso && w.emso) patch.emso = w.emso;
    if (!found.zzzsNumber && w.zzzsNumber) patch.zzzsNumber = w.zzzsNumber;
    if (!found.name && name) patch.name = name;
    if (Object.keys(patch).length) {
      await db.workers.update(found.id, patch);
      found = { ...found, ...patch };
    }
    return found;
  }
  const key = w.emso ? `E${w.emso}` : w.zzzsNumber ? `Z${w.zzzsNumber}` : `N${foldLabel(name) || 'neznan'}`;
  const row: WorkerRow = { id: `${employerTax}:${key}`, employerTax, name: name || '(brez imena)', emso: w.emso ?? null, zzzsNumber: w.zzzsNumber ?? null, taxNumber: null };
  await db.workers.put(row);
  return row;
}

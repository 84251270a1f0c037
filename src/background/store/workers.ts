import type { Collection } from 'dexie';
import type { CertificateWorker } from '../../lib/certificates.ts';
import { foldLabel } from '../../lib/text/fold.ts';
import type { WorkerRow } from '../../shared/rows.ts';
import type { SpotDb } from '../db.ts';

/**
 * A worker's id: the employer's tax number, a colon, then how the worker was first known
 * (`E<EMŠO>`, `Z<ZZZS number>` or `N<folded name>`). Every worker row is made here (or comes
 * back from a backup, which checks the same prefix), so one employer's workers are a range of
 * the primary key: the `workers` table needs no index, and storing a new worker writes no
 * index entry (schema v5).
 */
export function workerId(employerTax: string, key: string): string {
  return `${employerTax}:${key}`;
}

/** Does this id belong to this employer's workers (`workerId`)? */
export function isWorkerOf(id: string, employerTax: string): boolean {
  return id.startsWith(`${employerTax}:`);
}

/** One employer's workers, in id order: ids from `<tax>:` up to (not including) `<tax>;`, the next character after the colon. */
export function employerWorkers(db: SpotDb, employerTax: string): Collection<WorkerRow, string> {
  return db.workers.where(':id').between(workerId(employerTax, ''), `${employerTax};`, true, false);
}

/**
 * The workers of one employer, indexed in memory for one batch: a page or a file of
 * certificates is resolved against them without a query per certificate (an import of
 * thousands of certificates stays linear). Identity: EMŠO, then ZZZS number, then the name;
 * identifiers learnt later (an EMŠO after a ZZZS number) are filled in. `flush` writes what
 * changed; both must run inside a transaction that includes `workers`.
 */
export class WorkerIndex {
  private readonly byEmso = new Map<string, WorkerRow>();
  private readonly byZzzs = new Map<string, WorkerRow>();
  private readonly byName = new Map<string, WorkerRow[]>();
  private readonly changed = new Map<string, WorkerRow>();

  private constructor(private readonly employerTax: string, rows: readonly WorkerRow[]) {
    for (const row of rows) this.index(row);
  }

  static async load(db: SpotDb, employerTax: string): Promise<WorkerIndex> {
    return new WorkerIndex(employerTax, await employerWorkers(db, employerTax).toArray());
  }

  private index(row: WorkerRow): void {
    if (row.emso) this.byEmso.set(row.emso, row);
    if (row.zzzsNumber) this.byZzzs.set(row.zzzsNumber, row);
    const folded = foldLabel(row.name);
    const list = this.byName.get(folded) ?? [];
    if (!list.includes(row)) list.push(row);
    this.byName.set(folded, list);
  }

  resolve(w: CertificateWorker): WorkerRow {
    const name = (w.name ?? '').trim();
    let found = (w.emso ? this.byEmso.get(w.emso) : undefined) ?? (w.zzzsNumber ? this.byZzzs.get(w.zzzsNumber) : undefined);
    if (!found && name) {
      // By name only when the EMŠOs cannot contradict each other.
      found = this.byName.get(foldLabel(name))?.find((x) => !x.emso || !w.emso);
    }
    if (found) {
      const patch: Partial<WorkerRow> = {};
      if (!found.emso && w.emso) patch.emso = w.emso;
      if (!found.zzzsNumber && w.zzzsNumber) patch.zzzsNumber = w.zzzsNumber;
      if (!found.name && name) patch.name = name;
      if (Object.keys(patch).length) {
        Object.assign(found, patch);
        this.index(found);
        this.changed.set(found.id, found);
      }
      return found;
    }
    const key = w.emso ? `E${w.emso}` : w.zzzsNumber ? `Z${w.zzzsNumber}` : `N${foldLabel(name) || 'neznan'}`;
    const row: WorkerRow = {
      id: workerId(this.employerTax, key), employerTax: this.employerTax, name: name || '(brez imena)',
      emso: w.emso ?? null, zzzsNumber: w.zzzsNumber ?? null, taxNumber: null,
    };
    this.index(row);
    this.changed.set(row.id, row);
    return row;
  }

  async flush(db: SpotDb): Promise<void> {
    if (this.changed.size) await db.workers.bulkPut([...this.changed.values()]);
    this.changed.clear();
  }
}

/** One worker, resolved and written at once (for single lookups outside a batch). */
export async function resolveWorker(db: SpotDb, employerTax: string, w: CertificateWorker): Promise<WorkerRow> {
  const index = await WorkerIndex.load(db, employerTax);
  const row = index.resolve(w);
  await index.flush(db);
  return row;
}

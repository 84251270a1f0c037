/**
 * Each employer's workers in Slovenian alphabetical order, kept in the background's memory
 * between messages (kept.ts: dropped at the first write to `workers`, from any module).
 *
 * Why: IndexedDB cannot give this order (Č after C, case and accents folded, numbers by value),
 * so every page of Delavci, the popup's first screen included, had to read all of an
 * employer's workers and sort them: ≈ 30 ms for 1 250 workers in Chromium, most of the
 * popup's wait for its first answer. A page is now a slice of the list read once.
 */
import type { WorkerRow } from '../../shared/rows.ts';
import type { SpotDb } from '../db.ts';
import { kept } from './kept.ts';
import { employerWorkers } from './workers.ts';

const collator = new Intl.Collator('sl', { sensitivity: 'base', numeric: true });

/** The list's order: name as a Slovenian reader sorts it, then id (two workers of one name). */
export function compareWorkers(a: WorkerRow, b: WorkerRow): number {
  return collator.compare(a.name, b.name) || a.id.localeCompare(b.id);
}

/**
 * The employer's workers, sorted (`compareWorkers`). The rows are shared with later callers:
 * read them, copy what is handed on.
 */
export function sortedWorkers(db: SpotDb, employerTax: string): Promise<readonly WorkerRow[]> {
  return kept(db, ['workers'], `sortedWorkers:${employerTax}`, async () => {
    const rows = await employerWorkers(db, employerTax).toArray();
    return rows.sort(compareWorkers);
  });
}

/**
 * Each employer's workers in Slovenian alphabetical order, kept in the background's memory
 * between messages (issue 8: popup open to interactive in 150 ms with 10 000 certificates).
 *
 * Why: IndexedDB cannot give this order (Č after C, case and accents folded, numbers by value),
 * so every page of Delavci, the popup's first screen included, had to read all of an
 * employer's workers and sort them: ≈ 30 ms for 1 250 workers in Chromium, most of the
 * popup's wait for its first answer. A page is now a slice of the list read once.
 *
 * Never stale: Dexie reports every committed transaction that wrote to a table
 * (`storagemutated`, the event its liveQuery is built on: put, update, modify, delete,
 * clear, an upgrade, a restore), from whichever module wrote; a write to `workers` drops the
 * lists of that database, and the next page reads them again. A read still running when a
 * write commits is not kept (it may have read the rows before the write). Inside a transaction
 * the list is read, not taken from memory: the transaction may have changed workers itself.
 */
import { Dexie } from 'dexie';
import type { WorkerRow } from '../../shared/rows.ts';
import type { SpotDb } from '../db.ts';

const collator = new Intl.Collator('sl', { sensitivity: 'base', numeric: true });

/** The list's order: name as a Slovenian reader sorts it, then id (two workers of one name). */
export function compareWorkers(a: WorkerRow, b: WorkerRow): number {
  return collator.compare(a.name, b.name) || a.id.localeCompare(b.id);
}

interface Directory {
  byEmployer: Map<string, Promise<readonly WorkerRow[]>>;
}

const directories = new WeakMap<SpotDb, Directory>();

function directoryOf(db: SpotDb): Directory {
  let dir = directories.get(db);
  if (dir) return dir;
  const own: Directory = { byEmployer: new Map() };
  dir = own;
  directories.set(db, own);
  const workersPart = `idb://${db.name}/workers/`;
  Dexie.on('storagemutated', (parts) => {
    for (const part of Object.keys(parts)) {
      if (part.startsWith(workersPart)) {
        own.byEmployer.clear();
        return;
      }
    }
  });
  return own;
}

function readSorted(db: SpotDb, employerTax: string): Promise<WorkerRow[]> {
  return db.workers.where('employerTax').equals(employerTax).toArray().then((rows) => rows.sort(compareWorkers));
}

/**
 * The employer's workers, sorted (`compareWorkers`). The rows are shared with later callers:
 * read them, copy what is handed on.
 */
export function sortedWorkers(db: SpotDb, employerTax: string): Promise<readonly WorkerRow[]> {
  if (Dexie.currentTransaction) return readSorted(db, employerTax);
  const dir = directoryOf(db);
  const kept = dir.byEmployer.get(employerTax);
  if (kept) return kept;
  const read = readSorted(db, employerTax);
  dir.byEmployer.set(employerTax, read);
  // A failed read is not kept: the next page tries again.
  read.catch(() => {
    if (dir.byEmployer.get(employerTax) === read) dir.byEmployer.delete(employerTax);
  });
  return read;
}

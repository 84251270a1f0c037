/**
 * Reads the background keeps in memory between messages, each dropped as soon as a table it
 * was read from changes (issue 8: the popup's first answer must not wait for IndexedDB to read
 * and sort what has not changed since the last popup).
 *
 * Never stale: Dexie reports every committed transaction that wrote to a table
 * (`storagemutated`, the event its liveQuery is built on: put, update, modify, delete, clear,
 * an upgrade, a restore), from whichever module wrote; such a write drops every read kept from
 * that table, and the next caller reads again. A read still running when the write commits is
 * dropped with the others (it may have read the rows before the write). Inside a transaction
 * nothing is taken from memory: the transaction may have changed the rows itself.
 *
 * Only a cache: the service worker may be stopped at any time, and then everything is read anew.
 */
import { Dexie } from 'dexie';
import type { SpotDb } from '../db.ts';

interface Kept {
  tables: readonly string[];
  value: Promise<unknown>;
}

const keptByDb = new WeakMap<SpotDb, Map<string, Kept>>();

function keptOf(db: SpotDb): Map<string, Kept> {
  const found = keptByDb.get(db);
  if (found) return found;
  const own = new Map<string, Kept>();
  keptByDb.set(db, own);
  const prefix = `idb://${db.name}/`;
  Dexie.on('storagemutated', (parts) => {
    if (own.size === 0) return;
    const changed = new Set<string>();
    for (const part of Object.keys(parts)) {
      // `idb://<database>/<table>/<index>`
      if (!part.startsWith(prefix)) continue;
      const end = part.indexOf('/', prefix.length);
      changed.add(part.slice(prefix.length, end < 0 ? undefined : end));
    }
    for (const [key, entry] of own) {
      if (entry.tables.some((t) => changed.has(t))) own.delete(key);
    }
  });
  return own;
}

/**
 * `read()`'s answer, kept under `key` until one of `tables` (everything `read` reads) is
 * written. The value is shared with later callers: read it, copy what is handed on.
 */
export function kept<T>(db: SpotDb, tables: readonly string[], key: string, read: () => Promise<T>): Promise<T> {
  if (Dexie.currentTransaction) return read();
  const all = keptOf(db);
  const found = all.get(key);
  if (found) return found.value as Promise<T>;
  const value = read();
  const entry: Kept = { tables, value };
  all.set(key, entry);
  // A failed read is not kept: the next caller tries again.
  value.catch(() => {
    if (all.get(key) === entry) all.delete(key);
  });
  return value;
}

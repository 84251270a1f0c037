import type { SpotDb } from '../db.ts';
import { CURRENT_VERSION } from '../db.ts';
import { decryptBackup, encryptBackup } from '../../shared/backup.ts';

/** Every table, in the order a restore writes them. */
const TABLES = ['employers', 'workers', 'certificates', 'disclosures', 'computations', 'claims', 'postings', 'settings', 'history'] as const;
type TableName = (typeof TABLES)[number];

export interface BackupPayload {
  schemaVersion: number;
  tables: Record<TableName, unknown[]>;
  counts: Record<TableName, number>;
}

export async function dumpAll(db: SpotDb): Promise<BackupPayload> {
  return db.transaction('r', TABLES.map((t) => db.table(t)), async () => {
    const tables = {} as Record<TableName, unknown[]>;
    const counts = {} as Record<TableName, number>;
    for (const t of TABLES) {
      tables[t] = await db.table(t).toArray();
      counts[t] = tables[t].length;
    }
    return { schemaVersion: CURRENT_VERSION, tables, counts };
  });
}

export async function createBackup(db: SpotDb, passphrase: string, iterations?: number): Promise<string> {
  return encryptBackup(await dumpAll(db), passphrase, iterations ? { iterations } : {});
}

function isPayload(v: unknown): v is BackupPayload {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Partial<BackupPayload>;
  if (typeof p.schemaVersion !== 'number' || typeof p.tables !== 'object' || p.tables === null || typeof p.counts !== 'object' || p.counts === null) return false;
  return TABLES.every((t) => Array.isArray(p.tables![t]) && p.tables![t].length === p.counts![t] && p.tables![t].every((r) => typeof r === 'object' && r !== null));
}

/**
 * Restores a backup: decrypts and verifies everything first (passphrase, integrity, shape,
 * record counts, schema version), and only then replaces all data in ONE transaction — a
 * failure at any point leaves the current data as it was.
 */
export async function restoreBackup(db: SpotDb, fileText: string, passphrase: string): Promise<Record<string, number>> {
  const payload = await decryptBackup(fileText, passphrase);
  if (!isPayload(payload)) throw new Error('Varnostna kopija je nepopolna ali poškodovana: nič ni bilo obnovljeno.');
  if (payload.schemaVersion > CURRENT_VERSION) {
    throw new Error(`Varnostna kopija je iz novejše različice (shema ${payload.schemaVersion}); posodobite razširitev.`);
  }
  await db.transaction('rw', TABLES.map((t) => db.table(t)), async () => {
    for (const t of TABLES) await db.table(t).clear();
    for (const t of TABLES) await db.table(t).bulkAdd(payload.tables[t]);
  });
  return payload.counts;
}

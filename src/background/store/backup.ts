/**
 * Backup and restore of the whole database (issue 9). The file is made by `encryptBackup`
 * (src/shared/backup.ts); a restore decrypts and VERIFIES everything first — passphrase,
 * integrity (GCM), shape, record counts, primary keys, schema version — and only then
 * replaces every table in ONE transaction: a failure at any point, including the browser
 * stopping the background midway, leaves the current data exactly as it was.
 */
import type { SpotDb } from '../db.ts';
import { CURRENT_VERSION } from '../db.ts';
import { BackupError, decryptBackup, encryptBackup, readBackupHeader } from '../../shared/backup.ts';
import type { BackupCounts, BackupSummary } from '../../shared/protocol/backup.ts';
import { isWorkerOf } from './workers.ts';

/** Every table, in the order a restore writes them. */
export const BACKUP_TABLES = ['employers', 'workers', 'certificates', 'disclosures', 'computations', 'claims', 'postings', 'settings', 'history'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];
export type { BackupCounts, BackupSummary };

export interface BackupPayload {
  schemaVersion: number;
  tables: Record<BackupTable, unknown[]>;
  counts: BackupCounts;
}

/** The primary key each table's rows must carry (`++id` tables: a positive integer). */
const KEYS: Record<BackupTable, { field: string; kind: 'string' | 'autoId' }> = {
  employers: { field: 'taxNumber', kind: 'string' },
  workers: { field: 'id', kind: 'string' },
  certificates: { field: 'number', kind: 'string' },
  disclosures: { field: 'id', kind: 'autoId' },
  computations: { field: 'id', kind: 'autoId' },
  claims: { field: 'id', kind: 'autoId' },
  postings: { field: 'id', kind: 'autoId' },
  settings: { field: 'key', kind: 'string' },
  history: { field: 'id', kind: 'autoId' },
};

export async function dumpAll(db: SpotDb): Promise<BackupPayload> {
  return db.transaction('r', BACKUP_TABLES.map((t) => db.table(t)), async () => {
    const tables = {} as Record<BackupTable, unknown[]>;
    const counts = {} as BackupCounts;
    for (const t of BACKUP_TABLES) {
      tables[t] = await db.table(t).toArray();
      counts[t] = tables[t].length;
    }
    return { schemaVersion: CURRENT_VERSION, tables, counts };
  });
}

/** Encrypts every table; the summary says what the file holds. */
export async function createBackup(db: SpotDb, passphrase: string, options: { iterations?: number; now?: Date } = {}): Promise<{ text: string; summary: BackupSummary }> {
  const payload = await dumpAll(db);
  const text = await encryptBackup(payload, passphrase, options);
  return { text, summary: { createdAt: readBackupHeader(text).createdAt, schemaVersion: payload.schemaVersion, counts: payload.counts } };
}

const incomplete = (detail: string) =>
  new BackupError('INCOMPLETE', `Varnostna kopija je nepopolna ali poškodovana (${detail}): nič ni bilo obnovljeno.`);

function checkPayload(v: unknown): BackupPayload {
  if (typeof v !== 'object' || v === null) throw incomplete('ni podatkov');
  const p = v as Partial<BackupPayload>;
  if (typeof p.schemaVersion !== 'number' || typeof p.tables !== 'object' || p.tables === null || typeof p.counts !== 'object' || p.counts === null) {
    throw incomplete('ni tabel');
  }
  if (p.schemaVersion > CURRENT_VERSION) {
    throw new BackupError('NEWER_SCHEMA', `Varnostna kopija je iz novejše različice razširitve (shema ${p.schemaVersion}); razširitev najprej posodobite.`);
  }
  for (const t of BACKUP_TABLES) {
    const rows = p.tables[t];
    if (!Array.isArray(rows)) throw incomplete(`manjka tabela ${t}`);
    if (rows.length !== p.counts[t]) throw incomplete(`tabela ${t}: ${rows.length} zapisov namesto ${String(p.counts[t])}`);
    const { field, kind } = KEYS[t];
    const seen = new Set<unknown>();
    for (const row of rows) {
      const key = typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[field] : undefined;
      const ok = kind === 'string' ? typeof key === 'string' && key !== '' : Number.isSafeInteger(key) && (key as number) > 0;
      if (!ok || seen.has(key)) throw incomplete(`tabela ${t}: zapis brez veljavnega ključa`);
      // An employer's workers are read as a range of ids that begin with its tax number (workers.ts).
      if (t === 'workers') {
        const tax = (row as Record<string, unknown>).employerTax;
        if (typeof tax !== 'string' || !isWorkerOf(key as string, tax)) throw incomplete(`tabela ${t}: ključ ${String(key)} ne pripada delodajalcu`);
      }
      seen.add(key);
    }
  }
  return p as BackupPayload;
}

/** Decrypts and verifies a backup without writing anything: what a restore would bring back. */
export async function inspectBackup(fileText: string, passphrase: string): Promise<BackupSummary> {
  const payload = checkPayload(await decryptBackup(fileText, passphrase));
  return { createdAt: readBackupHeader(fileText).createdAt, schemaVersion: payload.schemaVersion, counts: payload.counts };
}

/**
 * Restores a backup: everything is verified first (see above), then all tables are replaced
 * in one transaction. Disclosures without `storedAt` get the restore time, so the retention
 * period counts for them from now.
 */
export async function restoreBackup(db: SpotDb, fileText: string, passphrase: string, now: Date = new Date()): Promise<BackupSummary> {
  const payload = checkPayload(await decryptBackup(fileText, passphrase));
  const at = now.toISOString();
  await db.transaction('rw', BACKUP_TABLES.map((t) => db.table(t)), async () => {
    for (const t of BACKUP_TABLES) await db.table(t).clear();
    for (const t of BACKUP_TABLES) {
      const rows = t === 'disclosures'
        ? payload.tables[t].map((r) => (typeof (r as { storedAt?: unknown }).storedAt === 'string' ? r : { ...(r as object), storedAt: at }))
        : payload.tables[t];
      await db.table(t).bulkAdd(rows);
    }
  });
  return { createdAt: readBackupHeader(fileText).createdAt, schemaVersion: payload.schemaVersion, counts: payload.counts };
}

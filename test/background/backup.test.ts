/**
 * Encrypted backup and restore (issue 9): the file reveals nothing without the passphrase, a
 * wrong passphrase / damaged / edited / foreign / oversized file is refused with its reason
 * BEFORE anything is replaced, and a good file brings back every record of every table.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb, CURRENT_VERSION, type SpotDb } from '../../src/background/db.ts';
import { createHandlers } from '../../src/background/handlers/index.ts';
import { createRegistry, type HandlerMap, type Registry } from '../../src/background/registry.ts';
import { BACKUP_TABLES, createBackup, dumpAll, inspectBackup, restoreBackup } from '../../src/background/store/backup.ts';
import {
  BACKUP_VERSION, BackupError, decryptBackup, encryptBackup, MAX_BACKUP_BYTES, passphraseStrength, readBackupHeader,
} from '../../src/shared/backup.ts';
import { CHANNEL, type MessageName, type RequestOf, type ResponseOf, type WireError } from '../../src/shared/messages.ts';
import '../../src/shared/protocol/backup.ts';
import { certificate, EMPLOYER, fillEveryTable, snapshot } from '../security/dataset.ts';
import { EXTENSION_ID, EXTENSION_ORIGIN, resetFakeBrowser, senders } from './fakeBrowser.ts';
import { storeCertificates } from '../../src/background/store/certificates.ts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fakeBrowser.ts')).fakeBrowser }));

const FAST = 20_000; // PBKDF2 rounds in tests; the product uses 600 000
const SECRET = 'dolgo geslo 123';
let db: SpotDb;
beforeEach(() => { db = createDb({ indexedDB: new IDBFactory(), IDBKeyRange }, { name: 'backup-test' }); });
afterEach(() => db.close());

const code = (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => (e instanceof BackupError ? e.code : String(e)));

describe('the backup file', () => {
  it('round-trips with the passphrase; without it, nothing of the content (not even counts) is readable', async () => {
    const payload = { worker: 'Kovač Ana', amount: 1234.56, counts: { certificates: 7 } };
    const file = await encryptBackup(payload, SECRET, { iterations: FAST, now: new Date('2025-06-02T08:00:00Z') });
    for (const secret of ['Kovač', 'Kova', '1234', 'certificates', 'worker']) expect(file).not.toContain(secret);
    expect(readBackupHeader(file)).toMatchObject({ version: BACKUP_VERSION, createdAt: '2025-06-02T08:00:00.000Z', compression: 'gzip', kdf: { iterations: FAST } });
    expect(await decryptBackup(file, SECRET)).toEqual(payload);
    // Two backups of the same data share no salt, IV or ciphertext.
    const again = await encryptBackup(payload, SECRET, { iterations: FAST });
    expect(readBackupHeader(again).kdf.salt).not.toBe(readBackupHeader(file).kdf.salt);
    expect(readBackupHeader(again).data).not.toBe(readBackupHeader(file).data);
  });

  it('uses 600 000 PBKDF2 rounds by default and refuses a short passphrase', async () => {
    expect(readBackupHeader(await encryptBackup({}, SECRET)).kdf.iterations).toBe(600_000);
    expect(await code(encryptBackup({}, 'kratko123'))).toBe('WEAK_PASSPHRASE');
    expect(passphraseStrength('kratko')).toBe(0);
    expect(passphraseStrength('aaaaaaaaaaaa')).toBe(1);
    expect(passphraseStrength('Tri zelene žabe skačejo 2025!')).toBe(4);
  });

  it('refuses a wrong passphrase, a flipped bit anywhere, an edited header, a foreign or newer file, and oversized text up front', async () => {
    const file = await encryptBackup({ a: 1 }, SECRET, { iterations: FAST });
    const env = JSON.parse(file) as Record<string, unknown> & { data: string; kdf: Record<string, unknown>; cipher: Record<string, unknown> };
    expect(await code(decryptBackup(file, 'napačno geslo'))).toBe('WRONG_PASSPHRASE_OR_DAMAGED');
    const bytes = atob(env.data);
    for (const at of [0, 5, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const flipped = bytes.slice(0, at) + String.fromCharCode(bytes.charCodeAt(at) ^ 1) + bytes.slice(at + 1);
      expect(await code(decryptBackup(JSON.stringify({ ...env, data: btoa(flipped) }), SECRET))).toBe('WRONG_PASSPHRASE_OR_DAMAGED');
    }
    // The clear header is authenticated too: a changed date or IV is refused.
    expect(await code(decryptBackup(JSON.stringify({ ...env, createdAt: '2020-01-01T00:00:00.000Z' }), SECRET))).toBe('WRONG_PASSPHRASE_OR_DAMAGED');
    expect(await code(decryptBackup(JSON.stringify({ ...env, cipher: { ...env.cipher, iv: btoa('x'.repeat(12)) } }), SECRET))).toBe('WRONG_PASSPHRASE_OR_DAMAGED');
    expect(await code(decryptBackup(JSON.stringify({ ...env, data: '%%%' }), SECRET))).toBe('WRONG_PASSPHRASE_OR_DAMAGED');
    expect(await code(decryptBackup(JSON.stringify({ ...env, kdf: { ...env.kdf, iterations: 5 } }), SECRET))).toBe('NOT_A_BACKUP');
    expect(await code(decryptBackup(JSON.stringify({ ...env, version: 99 }), SECRET))).toBe('UNSUPPORTED_VERSION');
    for (const foreign of ['', 'Leto;Mesec;Znesek', '{"x":1}', 'null', '[]', '<?xml version="1.0"?><a/>']) {
      expect(await code(decryptBackup(foreign, SECRET))).toBe('NOT_A_BACKUP');
    }
    const huge = `{"format":"spot-pomocnik-backup","data":"${'A'.repeat(MAX_BACKUP_BYTES)}"}`;
    const parse = vi.spyOn(JSON, 'parse');
    const derive = vi.spyOn(crypto.subtle, 'importKey');
    try {
      expect(await code(decryptBackup(huge, SECRET))).toBe('TOO_LARGE');
      expect(parse).not.toHaveBeenCalled(); // refused before it is parsed or a key derived
      expect(derive).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
      derive.mockRestore();
    }
  });
});

describe('restore', () => {
  it('brings back every record of every table, replacing what was there', async () => {
    const counts = await fillEveryTable(db);
    expect(Object.values(counts).every((n) => n > 0)).toBe(true);
    const before = await snapshot(db);
    const { text, summary } = await createBackup(db, SECRET, { iterations: FAST });
    expect(summary.counts).toEqual(counts);
    expect(summary.schemaVersion).toBe(CURRENT_VERSION);

    // Afterwards the user changes things; the restore puts the backup's state back exactly.
    await storeCertificates(db, { employerTax: EMPLOYER, certificates: [certificate('1000999', { status: 'cancelled' })], source: 'import', now: '2025-06-03T08:00:00.000Z' });
    await db.disclosures.clear();
    expect(await inspectBackup(text, SECRET)).toEqual(summary);
    expect(await db.disclosures.count()).toBe(0); // inspecting writes nothing
    expect(await restoreBackup(db, text, SECRET)).toEqual(summary);
    expect(await snapshot(db)).toEqual(before);
  });

  it('backs up every table the schema has (a new table must be added to the backup)', () => {
    expect([...BACKUP_TABLES].sort()).toEqual(db.tables.map((t) => t.name).sort());
  });

  it('verifies everything before replacing anything: wrong passphrase, missing or extra rows, rows without keys, a newer schema', async () => {
    await fillEveryTable(db);
    const before = await snapshot(db);
    const good = await dumpAll(db);
    const bad: [string, unknown, string][] = [
      ['count mismatch', { ...good, counts: { ...good.counts, certificates: good.counts.certificates + 1 } }, 'INCOMPLETE'],
      ['table missing', { ...good, tables: { ...good.tables, history: undefined } }, 'INCOMPLETE'],
      ['row without key', { ...good, tables: { ...good.tables, certificates: [...good.tables.certificates.slice(1), { kind: 'eBOL' }] } }, 'INCOMPLETE'],
      ['duplicate key', { ...good, tables: { ...good.tables, workers: [good.tables.workers[0], ...good.tables.workers.slice(0, -1)] } }, 'INCOMPLETE'],
      ['not an object', [1, 2, 3], 'INCOMPLETE'],
      // An employer's workers are read as a range of ids beginning with its tax number: a row outside it would be lost from view.
      ['worker of another employer\'s id', { ...good, tables: { ...good.tables, workers: good.tables.workers.map((w, i) => (i === 0 ? { ...(w as object), employerTax: '10000011' } : w)) } }, 'INCOMPLETE'],
      ['newer schema', { ...good, schemaVersion: CURRENT_VERSION + 1 }, 'NEWER_SCHEMA'],
    ];
    for (const [what, payload, expected] of bad) {
      const file = await encryptBackup(payload, SECRET, { iterations: FAST });
      expect(await code(inspectBackup(file, SECRET)), what).toBe(expected);
      expect(await code(restoreBackup(db, file, SECRET)), what).toBe(expected);
      expect(await snapshot(db), what).toEqual(before);
    }
    const file = (await createBackup(db, SECRET, { iterations: FAST })).text;
    await db.certificates.clear();
    const now = await snapshot(db);
    expect(await code(restoreBackup(db, file, 'napačno geslo'))).toBe('WRONG_PASSPHRASE_OR_DAMAGED');
    expect(await snapshot(db)).toEqual(now);
  });

  it('gives restored disclosures without a storage time the restore time, so the retention period counts from then', async () => {
    await fillEveryTable(db);
    const payload = await dumpAll(db);
    payload.tables.disclosures = payload.tables.disclosures.map((r) => { const { storedAt: _s, ...rest } = r as { storedAt?: string }; return rest; });
    const file = await encryptBackup(payload, SECRET, { iterations: FAST });
    await restoreBackup(db, file, SECRET, new Date('2025-07-01T10:00:00.000Z'));
    expect((await db.disclosures.toArray()).map((d) => d.storedAt)).toEqual(['2025-07-01T10:00:00.000Z', '2025-07-01T10:00:00.000Z']);
  });
});

describe('backup messages (ui:createBackup, ui:inspectBackup, ui:restoreBackup)', () => {
  let registry: Registry;
  beforeEach(() => {
    resetFakeBrowser();
    registry = createRegistry(createHandlers({ db: () => db, now: () => new Date('2025-06-02T08:00:00.000Z'), backupIterations: FAST }) as HandlerMap,
      { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN }, vi.fn());
  });
  async function send<K extends MessageName>(name: K, payload: RequestOf<K>, sender = senders.popup()): Promise<ResponseOf<K> | WireError> {
    const r = await registry.dispatch({ channel: CHANNEL, name, payload }, sender);
    return r.ok ? (r.value as ResponseOf<K>) : r.error;
  }

  it('makes a file named by the date, shows its counts before restoring, and restores only with the confirmation', async () => {
    const counts = await fillEveryTable(db);
    const before = await snapshot(db);
    const made = await send('ui:createBackup', { passphrase: SECRET });
    if (!('ok' in made) || !made.ok) throw new Error(`no backup: ${JSON.stringify(made)}`);
    expect(made.fileName).toBe('spot-pomocnik-2025-06-02.spotbackup');
    expect(made.summary.counts).toEqual(counts);

    await db.delete();
    await db.open();
    expect(await send('ui:inspectBackup', { text: made.text, passphrase: 'napačno geslo' })).toEqual({ ok: false, problem: 'WRONG_PASSPHRASE_OR_DAMAGED' });
    expect(await send('ui:inspectBackup', { text: made.text, passphrase: SECRET })).toEqual({ ok: true, summary: made.summary });
    expect(await db.certificates.count()).toBe(0);
    expect((await send('ui:restoreBackup', { text: made.text, passphrase: SECRET } as never)) as WireError).toMatchObject({ code: 'INVALID_PAYLOAD' });
    expect(await send('ui:restoreBackup', { text: 'Leto;Mesec', passphrase: SECRET, confirm: true })).toEqual({ ok: false, problem: 'NOT_A_BACKUP' });
    expect(await send('ui:restoreBackup', { text: made.text, passphrase: SECRET, confirm: true })).toEqual({ ok: true, summary: made.summary });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a short passphrase as an answer, and every backup message from a SPOT page', async () => {
    expect(await send('ui:createBackup', { passphrase: 'kratko' })).toEqual({ ok: false, problem: 'WEAK_PASSPHRASE' });
    const spot = senders.tab('https://spot.gov.si/ebol-prenos.html');
    expect(await send('ui:createBackup', { passphrase: SECRET }, spot)).toMatchObject({ code: 'FORBIDDEN_SENDER' });
    expect(await send('ui:restoreBackup', { text: '{}', passphrase: SECRET, confirm: true }, spot)).toMatchObject({ code: 'FORBIDDEN_SENDER' });
    expect(await send('ui:inspectBackup', { text: 'x'.repeat(MAX_BACKUP_BYTES + 1), passphrase: SECRET })).toMatchObject({ code: 'INVALID_PAYLOAD' });
  });
});

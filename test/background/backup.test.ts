import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type SpotDb } from '../../src/background/db.ts';
import { createBackup, dumpAll, restoreBackup } from '../../src/background/store/backup.ts';
import { storeCertificates } from '../../src/background/store/certificates.ts';
import { BackupError, decryptBackup, encryptBackup } from '../../src/shared/backup.ts';
import type { Certificate } from '../../src/lib/certificates.ts';

const FAST = 20_000; // PBKDF2 iterations for tests; the product uses 600 000
let db: SpotDb;
beforeEach(() => { db = createDb({ indexedDB: new IDBFactory(), IDBKeyRange }, { name: 'backup-test' }); });
afterEach(() => db.close());

const cert = (number: string, name: string): Certificate => ({
  number, kind: 'eBOL', worker: { name, zzzsNumber: null, emso: null }, reason: '01', from: '2025-03-03', to: '2025-03-14',
  hoursPerDay: null, status: 'issued', issuedOn: null,
});

describe('encrypted backup', () => {
  it('round-trips with the passphrase and refuses a wrong one or a tampered file', async () => {
    const file = await encryptBackup({ hello: 'svet' }, 'dolgo geslo 123', { iterations: FAST });
    expect(file).not.toContain('svet');
    expect(await decryptBackup(file, 'dolgo geslo 123')).toEqual({ hello: 'svet' });
    await expect(decryptBackup(file, 'napačno geslo')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE_OR_DAMAGED' });
    const env = JSON.parse(file);
    const bytes = atob(env.data);
    env.data = btoa(bytes.slice(0, 10) + String.fromCharCode(bytes.charCodeAt(10) ^ 1) + bytes.slice(11));
    await expect(decryptBackup(JSON.stringify(env), 'dolgo geslo 123')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE_OR_DAMAGED' });
    await expect(decryptBackup('{"x":1}', 'dolgo geslo 123')).rejects.toMatchObject({ code: 'NOT_A_BACKUP' });
    await expect(encryptBackup({}, 'kratko')).rejects.toBeInstanceOf(BackupError);
  });

  it('restores every record, replacing current data only after verifying', async () => {
    await storeCertificates(db, { employerTax: '12345679', certificates: [cert('1', 'Novak Ana'), cert('2', 'Kos Jure')], source: 'import', now: '2025-03-15T08:00:00.000Z' });
    const before = await dumpAll(db);
    const file = await createBackup(db, 'dolgo geslo 123', FAST);
    await storeCertificates(db, { employerTax: '12345679', certificates: [cert('3', 'Zupan Eva')], source: 'import', now: '2025-03-16T08:00:00.000Z' });

    await expect(restoreBackup(db, file, 'napačno geslo')).rejects.toThrow(/nič ni bilo obnovljeno/);
    expect(await db.certificates.count()).toBe(3); // untouched

    const counts = await restoreBackup(db, file, 'dolgo geslo 123');
    expect(counts.certificates).toBe(2);
    expect(await dumpAll(db)).toEqual(before);
  });
});

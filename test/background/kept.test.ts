// Reads kept between messages (store/kept.ts) and the popup's context kept with it
// (handlers/ui.ts uiContext): whatever module writes, the next read sees it.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb, type SpotDb } from '../../src/background/db.ts';
import { uiContext } from '../../src/background/handlers/ui.ts';
import { CURRENT_EMPLOYER } from '../../src/background/store/employers.ts';
import { kept } from '../../src/background/store/kept.ts';
import { countWorkerRecords, listWorkers } from '../../src/background/store/queries.ts';
import { seedCertificates } from '../seed/certificates.ts';
import { writeUiSettings } from '../../src/background/store/settings.ts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fakeBrowser.ts')).fakeBrowser }));

let db: SpotDb;
beforeEach(() => {
  db = createDb({ indexedDB: new IDBFactory(), IDBKeyRange }, { name: 'kept-test' });
});
afterEach(() => db.close());

describe('kept reads', () => {
  it('reads once until a table it was read from is written; other tables do not drop it', async () => {
    await db.open(); // a database created fresh reports every table as changed once
    const read = vi.fn(() => db.employers.count());
    expect(await kept(db, ['employers'], 'n', read)).toBe(0);
    expect(await kept(db, ['employers'], 'n', read)).toBe(0);
    expect(read).toHaveBeenCalledTimes(1);

    await db.history.add({ entity: 'employer', entityKey: 'x', at: '2025-01-01T00:00:00.000Z', change: 'added' } as never);
    await kept(db, ['employers'], 'n', read);
    expect(read).toHaveBeenCalledTimes(1);

    await db.employers.put({ taxNumber: '12345679', name: 'A d.o.o.' });
    expect(await kept(db, ['employers'], 'n', read)).toBe(1);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failed read', async () => {
    const read = vi.fn().mockRejectedValueOnce(new Error('busy')).mockResolvedValue(7);
    await expect(kept(db, ['employers'], 'f', read)).rejects.toThrow('busy');
    expect(await kept(db, ['employers'], 'f', read)).toBe(7);
  });

  it('inside a transaction reads what the transaction sees', async () => {
    await kept(db, ['employers'], 'n', () => db.employers.count());
    await db.transaction('rw', db.employers, async () => {
      await db.employers.put({ taxNumber: '12345679', name: 'A d.o.o.' });
      expect(await kept(db, ['employers'], 'n', () => db.employers.count())).toBe(1);
    });
  });
});

describe('the popup context', () => {
  it('follows employers and settings however they are written, and hands out copies', async () => {
    expect(await uiContext(db)).toMatchObject({ employers: [], current: null });
    await db.employers.bulkPut([{ taxNumber: '12345679', name: 'B d.o.o.' }, { taxNumber: '10000003', name: 'A s.p.' }]);
    expect(await uiContext(db)).toMatchObject({ current: '10000003', employers: [{ name: 'A s.p.' }, { name: 'B d.o.o.' }] });

    await db.settings.put({ key: CURRENT_EMPLOYER, value: '12345679' });
    expect((await uiContext(db)).current).toBe('12345679');

    await writeUiSettings(db, { retentionDays: 30 });
    expect((await uiContext(db)).settings.retentionDays).toBe(30);

    const mine = await uiContext(db);
    mine.employers.pop();
    mine.settings.retentionDays = 1;
    expect(await uiContext(db)).toMatchObject({ employers: [{}, {}], settings: { retentionDays: 30 } });

    await db.employers.delete('12345679');
    expect(await uiContext(db)).toMatchObject({ current: '10000003', employers: [{ taxNumber: '10000003' }] });
  });
});

describe('counts of a worker\'s records', () => {
  it('are kept until certificates or disclosures change', async () => {
    await seedCertificates(db, 40, { employerTax: '12345679', workers: 4 });
    const ids = (await listWorkers(db, '12345679', 0, 4)).rows.map((w) => w.id);
    const first = await countWorkerRecords(db, '12345679', ids);
    expect(Object.values(first).reduce((n, c) => n + c.certificates, 0)).toBe(40);

    const counting = vi.spyOn(db.certificates, 'where');
    expect(await countWorkerRecords(db, '12345679', ids)).toEqual(first);
    expect(counting).not.toHaveBeenCalled();

    const one = await db.certificates.where('[employerTax+workerId]').equals(['12345679', ids[0]!]).first();
    await db.certificates.delete(one!.number);
    await db.disclosures.add({ workerId: ids[1]! } as never);
    const after = await countWorkerRecords(db, '12345679', ids);
    expect(after[ids[0]!]).toEqual({ ...first[ids[0]!]!, certificates: first[ids[0]!]!.certificates - 1 });
    expect(after[ids[1]!]).toEqual({ ...first[ids[1]!]!, disclosures: 1 });
  });
});

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type SpotDb } from '../../src/background/db.ts';
import { storeCertificates } from '../../src/background/store/certificates.ts';
import { employerWorkers } from '../../src/background/store/workers.ts';
import { storeDisclosure } from '../../src/background/store/disclosures.ts';
import { historyOf } from '../../src/background/store/history.ts';
import type { Certificate } from '../../src/lib/certificates.ts';
import type { Disclosure } from '../../src/lib/disclosure/model.ts';

let db: SpotDb;
beforeEach(() => { db = createDb({ indexedDB: new IDBFactory(), IDBKeyRange }, { name: 'store-test' }); });
afterEach(() => db.close());

const cert = (number: string, over: Partial<Certificate> = {}): Certificate => ({
  number, kind: 'eBOL', worker: { name: 'Novak Ana', zzzsNumber: '012345678', emso: null },
  reason: '01', from: '2025-03-03', to: '2025-03-14', hoursPerDay: null, status: 'issued', issuedOn: '2025-03-03', ...over,
});
const batch = (certificates: Certificate[], employerTax = '12345679', now = '2025-03-15T08:00:00.000Z') =>
  ({ employerTax, certificates, source: 'spot-page' as const, now });

const disclosure = (validUntil: string, q: string | null = 'P-2025-000123456'): Disclosure => ({
  type: 'disclosure', queryNumber: q, employerTaxNumber: '12345679', workerTaxNumber: '87654321', preparedOn: validUntil, validUntil,
  sections: [{ basePeriod: { from: '2024-01-01', to: '2024-12-31' }, payer: 'zzzs', noData: false,
    rows: [{ month: '2024-01', source: 'REK', incomeType: '1001', amount: 2345.67, hours: 184 }], totals: { amount: 2345.67, hours: 184 } }],
  warnings: [],
});

describe('storing certificates', () => {
  it('adds new ones, leaves the same ones alone and never duplicates', async () => {
    expect(await storeCertificates(db, batch([cert('1'), cert('2')]))).toEqual({ added: ['1', '2'], updated: [], cancelled: [], unchanged: [] });
    expect(await storeCertificates(db, batch([cert('1'), cert('2')]))).toEqual({ added: [], updated: [], cancelled: [], unchanged: ['1', '2'] });
    expect(await db.certificates.count()).toBe(2);
    expect(await db.workers.count()).toBe(1);
    expect(await db.employers.get('12345679')).toMatchObject({ taxNumber: '12345679' });
  });

  it('turns a certificate seen again as cancelled into an update with history', async () => {
    await storeCertificates(db, batch([cert('1')]));
    const r = await storeCertificates(db, batch([cert('1', { status: 'cancelled' }), cert('2', { to: '2025-03-20' })], '12345679', '2025-03-16T08:00:00.000Z'));
    expect(r).toEqual({ added: ['2'], updated: [], cancelled: ['1'], unchanged: [] });
    const stored = await db.certificates.get('1');
    expect(stored).toMatchObject({ status: 'cancelled', firstSeenAt: '2025-03-15T08:00:00.000Z', updatedAt: '2025-03-16T08:00:00.000Z' });
    const history = await historyOf(db, 'certificates', '1');
    expect(history.map((h) => h.change)).toEqual([{ status: ['issued', 'cancelled'] }]);
    expect(history[0]!.at).toBe('2025-03-16T08:00:00.000Z');
  });

  it('keeps a history of changes only: a new certificate is recorded on its row (when and where first seen), not in the history', async () => {
    await storeCertificates(db, batch([cert('1'), cert('2')]));
    expect(await db.history.count()).toBe(0);
    await storeCertificates(db, { ...batch([cert('1'), cert('2', { to: '2025-03-20', reason: '02' })], '12345679', '2025-03-17T08:00:00.000Z'), source: 'import' });
    expect(await db.certificates.get('2')).toMatchObject({ to: '2025-03-20', source: 'spot-page', firstSeenAt: '2025-03-15T08:00:00.000Z', updatedAt: '2025-03-17T08:00:00.000Z' });
    expect(await db.certificates.get('1')).toMatchObject({ source: 'spot-page', updatedAt: '2025-03-15T08:00:00.000Z' }); // unchanged: not written
    expect((await db.history.toArray()).map((h) => [h.entityKey, h.change])).toEqual([['2', { reason: ['01', '02'], to: ['2025-03-14', '2025-03-20'] }]]);
  });

  it('finds stored certificates among a batch however their numbers lie (new, seen again, scattered among many others, other employers)', async () => {
    // 300 stored certificates of another employer, numbers 1000000..1000299.
    const others = Array.from({ length: 300 }, (_, i) => cert(String(1_000_000 + i)));
    await storeCertificates(db, batch(others, '87654321'));
    const check = async (numbers: number[], expected: { added: number; unchanged: number; updated?: number }) => {
      const r = await storeCertificates(db, batch(numbers.map((n) => cert(String(n), { reason: '03' }))));
      expect({ added: r.added.length, unchanged: r.unchanged.length, updated: r.updated.length }).toEqual({ updated: 0, ...expected });
      return r;
    };
    // New numbers in a range of their own, then the same again (a dense range).
    await check([2_000_000, 2_000_001, 2_000_002], { added: 3, unchanged: 0 });
    await check([2_000_002, 2_000_000, 2_000_001], { added: 0, unchanged: 3 });
    // A few stored ones among more keys of the other employer (1000010..1000030 holds 21): they
    // stay with their employer and change their reason (an update); the others are new.
    const scattered = await check([1_000_010, 10_000_101, 1_000_020, 10_000_202, 1_000_030], { added: 2, unchanged: 0, updated: 3 });
    expect(scattered.updated).toEqual(['1000010', '1000020', '1000030']);
    expect((await db.certificates.get('1000020'))!.employerTax).toBe('87654321');
    // A range far wider than the batch (more keys than the range read takes): one get per number.
    await check([1, 1_000_100, 9_999_999], { added: 2, unchanged: 0, updated: 1 });
    expect((await db.certificates.get('1000100'))).toMatchObject({ employerTax: '87654321', reason: '03' });
    // Duplicates in one batch and numbers of different lengths (string order is not number order).
    await check([2_000_000, 2_000_000, 30], { added: 1, unchanged: 2 });
    expect(await db.certificates.count()).toBe(300 + 3 + 2 + 2 + 1);
    expect(await db.history.count()).toBe(3 + 1);
  });

  it('keeps employers apart and merges a worker learnt by ZZZS number and then EMŠO', async () => {
    await storeCertificates(db, batch([cert('1')], '12345679'));
    await storeCertificates(db, batch([cert('2')], '87654321'));
    expect(await db.workers.count()).toBe(2);
    await storeCertificates(db, batch([cert('3', { worker: { name: 'Novak Ana', zzzsNumber: '012345678', emso: '0101990505005' } })], '12345679'));
    const workers = await employerWorkers(db, '12345679').toArray();
    expect(workers).toHaveLength(1);
    expect(workers[0]).toMatchObject({ emso: '0101990505005', zzzsNumber: '012345678' });
    expect((await db.certificates.get('3'))!.workerId).toBe(workers[0]!.id);
  });

  it('stores nothing when a batch fails half-way', async () => {
    const bad = { ...cert('2'), number: undefined as unknown as string };
    await expect(storeCertificates(db, batch([cert('1'), bad]))).rejects.toThrow();
    expect(await db.certificates.count()).toBe(0);
    expect(await db.history.count()).toBe(0);
  });
});

describe('storing disclosures', () => {
  it('links to the certificate and worker; the same file again changes nothing; a newer validity is a new version', async () => {
    await storeCertificates(db, batch([cert('1')]));
    const first = await storeDisclosure(db, { employerTax: '12345679', disclosure: disclosure('2025-03-14'), certificateNumber: '1', source: 'spot-download', now: '2025-03-15T09:00:00.000Z' });
    expect(first).toMatchObject({ status: 'new', certificateNumber: '1' });
    expect(first.workerId).toBe((await db.certificates.get('1'))!.workerId);
    expect((await db.workers.get(first.workerId!))!.taxNumber).toBe('87654321');
    expect(await storeDisclosure(db, { employerTax: '12345679', disclosure: disclosure('2025-03-14'), source: 'import', now: '2025-03-15T10:00:00.000Z' }))
      .toMatchObject({ status: 'same', id: first.id });
    const second = await storeDisclosure(db, { employerTax: '12345679', disclosure: disclosure('2025-04-14'), source: 'import', now: '2025-04-15T10:00:00.000Z' });
    expect(second.status).toBe('newVersion');
    expect(second.workerId).toBe(first.workerId); // linked through the worker's tax number
    expect(await db.disclosures.count()).toBe(2);
  });

  it('gives a disclosure without a query number a stable key', async () => {
    const a = await storeDisclosure(db, { employerTax: '12345679', disclosure: disclosure('2025-03-14', null), source: 'import', now: '2025-03-15T09:00:00.000Z' });
    const b = await storeDisclosure(db, { employerTax: '12345679', disclosure: disclosure('2025-03-14', null), source: 'import', now: '2025-03-15T09:05:00.000Z' });
    expect(b).toMatchObject({ status: 'same', id: a.id });
  });
});

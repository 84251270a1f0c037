import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type SpotDb } from '../../src/background/db.ts';
import { storeCertificates } from '../../src/background/store/certificates.ts';
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
    expect(history.map((h) => h.change)).toEqual([{ created: { status: 'issued', source: 'spot-page' } }, { status: ['issued', 'cancelled'] }]);
  });

  it('keeps employers apart and merges a worker learnt by ZZZS number and then EMŠO', async () => {
    await storeCertificates(db, batch([cert('1')], '12345679'));
    await storeCertificates(db, batch([cert('2')], '87654321'));
    expect(await db.workers.count()).toBe(2);
    await storeCertificates(db, batch([cert('3', { worker: { name: 'Novak Ana', zzzsNumber: '012345678', emso: '0101990505005' } })], '12345679'));
    const workers = await db.workers.where('employerTax').equals('12345679').toArray();
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

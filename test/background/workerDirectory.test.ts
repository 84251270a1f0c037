// The sorted worker lists the background keeps between pages (store/workerDirectory.ts): a
// page is a slice of a list read once, and every committed write to `workers`, from any module,
// is seen by the next page.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb, type SpotDb } from '../../src/background/db.ts';
import { storeCertificates } from '../../src/background/store/certificates.ts';
import { employerWorkers } from '../../src/background/store/workers.ts';
import { listWorkers } from '../../src/background/store/queries.ts';
import { compareWorkers, sortedWorkers } from '../../src/background/store/workerDirectory.ts';
import type { Certificate } from '../../src/lib/certificates.ts';
import type { WorkerRow } from '../../src/shared/rows.ts';
import { seedCertificates } from '../seed/certificates.ts';

const TAX = '12345679';
let db: SpotDb;

beforeEach(() => {
  db = createDb({ indexedDB: new IDBFactory(), IDBKeyRange }, { name: 'worker-directory-test' });
});
afterEach(() => db.close());

function certificate(number: string, name: string, zzzsNumber: string): Certificate {
  return {
    number, kind: 'eBOL', worker: { name, zzzsNumber, emso: null }, reason: '01', from: '2025-03-03', to: '2025-03-14',
    hoursPerDay: null, status: 'issued', issuedOn: '2025-03-03', employerTaxNumber: TAX,
  };
}

/** What a page was before the list was kept: all of the employer's workers, read and sorted. */
async function readDirectly(): Promise<WorkerRow[]> {
  return (await employerWorkers(db, TAX).toArray()).sort(compareWorkers);
}

describe('worker directory', () => {
  it('pages are slices of the list in Slovenian order, the same as reading every worker', async () => {
    await seedCertificates(db, 800, { employerTax: TAX, workers: 120 });
    const all = await readDirectly();
    expect(all.map((w) => w.name)).toEqual([...all.map((w) => w.name)].sort(new Intl.Collator('sl', { sensitivity: 'base', numeric: true }).compare));
    const pages = [];
    for (let offset = 0; offset < 120; offset += 50) pages.push(await listWorkers(db, TAX, offset, 50));
    expect(pages.flatMap((p) => p.rows)).toEqual(all);
    expect(pages.map((p) => [p.total, p.hasMore])).toEqual([[120, true], [120, true], [120, false]]);
  });

  it('reads the workers once while nothing changes', async () => {
    await seedCertificates(db, 80, { employerTax: TAX, workers: 10 });
    const reads = vi.spyOn(db.workers, 'where');
    await listWorkers(db, TAX, 0, 5);
    await listWorkers(db, TAX, 5, 5);
    await listWorkers(db, TAX, 0, 5, 'a');
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('sees every committed write: new workers, an update by another module, a deletion, clearing', async () => {
    await storeCertificates(db, { employerTax: TAX, employerName: 'Podjetje d.o.o.', certificates: [certificate('1000001', 'Zupan Eva', '000000001')], source: 'import', now: '2025-03-20T10:00:00.000Z' });
    expect((await listWorkers(db, TAX, 0, 50)).rows.map((w) => w.name)).toEqual(['Zupan Eva']);

    await storeCertificates(db, { employerTax: TAX, employerName: 'Podjetje d.o.o.', certificates: [certificate('1000002', 'Čeh Ana', '000000002'), certificate('1000003', 'Cerar Rok', '000000003')], source: 'import', now: '2025-03-20T10:01:00.000Z' });
    expect((await listWorkers(db, TAX, 0, 50)).rows.map((w) => w.name)).toEqual(['Cerar Rok', 'Čeh Ana', 'Zupan Eva']);

    const eva = (await readDirectly()).find((w) => w.name === 'Zupan Eva')!;
    await db.workers.update(eva.id, { taxNumber: '87654326' });
    expect((await listWorkers(db, TAX, 0, 50, '8765')).rows).toEqual([{ ...eva, taxNumber: '87654326' }]);

    await db.workers.delete(eva.id);
    expect((await listWorkers(db, TAX, 0, 50)).rows.map((w) => w.name)).toEqual(['Cerar Rok', 'Čeh Ana']);

    await db.workers.clear();
    expect(await listWorkers(db, TAX, 0, 50)).toEqual({ total: 0, offset: 0, rows: [], hasMore: false });
  });

  it('does not keep a list read while a write commits, and reads inside a transaction what the transaction sees', async () => {
    await seedCertificates(db, 16, { employerTax: TAX, workers: 2 });
    const before = sortedWorkers(db, TAX);
    await db.workers.put({ id: `${TAX}:Znew`, employerTax: TAX, name: 'Novi Delavec', emso: null, zzzsNumber: '000000099', taxNumber: null });
    await before;
    expect((await sortedWorkers(db, TAX)).map((w) => w.id)).toContain(`${TAX}:Znew`);

    await db.transaction('rw', db.workers, async () => {
      await db.workers.delete(`${TAX}:Znew`);
      expect((await sortedWorkers(db, TAX)).map((w) => w.id)).not.toContain(`${TAX}:Znew`);
    });
    expect((await sortedWorkers(db, TAX)).map((w) => w.id)).not.toContain(`${TAX}:Znew`);
  });

  it('hands out copies: a page changed by its reader does not change the next one', async () => {
    await seedCertificates(db, 16, { employerTax: TAX, workers: 2 });
    const first = await listWorkers(db, TAX, 0, 1);
    first.rows[0]!.name = 'spremenjeno';
    expect((await listWorkers(db, TAX, 0, 1)).rows[0]!.name).not.toBe('spremenjeno');
  });
});

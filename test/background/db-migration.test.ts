import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import type { Disclosure } from '../../src/lib/disclosure/model.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createDb,
  CURRENT_VERSION,
  SCHEMA_VERSIONS,
  type CertificateRow,
  type DbEnv,
  type SpotDb,
} from '../../src/background/db.ts';

const NAME = 'spot-pomocnik-test';
const EMPTY_DISCLOSURE: Disclosure = {
  type: 'disclosure', queryNumber: 'P-2025-000123456', employerTaxNumber: '12345679', workerTaxNumber: '87654321',
  preparedOn: '2025-03-15', validUntil: '2025-03-14', sections: [], warnings: [],
};
let env: DbEnv;
const opened: SpotDb[] = [];
const open = (upToVersion?: number) => {
  const db = createDb(env, { name: NAME, ...(upToVersion ? { upToVersion } : {}) });
  opened.push(db);
  return db;
};

beforeEach(() => {
  env = { indexedDB: new IDBFactory(), IDBKeyRange };
});
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const certificate = (number: string, workerId: string, from: string): CertificateRow => ({
  number,
  kind: 'eBOL',
  employerTax: '12345679',
  workerId,
  reason: '01',
  from,
  to: '2025-03-14',
  hoursPerDay: null,
  status: 'issued',
  issuedOn: '2025-03-03',
});

/** One or more rows in every table of v1. */
async function fillV1(db: SpotDb) {
  await db.transaction('rw', db.tables, async () => {
    await db.employers.add({ taxNumber: '12345679', name: 'PRIMER d.o.o.' });
    await db.workers.bulkAdd([
      { id: 'w1', employerTax: '12345679', name: 'Kovač Ana', emso: '0101990505123' },
      { id: 'w2', employerTax: '12345679', name: 'Horvat Marko', emso: null },
    ]);
    await db.certificates.bulkAdd([
      certificate('1000123456', 'w1', '2025-03-03'),
      certificate('1000123457', 'w2', '2025-03-10'),
      certificate('1000123458', 'w1', '2025-04-01'),
    ]);
    await db.disclosures.add({
      queryNumber: 'P-2025-000123456',
      validUntil: '2025-03-14',
      preparedOn: '2025-03-15',
      employerTax: '12345679',
      workerId: 'w1',
      certificateNumber: '1000123456',
      data: EMPTY_DISCLOSURE,
    });
    await db.computations.add({ employerTax: '12345679', certificateNumber: '1000123456', workerId: 'w1', computedAt: '2025-03-16T08:00:00.000Z', data: { amountCents: 123456 } });
    await db.claims.add({ employerTax: '12345679', certificateNumber: '1000123456', expiresOn: '2025-09-14', data: {} });
    await db.postings.add({ employerTax: '12345679', workerId: 'w2', start: '2025-05-01', end: '2025-06-30', data: { country: 'AT' } });
    await db.settings.add({ key: 'lastSpotPage', value: { url: 'https://spot.gov.si/', title: 'Moj SPOT', heading: 'Moj SPOT', seenAt: '2025-03-15T09:30:00.000Z' } });
    await db.history.add({ entity: 'certificates', entityKey: '1000123456', at: '2025-03-15T09:30:00.000Z', change: { status: 'issued' } });
  });
}

async function snapshot(db: SpotDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

describe('database schema', () => {
  it('keeps its versions in ascending order, the first creating every table', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(CURRENT_VERSION).toBe(versions.at(-1));
    expect(Object.keys(SCHEMA_VERSIONS[0]!.stores).sort()).toEqual(
      ['certificates', 'claims', 'computations', 'disclosures', 'employers', 'history', 'postings', 'settings', 'workers'],
    );
  });

  it('upgrades a v1 database to the current version with every record intact, and the new index works', async () => {
    const v1 = open(1);
    await fillV1(v1);
    const before = await snapshot(v1);
    expect(v1.verno).toBe(1);
    expect(Object.values(before).every((rows) => rows.length > 0)).toBe(true);
    expect(v1.certificates.schema.idxByName['[employerTax+workerId]']).toBeUndefined();
    v1.close();

    const current = open();
    await current.open();
    expect(current.verno).toBe(CURRENT_VERSION);
    expect(await snapshot(current)).toEqual(before);

    // v2: a worker's certificates at one employer, through the new compound index.
    const ana = await current.certificates.where('[employerTax+workerId]').equals(['12345679', 'w1']).primaryKeys();
    expect(ana.sort()).toEqual(['1000123456', '1000123458']);
    // The indexes of v1 still answer.
    expect(await current.workers.where('[employerTax+emso]').equals(['12345679', '0101990505123']).count()).toBe(1);
    expect(await current.certificates.where('[employerTax+from]').between(['12345679', '2025-03-01'], ['12345679', '2025-03-31']).count()).toBe(2);
    expect(await current.history.where('[entity+entityKey]').equals(['certificates', '1000123456']).count()).toBe(1);
  });

  it('sees the upgrade in the raw IndexedDB too (a real versionchange, not only Dexie bookkeeping)', async () => {
    const v1 = open(1);
    await fillV1(v1);
    v1.close();
    await open().open();
    const raw = new Dexie(NAME, { indexedDB: env.indexedDB, IDBKeyRange: env.IDBKeyRange });
    await raw.open(); // dynamic mode: reads the schema from the database itself
    try {
      expect(raw.verno).toBe(CURRENT_VERSION);
      expect(raw.table('certificates').schema.indexes.map((i) => i.name)).toContain('[employerTax+workerId]');
    } finally {
      raw.close();
    }
  });

  it('refuses a second certificate with the same number', async () => {
    const db = open();
    await db.certificates.add(certificate('1000123456', 'w1', '2025-03-03'));
    await expect(db.certificates.add(certificate('1000123456', 'w2', '2025-04-01'))).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await db.certificates.count()).toBe(1);
  });

  it('refuses a second disclosure with the same query number and validity date, and rolls the transaction back', async () => {
    const db = open();
    // A fresh object each time: Dexie writes the generated `id` back into what it adds.
    const disclosure = () => ({
      queryNumber: 'P-2025-000123456',
      validUntil: '2025-03-14',
      preparedOn: '2025-03-15',
      employerTax: '12345679',
      workerId: 'w1',
      certificateNumber: null,
      data: EMPTY_DISCLOSURE,
    });
    await db.disclosures.add(disclosure());
    // Same query, other validity date: a different disclosure.
    await db.disclosures.add({ ...disclosure(), validUntil: '2025-04-14' });
    const duplicate = db.transaction('rw', db.disclosures, db.history, async () => {
      await db.history.add({ entity: 'disclosures', entityKey: 'P-2025-000123456', at: '2025-03-16T00:00:00.000Z', change: null });
      await db.disclosures.add({ ...disclosure(), workerId: 'w2' });
    });
    await expect(duplicate).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await db.disclosures.count()).toBe(2);
    expect(await db.history.count()).toBe(0);
  });
});

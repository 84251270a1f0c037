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
import { employerCertificates } from '../../src/background/store/certificateList.ts';
import { employerWorkers } from '../../src/background/store/workers.ts';

const NAME = 'spot-pomocnik-test';
// Worker ids as the extension makes them: the employer's tax number, then how the worker was first known.
const W1 = '12345679:E0101990505123';
const W2 = '12345679:Nhorvat marko';
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

/**
 * Sample rows for every table, valid in every schema version (rows have only grown optional
 * fields). A version that adds a table makes the test below fail until rows for it are added
 * here — so every table of every version is upgraded with data in it.
 */
const SAMPLE_ROWS: Record<string, () => unknown[]> = {
  employers: () => [{ taxNumber: '12345679', name: 'PRIMER d.o.o.' }, { taxNumber: '10000003', name: 'DRUGO d.o.o.', seat: 'Celovška 1, Ljubljana' }],
  workers: () => [
    { id: W1, employerTax: '12345679', name: 'Kovač Ana', emso: '0101990505123' },
    { id: W2, employerTax: '12345679', name: 'Horvat Marko', emso: null },
    { id: '10000003:Nnovak eva', employerTax: '10000003', name: 'Novak Eva', emso: null },
  ],
  certificates: () => [
    certificate('1000123456', W1, '2025-03-03'),
    certificate('1000123457', W2, '2025-03-10'),
    certificate('1000123458', W1, '2025-04-01'),
  ],
  disclosures: () => [
    { queryNumber: 'P-2025-000123456', validUntil: '2025-03-14', preparedOn: '2025-03-15', employerTax: '12345679', workerId: W1, certificateNumber: '1000123456', data: EMPTY_DISCLOSURE },
    { queryNumber: 'P-2025-000123457', validUntil: '2025-03-14', preparedOn: '2025-03-15', employerTax: '12345679', workerId: null, certificateNumber: null, storedAt: '2025-03-15T09:30:00.000Z', data: EMPTY_DISCLOSURE },
  ],
  computations: () => [{ employerTax: '12345679', certificateNumber: '1000123456', workerId: W1, computedAt: '2025-03-16T08:00:00.000Z', data: { amountCents: 123456 } }],
  claims: () => [{ employerTax: '12345679', certificateNumber: '1000123456', expiresOn: '2025-09-14', data: {} }],
  postings: () => [{ employerTax: '12345679', workerId: W2, start: '2025-05-01', end: '2025-06-30', data: { country: 'AT' } }],
  settings: () => [
    { key: 'lastSpotPage', value: { url: 'https://spot.gov.si/', title: 'Moj SPOT', heading: 'Moj SPOT', seenAt: '2025-03-15T09:30:00.000Z' } },
    { key: 'retentionDays', value: 30 },
  ],
  history: () => [{ entity: 'certificates', entityKey: '1000123456', at: '2025-03-15T09:30:00.000Z', change: { status: 'issued' } }],
};

async function snapshot(db: SpotDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

/** The tables (and their specs) a database of `version` has. */
function schemaAt(version: number): Map<string, string> {
  const tables = new Map<string, string>();
  for (const step of SCHEMA_VERSIONS) {
    if (step.version > version) break;
    for (const [name, spec] of Object.entries(step.stores)) {
      if (spec === null) tables.delete(name);
      else tables.set(name, spec);
    }
  }
  return tables;
}

/** Rows in every table of the opened version. */
async function fillEveryTable(db: SpotDb) {
  const names = db.tables.map((t) => t.name);
  const missing = names.filter((n) => !SAMPLE_ROWS[n]);
  expect(missing, 'add SAMPLE_ROWS for the new table(s)').toEqual([]);
  await db.transaction('rw', db.tables, async () => {
    for (const name of names) await db.table(name).bulkAdd(SAMPLE_ROWS[name]!());
  });
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

  // Every earlier version, with data in every table, upgraded to the current one. A version
  // appended to SCHEMA_VERSIONS is picked up here by itself.
  for (const { version: from } of SCHEMA_VERSIONS.slice(0, -1)) {
    it(`upgrades a v${from} database to v${CURRENT_VERSION} with every record of every table intact, and every index answers`, async () => {
      const old = open(from);
      await fillEveryTable(old);
      expect(old.verno).toBe(from);
      expect(old.tables.map((t) => t.name).sort()).toEqual([...schemaAt(from).keys()].sort());
      const before = await snapshot(old);
      expect(Object.entries(before).filter(([, rows]) => rows.length === 0)).toEqual([]);
      old.close();

      const current = open();
      await current.open();
      expect(current.verno).toBe(CURRENT_VERSION);
      const after = await snapshot(current);
      // Every record is still there with every field it had (an upgrade may only add fields).
      for (const [table, rows] of Object.entries(before)) {
        expect(after[table], table).toHaveLength(rows.length);
        expect(after[table], table).toEqual(rows.map((row) => expect.objectContaining(row as object)));
      }
      // Every index of the current schema finds every row by its own values.
      const looked = new Map<string, number>();
      for (const table of current.tables) {
        const rows = await table.toArray();
        for (const index of table.schema.indexes) {
          const fields = Array.isArray(index.keyPath) ? index.keyPath : [index.keyPath!];
          for (const row of rows) {
            const values = fields.map((f) => (row as Record<string, unknown>)[f]);
            if (values.some((v) => v === undefined || v === null)) continue;
            const keys = await table.where(index.name).equals((index.compound ? values : values[0]) as never).primaryKeys();
            expect(keys, `${table.name}.${index.name}`).toContainEqual((row as Record<string, unknown>)[table.schema.primKey.keyPath as string]);
            looked.set(table.name, (looked.get(table.name) ?? 0) + 1);
          }
        }
      }
      // Not vacuous: every table with an index was looked up through it.
      expect([...looked.keys()].sort()).toEqual(current.tables.filter((t) => t.schema.indexes.length).map((t) => t.name).sort());
      // v5: an employer's workers are a range of ids, its certificates come through the worker index.
      expect((await employerWorkers(current, '12345679').toArray()).map((w) => w.id)).toEqual([W1, W2]);
      expect((await employerWorkers(current, '10000003').toArray()).map((w) => w.name)).toEqual(['Novak Eva']);
      expect((await employerCertificates(current, '12345679')).map((c) => c.number).sort()).toEqual(['1000123456', '1000123457', '1000123458']);
    });
  }

  it('v3: a disclosure stored before storedAt existed gets the upgrade time, so the retention period counts from then', async () => {
    const v2 = open(2);
    await fillEveryTable(v2);
    v2.close();
    const started = new Date().toISOString();
    const current = open();
    const rows = await current.disclosures.orderBy('queryNumber').toArray();
    expect(rows[0]!.storedAt! >= started).toBe(true); // had none
    expect(rows[1]!.storedAt).toBe('2025-03-15T09:30:00.000Z'); // kept
    expect(await current.disclosures.where('storedAt').below('2025-03-16').count()).toBe(1);
  });

  it('sees the upgrade in the raw IndexedDB too (a real versionchange, not only Dexie bookkeeping)', async () => {
    const v1 = open(1);
    await fillEveryTable(v1);
    v1.close();
    await open().open();
    const raw = new Dexie(NAME, { indexedDB: env.indexedDB, IDBKeyRange: env.IDBKeyRange });
    await raw.open(); // dynamic mode: reads the schema from the database itself
    try {
      expect(raw.verno).toBe(CURRENT_VERSION);
      // v5: one index on certificates, none on workers (each is one more write per stored row).
      expect(raw.table('certificates').schema.indexes.map((i) => i.name)).toEqual(['[employerTax+workerId]']);
      expect(raw.table('workers').schema.indexes).toEqual([]);
    } finally {
      raw.close();
    }
  });

  it('refuses a second certificate with the same number', async () => {
    const db = open();
    await db.certificates.add(certificate('1000123456', W1, '2025-03-03'));
    await expect(db.certificates.add(certificate('1000123456', W2, '2025-04-01'))).rejects.toMatchObject({ name: 'ConstraintError' });
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
      workerId: W1,
      certificateNumber: null,
      data: EMPTY_DISCLOSURE,
    });
    await db.disclosures.add(disclosure());
    // Same query, other validity date: a different disclosure.
    await db.disclosures.add({ ...disclosure(), validUntil: '2025-04-14' });
    const duplicate = db.transaction('rw', db.disclosures, db.history, async () => {
      await db.history.add({ entity: 'disclosures', entityKey: 'P-2025-000123456', at: '2025-03-16T00:00:00.000Z', change: null });
      await db.disclosures.add({ ...disclosure(), workerId: W2 });
    });
    await expect(duplicate).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await db.disclosures.count()).toBe(2);
    expect(await db.history.count()).toBe(0);
  });
});

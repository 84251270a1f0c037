/**
 * The extension's database: IndexedDB of the extension's own origin, through Dexie.
 * Only the background opens it (content scripts would get the page's origin).
 *
 * `createDb({ indexedDB, IDBKeyRange })` takes the IndexedDB implementation as a parameter:
 * the background passes the browser's, unit tests pass fake-indexeddb instances.
 *
 * The schema lives in `SCHEMA_VERSIONS` below, oldest first. To change it, APPEND a version
 * (list only the tables that change, with their full new spec, and an `upgrade` when existing
 * rows must be rewritten); never edit a released version.
 */
import { Dexie, type Table, type Transaction } from 'dexie';

// Row types live in src/shared/rows.ts: the popup shows them too.
import type {
  CertificateRow, ClaimRow, ComputationRow, DisclosureRow, EmployerRow, HistoryRow, PostingRow, SettingRow, WorkerRow,
} from '../shared/rows.ts';
export type {
  CertificateRow, ClaimRow, ComputationRow, DisclosureRow, EmployerRow, HistoryRow, PostingRow, SettingRow, WorkerRow,
} from '../shared/rows.ts';

// ---------------------------------------------------------------------------------------
// Schema, as data. Dexie syntax: first the primary key (`++` = auto-increment), then indexes;
// `&` = unique, `[a+b]` = compound.

export interface SchemaVersion {
  version: number;
  /** Tables that are new or change in this version, with their full spec; `null` deletes. */
  stores: Record<string, string | null>;
  /** Rewrites existing rows when the shape of the data changes. */
  upgrade?: (tx: Transaction) => Promise<void> | void;
  /** Why this version exists. */
  note: string;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    note: 'first schema',
    stores: {
      employers: 'taxNumber',
      workers: 'id, employerTax, [employerTax+emso], [employerTax+name]',
      certificates: 'number, employerTax, workerId, [employerTax+from], status, reason',
      disclosures: '++id, &[queryNumber+validUntil], employerTax, workerId, certificateNumber',
      computations: '++id, employerTax, certificateNumber, workerId',
      claims: '++id, employerTax, certificateNumber, expiresOn',
      postings: '++id, employerTax, workerId, start',
      settings: 'key',
      history: '++id, [entity+entityKey], at',
    },
  },
  {
    version: 2,
    note: "a worker's certificates at one employer, without scanning all of the employer's",
    stores: {
      certificates: 'number, employerTax, workerId, [employerTax+from], status, reason, [employerTax+workerId]',
    },
  },
  {
    version: 3,
    note: 'disclosures by when they were stored, for the retention period (store/retention.ts); a row without storedAt gets the upgrade time, so it is kept for the whole period',
    stores: {
      disclosures: '++id, &[queryNumber+validUntil], employerTax, workerId, certificateNumber, storedAt',
    },
    upgrade: async (tx) => {
      const now = new Date().toISOString();
      await tx.table('disclosures').toCollection().modify((row: { storedAt?: unknown }) => {
        if (typeof row.storedAt !== 'string') row.storedAt = now;
      });
    },
  },
  {
    version: 4,
    note: 'only the indexes something queries: every index is one more write per stored row, and an import writes thousands of rows '
      + '(certificates: by employer and date for the lists and counts, by employer and worker; workers: by employer, by employer '
      + 'and EMSO; history: by record, sorted in memory). Dropped: certificates employerTax, workerId, status, reason; workers '
      + '[employerTax+name]; history at',
    stores: {
      workers: 'id, employerTax, [employerTax+emso]',
      certificates: 'number, [employerTax+from], [employerTax+workerId]',
      history: '++id, [entity+entityKey]',
    },
  },
  {
    version: 5,
    note: 'fewer index entries per stored row (issue 8: Chromium pays per index entry about what it pays per row, so storing 10 000 '
      + 'certificates with two indexes took a third longer than with one). Workers: none, their ids begin with the employer\'s tax '
      + 'number (`<tax>:…`, store/workers.ts), so one employer\'s workers are a range of the primary key and are looked up by EMSO '
      + 'in memory. Certificates: by employer and worker only; an employer\'s list by date is read once through that index and '
      + 'kept sorted in memory (store/certificateList.ts). Dropped: workers employerTax, [employerTax+emso]; certificates '
      + '[employerTax+from]',
    stores: {
      workers: 'id',
      certificates: 'number, [employerTax+workerId]',
    },
  },
];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
export const DB_NAME = 'spot-pomocnik';

export interface DbEnv {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

export interface DbOptions {
  name?: string;
  /** Declare only the versions up to this one (tests open an old schema this way). */
  upToVersion?: number;
}

export class SpotDb extends Dexie {
  declare employers: Table<EmployerRow, string>;
  declare workers: Table<WorkerRow, string>;
  declare certificates: Table<CertificateRow, string>;
  declare disclosures: Table<DisclosureRow, number>;
  declare computations: Table<ComputationRow, number>;
  declare claims: Table<ClaimRow, number>;
  declare postings: Table<PostingRow, number>;
  declare settings: Table<SettingRow, string>;
  declare history: Table<HistoryRow, number>;

  constructor(env: DbEnv, options: DbOptions = {}) {
    super(options.name ?? DB_NAME, { indexedDB: env.indexedDB, IDBKeyRange: env.IDBKeyRange });
    const upTo = options.upToVersion ?? CURRENT_VERSION;
    for (const step of SCHEMA_VERSIONS) {
      if (step.version > upTo) break;
      const declared = this.version(step.version).stores(step.stores);
      if (step.upgrade) declared.upgrade(step.upgrade);
    }
  }
}

export function createDb(env: DbEnv, options?: DbOptions): SpotDb {
  return new SpotDb(env, options);
}

let backgroundDb: SpotDb | undefined;
/**
 * The background's connection, opened on first use (Dexie opens lazily). Only a cache of a
 * connection: when the service worker is stopped it is simply opened again.
 */
export function getBackgroundDb(): SpotDb {
  backgroundDb ??= createDb({ indexedDB: globalThis.indexedDB, IDBKeyRange: globalThis.IDBKeyRange });
  return backgroundDb;
}

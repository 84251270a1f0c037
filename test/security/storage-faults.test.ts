/**
 * A full disk / exhausted quota (issue 9). IndexedDB refuses a write with `QuotaExceededError`
 * and aborts the transaction. For every message that writes, a fault is injected at write
 * positions spread over the whole operation (the first, the last and those between), and
 * after each:
 *
 *   - the answer is `STORAGE_FULL` with the clear Slovenian sentence (not a generic failure);
 *   - EVERY record of EVERY table is exactly as before (nothing half-written);
 *
 * then the same message without a fault succeeds (so the faults really hit writes). The popup's
 * own import runs through the real background here too: the user reads the sentence.
 *
 * The figures (faults injected, records checked) are printed and written in SECURITY.md.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb, type SpotDb } from '../../src/background/db.ts';
import { createHandlers } from '../../src/background/handlers/index.ts';
import { createRegistry, type HandlerMap, type Registry } from '../../src/background/registry.ts';
import { createBackup } from '../../src/background/store/backup.ts';
import { applyRetention } from '../../src/background/store/retention.ts';
import { isQuotaError } from '../../src/background/storageErrors.ts';
import type { Certificate } from '../../src/lib/certificates.ts';
import { describeError, t } from '../../src/shared/i18n.ts';
import { CHANNEL, errorText, MessageError, type MessageName, type RequestOf } from '../../src/shared/messages.ts';
import '../../src/shared/protocol/backup.ts';
import '../../src/shared/protocol/ui.ts';
import { EXTENSION_ID, EXTENSION_ORIGIN, resetFakeBrowser, senders } from '../background/fakeBrowser.ts';
import { ROOT } from '../companion/run.ts';
import { caseDisclosures, certificate, EMPLOYER, fillEveryTable, recordCount, snapshot } from './dataset.ts';
import { injectQuotaError, spread } from './storageFaults.ts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../background/fakeBrowser.ts')).fakeBrowser }));
// The popup's messages go to the real registry below (as `send` does in the browser).
vi.mock('../../src/popup/api.ts', () => ({
  call: async (name: string, payload: unknown) => {
    const r = await current.registry.dispatch({ channel: CHANNEL, name, payload }, current.sender);
    if (!r.ok) throw new MessageError(r.error.code, r.error.message);
    return r.value;
  },
  openAppTab: vi.fn(), downloadText: vi.fn(),
}));

const FAST = 20_000;
const SECRET = 'dolgo geslo 123';
const NOW = new Date('2025-06-02T08:00:00.000Z');
/** Fault positions per operation (spread over all its writes). */
const POSITIONS = 12;

const current: { registry: Registry; sender: ReturnType<typeof senders.popup> } = { registry: null as never, sender: senders.popup() };
let db: SpotDb;
const figures = { operations: 0, faults: 0, recordsChecked: 0 };

function newDb(name: string): SpotDb {
  return createDb({ indexedDB: new IDBFactory(), IDBKeyRange }, { name });
}
function registryFor(d: SpotDb): Registry {
  return createRegistry(createHandlers({ db: () => d, now: () => NOW, backupIterations: FAST }) as HandlerMap,
    { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN }, () => undefined);
}

beforeEach(() => {
  resetFakeBrowser();
  db = newDb('faults');
  current.registry = registryFor(db);
  current.sender = senders.popup();
});
afterEach(() => db.close());
afterAll(() => {
  // eslint-disable-next-line no-console
  console.log(`[storage faults] operations: ${figures.operations}, faults injected: ${figures.faults}, records checked after faults: ${figures.recordsChecked}`);
});

const spotTab = () => senders.tab('https://spot.gov.si/ebol-prenos.html');
const manyCertificates = (count: number, first: number, status: Certificate['status'] = 'issued'): Certificate[] =>
  Array.from({ length: count }, (_, i) => certificate(String(first + i), {
    worker: { name: `Delavec ${String(i % 40).padStart(2, '0')}`, zzzsNumber: null, emso: null },
    from: '2025-05-05', to: '2025-05-09', status,
  }));

interface Operation {
  what: string;
  /** Sends the message; returns the registry's answer. */
  run(registry: Registry): Promise<{ ok: boolean; error?: { code: string; message: string } }>;
}
const message = <K extends MessageName>(name: K, payload: RequestOf<K>, sender = senders.popup): Operation['run'] =>
  (registry) => registry.dispatch({ channel: CHANNEL, name, payload }, sender()) as never;

/** Counts the writes `op` makes on a copy of the baseline, then faults it at spread positions on `db`. */
async function faultEverywhere(op: Operation, baseline: (d: SpotDb) => Promise<void>): Promise<void> {
  const probe = newDb(`probe-${figures.operations}`);
  await baseline(probe);
  const counter = injectQuotaError({ atWrite: Number.POSITIVE_INFINITY });
  let total: number;
  try {
    const r = await op.run(registryFor(probe));
    expect(r.ok, `${op.what} without a fault: ${JSON.stringify(r.error)}`).toBe(true);
    total = counter.writes();
  } finally {
    counter.restore();
    probe.close();
  }
  expect(total, `${op.what} writes something`).toBeGreaterThan(0);

  await baseline(db);
  const before = await snapshot(db);
  for (const at of spread(total, POSITIONS)) {
    const fault = injectQuotaError({ atWrite: at });
    let answer;
    try {
      answer = await op.run(current.registry);
    } finally {
      fault.restore();
    }
    expect(fault.fired(), `${op.what} @${at}`).toBe(true);
    expect(answer, `${op.what} @${at}`).toEqual({ ok: false, error: { code: 'STORAGE_FULL', message: errorText('STORAGE_FULL') } });
    const after = await snapshot(db);
    expect(after, `${op.what}: fault at write ${at} of ${total} left something behind`).toEqual(before);
    figures.faults++;
    figures.recordsChecked += recordCount(after);
  }
  figures.operations++;
  // And without a fault it goes through.
  expect((await op.run(current.registry)).ok, op.what).toBe(true);
}

describe('a full disk in the middle of a write leaves nothing half-written and says so', () => {
  it('recognises a quota error however Dexie wraps it', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('x'), quota] })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: { 3: quota } })).toBe(true);
    expect(isQuotaError(new Error('x', { cause: quota }))).toBe(true);
    expect(isQuotaError(new DOMException('x', 'ConstraintError'))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(errorText('STORAGE_FULL')).toMatch(/^Ni prostora za shranjevanje: .*Nič od tega ni bilo shranjeno/);
  });

  it('importing a file of 150 certificates (ui:importCertificates)', async () => {
    await faultEverywhere(
      { what: 'ui:importCertificates', run: message('ui:importCertificates', { certificates: manyCertificates(150, 2000100), fallbackEmployerTax: EMPLOYER }) },
      async (d) => void (await fillEveryTable(d)),
    );
  });

  it('a SPOT page storing its eBOL list (content:storeCertificates), new and cancelled certificates', async () => {
    const certificates = [...manyCertificates(40, 2000300), ...manyCertificates(5, 1000002, 'cancelled').map((c) => ({ ...c, from: '2025-04-01', to: '2025-04-18' }))];
    await faultEverywhere(
      { what: 'content:storeCertificates', run: message('content:storeCertificates', { employerTax: EMPLOYER, employerName: 'PRIMER d.o.o.', certificates, source: 'spot-page' }, spotTab) },
      async (d) => void (await fillEveryTable(d)),
    );
  });

  it('a FURS disclosure from a file (ui:importDisclosure) and from a SPOT download (content:storeDisclosure)', async () => {
    const d = { ...caseDisclosures('2025-06-01')[1]!, queryNumber: 'P-2025-000000777' };
    await faultEverywhere(
      { what: 'ui:importDisclosure', run: message('ui:importDisclosure', { disclosure: d, fallbackEmployerTax: null, fileName: 'osnova.xml' }) },
      async (x) => void (await fillEveryTable(x)),
    );
    db.close();
    db = newDb('faults-2');
    current.registry = registryFor(db);
    await faultEverywhere(
      { what: 'content:storeDisclosure', run: message('content:storeDisclosure', { employerTax: EMPLOYER, disclosure: d, certificateNumber: '1000003', workerName: 'Kovač Ana', fileName: 'osnova.xml' }, spotTab) },
      async (x) => void (await fillEveryTable(x)),
    );
  });

  it('storing a computation with its claim lines (ui:compute)', async () => {
    await faultEverywhere(
      { what: 'ui:compute', run: message('ui:compute', { certificateNumber: '1000003', options: { excludedAllowances: 100 } }) },
      async (d) => void (await fillEveryTable(d)),
    );
  });

  it('restoring a backup (ui:restoreBackup): the current data stays whole', async () => {
    const source = newDb('backup-source');
    await fillEveryTable(source, '2025-01-01T08:00:00.000Z');
    const { text } = await createBackup(source, SECRET, { iterations: FAST });
    source.close();
    await faultEverywhere(
      { what: 'ui:restoreBackup', run: message('ui:restoreBackup', { text, passphrase: SECRET, confirm: true }) },
      async (d) => {
        await fillEveryTable(d);
        await d.certificates.bulkAdd(manyCertificates(30, 2000500).map((c) => ({ ...c, employerTax: EMPLOYER, workerId: 'x', status: 'issued' as const })) as never);
      },
    );
  });

  it('the retention run fails whole and deletes nothing', async () => {
    await fillEveryTable(db, '2025-01-01T08:00:00.000Z');
    const before = await snapshot(db);
    for (const at of [1, 2]) {
      const fault = injectQuotaError({ atWrite: at });
      try {
        await expect(applyRetention(db, NOW)).rejects.toSatisfy(isQuotaError);
      } finally {
        fault.restore();
      }
      expect(fault.fired()).toBe(true);
      expect(await snapshot(db)).toEqual(before);
      figures.faults++;
      figures.recordsChecked += recordCount(before);
    }
    expect((await applyRetention(db, NOW)).deleted).toBe(2);
  });

  it('the popup import tells the user in plain Slovenian, file by file, and the next file still goes in', async () => {
    const { importFiles } = await import('../../src/popup/importFiles.ts');
    await fillEveryTable(db);
    const before = await snapshot(db);
    // A signed eBOL XML as the user downloads it, with a number not stored yet.
    const file = readFileSync(join(ROOT, 'test/fixtures/import/ebol-1000002.xml'), 'utf8').replaceAll('1000002', '3000001');
    const xml = () => new TextEncoder().encode(file);
    const fault = injectQuotaError({ atWrite: 2 });
    let results;
    try {
      results = await importFiles([{ name: 'ebol-3000001.xml', bytes: async () => xml() }], { employerTax: EMPLOYER, askMapping: async () => null, onProgress: () => undefined });
    } finally {
      fault.restore();
    }
    expect(fault.fired()).toBe(true);
    expect(results[0]!.status).toBe('error');
    expect(results[0]!.message).toBe(t('error_STORAGE_FULL'));
    expect(results[0]!.message).toBe(describeError(new MessageError('STORAGE_FULL')));
    expect(await snapshot(db)).toEqual(before);
    const again = await importFiles([{ name: 'ebol-3000001.xml', bytes: async () => xml() }], { employerTax: EMPLOYER, askMapping: async () => null, onProgress: () => undefined });
    expect(again[0]!.status).toBe('stored');
  });
});

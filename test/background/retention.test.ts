/**
 * Data lifecycle (issue 9): FURS disclosures are deleted once stored longer than the period
 * the user set (default 90 days), measured from `storedAt`; the deletion is recorded in the
 * history without the data; "Izbriši vse podatke" empties every table.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb, type SpotDb } from '../../src/background/db.ts';
import { createHandlers } from '../../src/background/handlers/index.ts';
import { createRegistry, type HandlerMap, type Registry } from '../../src/background/registry.ts';
import { storeDisclosure } from '../../src/background/store/disclosures.ts';
import { applyRetention, RETENTION_HISTORY_KEY, retentionCutoff } from '../../src/background/store/retention.ts';
import { writeUiSettings } from '../../src/background/store/settings.ts';
import type { Disclosure } from '../../src/lib/disclosure/model.ts';
import { CHANNEL, type MessageName, type RequestOf, type ResponseOf } from '../../src/shared/messages.ts';
import { DEFAULT_RETENTION_DAYS } from '../../src/shared/protocol/ui.ts';
import { caseDisclosures, EMPLOYER, fillEveryTable, snapshot } from '../security/dataset.ts';
import { EXTENSION_ID, EXTENSION_ORIGIN, resetFakeBrowser, senders } from './fakeBrowser.ts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fakeBrowser.ts')).fakeBrowser }));

let db: SpotDb;
beforeEach(() => { db = createDb({ indexedDB: new IDBFactory(), IDBKeyRange }, { name: 'retention-test' }); });
afterEach(() => db.close());

const DAY = 86_400_000;
const base = caseDisclosures()[0]!;
const disclosure = (n: number): Disclosure => ({ ...base, queryNumber: `P-2025-${String(n).padStart(9, '0')}` });

/** Stores one disclosure per timestamp; returns their query numbers in the same order. */
async function storeAt(times: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const [i, now] of times.entries()) {
    const d = disclosure(i + 1);
    await storeDisclosure(db, { employerTax: EMPLOYER, disclosure: d, source: 'spot-download', now });
    out.push(d.queryNumber!);
  }
  return out;
}
const remaining = async () => (await db.disclosures.toArray()).map((d) => d.queryNumber).sort();

describe('retention of FURS disclosures', () => {
  it('keeps a disclosure stored exactly N days ago and deletes one stored a millisecond earlier (default 90 days)', async () => {
    const now = new Date('2025-06-02T08:00:00.000Z');
    const cutoff = new Date(now.getTime() - 90 * DAY);
    const [earlier, exact, later, today] = await storeAt([
      new Date(cutoff.getTime() - 1).toISOString(),
      cutoff.toISOString(),
      new Date(cutoff.getTime() + 1).toISOString(),
      now.toISOString(),
    ]);
    const run = await applyRetention(db, now);
    expect(run).toEqual({ at: now.toISOString(), retentionDays: DEFAULT_RETENTION_DAYS, storedBefore: '2025-03-04T08:00:00.000Z', deleted: 1 });
    expect(await remaining()).toEqual([exact, later, today].sort());
    expect(await remaining()).not.toContain(earlier);
    // Running again changes nothing.
    expect((await applyRetention(db, now)).deleted).toBe(0);
    expect(await remaining()).toHaveLength(3);
  });

  it('counts whole 24-hour days across the daylight-saving change and a leap day', () => {
    // 30 days before 2024-04-10 crosses 31 March (DST) and is still 30 × 24 h.
    expect(retentionCutoff(new Date('2024-04-10T06:00:00.000Z'), 30)).toBe('2024-03-11T06:00:00.000Z');
    expect(retentionCutoff(new Date('2024-03-01T00:00:00.000Z'), 1)).toBe('2024-02-29T00:00:00.000Z');
    expect(retentionCutoff(new Date('2025-01-01T00:00:00.000Z'), 3650)).toBe('2015-01-04T00:00:00.000Z'); // three leap days between
  });

  it('follows the period the user set (1 day … 3650 days)', async () => {
    const now = new Date('2025-06-02T08:00:00.000Z');
    const [twoDays, halfDay] = await storeAt([new Date(now.getTime() - 2 * DAY).toISOString(), new Date(now.getTime() - DAY / 2).toISOString()]);
    await writeUiSettings(db, { retentionDays: 3650 });
    expect((await applyRetention(db, now)).deleted).toBe(0);
    await writeUiSettings(db, { retentionDays: 1 });
    expect(await applyRetention(db, now)).toMatchObject({ deleted: 1, retentionDays: 1 });
    expect(await remaining()).toEqual([halfDay]);
    expect(await remaining()).not.toContain(twoDays);
  });

  it('records the deletion in the history without any of the data, and touches nothing else', async () => {
    await fillEveryTable(db, '2025-01-10T08:00:00.000Z');
    const before = await snapshot(db);
    const now = new Date('2025-06-02T08:00:00.000Z');
    expect((await applyRetention(db, now)).deleted).toBe(2);
    const after = await snapshot(db);
    expect(after.disclosures).toEqual([]);
    for (const table of ['employers', 'workers', 'certificates', 'computations', 'claims', 'postings']) expect(after[table], table).toEqual(before[table]);
    const added = (after.history as { entityKey: string }[]).slice(before.history!.length);
    expect(added).toEqual([{
      id: expect.any(Number), entity: 'disclosures', entityKey: RETENTION_HISTORY_KEY, at: now.toISOString(),
      change: { deleted: 2, storedBefore: '2025-03-04T08:00:00.000Z', retentionDays: 90, reason: 'retention' },
    }]);
    // No query number, tax number, amount or month of the deleted data in that entry.
    const text = JSON.stringify(added);
    for (const d of before.disclosures as { queryNumber: string; workerTaxNumber: string; data: Disclosure }[]) {
      expect(text).not.toContain(d.queryNumber);
      expect(text).not.toContain(d.workerTaxNumber);
      expect(text).not.toContain(String(d.data.sections[0]!.rows[0]!.amount));
    }
  });

  it('tells the popup what it did last (ui:retentionInfo)', async () => {
    resetFakeBrowser();
    const registry = createRegistry(createHandlers({ db: () => db }) as HandlerMap, { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN }, vi.fn());
    const info = async () => {
      const r = await registry.dispatch({ channel: CHANNEL, name: 'ui:retentionInfo', payload: {} }, senders.popup());
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    expect(await info()).toEqual({ retentionDays: 90, lastRun: null });
    await storeAt(['2025-01-01T00:00:00.000Z']);
    await applyRetention(db, new Date('2025-06-02T08:00:00.000Z'));
    expect(await info()).toEqual({
      retentionDays: 90, lastRun: { at: '2025-06-02T08:00:00.000Z', storedBefore: '2025-03-04T08:00:00.000Z', deleted: 1, retentionDays: 90 },
    });
  });
});

describe('Izbriši vse podatke (ui:deleteAllData)', () => {
  let registry: Registry;
  async function ui<K extends MessageName>(name: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
    const r = await registry.dispatch({ channel: CHANNEL, name, payload }, senders.popup());
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.value as ResponseOf<K>;
  }
  beforeEach(() => {
    resetFakeBrowser();
    registry = createRegistry(createHandlers({ db: () => db }) as HandlerMap, { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN }, vi.fn());
  });

  it('empties every table — the history and the settings included — and the popup starts as new', async () => {
    const counts = await fillEveryTable(db);
    expect(Object.keys(counts).sort()).toEqual(db.tables.map((t) => t.name).sort());
    expect(Object.entries(counts).filter(([, n]) => n === 0)).toEqual([]);
    await applyRetention(db, new Date('2025-06-02T08:00:00.000Z')); // leaves its own settings row
    const ctx = await ui('ui:deleteAllData', { confirm: true });
    expect(ctx).toEqual({ employers: [], current: null, settings: { retentionDays: 90, parameterOverrides: {}, exportDialect: 'excel-si' } });
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  });

  it('is refused from a SPOT page, even with the confirmation', async () => {
    await fillEveryTable(db);
    const r = await registry.dispatch({ channel: CHANNEL, name: 'ui:deleteAllData', payload: { confirm: true } }, senders.tab('https://spot.gov.si/ebol-prenos.html'));
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(await db.certificates.count()).toBeGreaterThan(0);
  });
});

/**
 * Reminders: when a posting's end and a claim line's lapse start to count (boundary days),
 * marking done (and undoing it), the toolbar badge, the daily alarm at midnight in Ljubljana,
 * and the background wiring (listeners at the top level, recount after a change).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb, type SpotDb } from '../../src/background/db.ts';
import { createHandlers } from '../../src/background/handlers/index.ts';
import { createRegistry, type HandlerMap, type Registry } from '../../src/background/registry.ts';
import {
  BADGE_COLOURS, POSTING_REMINDER_LEAD_DAYS, REMINDER_ALARM, badgeText, changesReminders, dueReminders, nextRecountAt,
  refreshBadge, reminderCandidates,
} from '../../src/background/reminders.ts';
import type { StoredClaimLine } from '../../src/background/store/computations.ts';
import { addDays } from '../../src/lib/dates.ts';
import type { ClaimLine } from '../../src/lib/refund.ts';
import { CHANNEL, type MessageName, type RequestOf, type ResponseOf } from '../../src/shared/messages.ts';
import type { StoredPosting } from '../../src/shared/protocol/a1.ts';
import type { ClaimRow, PostingRow } from '../../src/shared/rows.ts';
import { EXTENSION_ID, EXTENSION_ORIGIN, fakeBrowser, resetFakeBrowser, senders, sendAs } from './fakeBrowser.ts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fakeBrowser.ts')).fakeBrowser }));

const EMPLOYER = '12345679';
const OTHER = '10000003';

function postingRow(id: number, end: string, over: Partial<StoredPosting> = {}, employerTax = EMPLOYER): PostingRow {
  const data: StoredPosting = {
    person: { emso: '0101990500003', name: 'Janez', surname: 'Kranjc' }, country: 'AT', placeOfWork: 'Graz',
    client: { name: 'Bau GmbH', address: 'Hauptplatz 1', taxNumber: 'ATU1' }, tasks: 'Montaža', start: '2026-01-05', end,
    originalBasis: '001', filedOn: null, ...over,
  };
  return { id, employerTax, workerId: `${employerTax}:E0101990500003`, start: data.start, end, data };
}

function line(certificate: string, expiresOn: string, over: Partial<ClaimLine> = {}): ClaimLine {
  return {
    certificate, reason: '01', from: '2025-05-13', to: '2025-05-23', hours: 72, baseYear: 2024, baseMonths: 12, baseAmount: 29130.18, baseHours: 2096,
    valorisation: 1, hourlyBase: 13.9, percentage: 80, amount: 800.64, expiresOn, warnFrom: addDays(expiresOn, -60), complete: true, ...over,
  };
}
function claimRow(id: number, l: ClaimLine, employerTax = EMPLOYER): ClaimRow {
  const data: StoredClaimLine = {
    computationId: 1, absenceKey: l.certificate, worker: { name: 'Zupančič Maja', zzzsNumber: null, emso: null }, paymentDate: null, monthlyObligation: 173.33, line: l,
  };
  return { id, employerTax, certificateNumber: l.certificate, expiresOn: l.expiresOn, data };
}

const due = (input: { postings?: PostingRow[]; claims?: ClaimRow[] }, today: string, done: Record<string, string> = {}) =>
  dueReminders(reminderCandidates({ postings: input.postings ?? [], claims: input.claims ?? [], employers: [], today }), done, today);

describe('counting reminders (pure)', () => {
  it('a posting ending on 30 June: M-2 from 23 June (7 days before its day), M-3 for 1 July from 24 June', () => {
    const p = [postingRow(1, '2026-06-30')];
    expect(POSTING_REMINDER_LEAD_DAYS).toBe(7);
    expect(due({ postings: p }, '2026-06-22').open).toEqual([]);
    const first = due({ postings: p }, '2026-06-23').open;
    expect(first.map((r) => [r.kind, r.due])).toEqual([['deregister-posting-basis', '2026-06-30']]);
    expect(first[0]).toMatchObject({ id: 'posting:1:deregister-posting-basis:2026-06-30', posting: { id: 1, surname: 'Kranjc', country: 'AT', originalBasis: '001' } });
    expect(due({ postings: p }, '2026-06-24').open.map((r) => [r.kind, r.due])).toEqual([
      ['deregister-posting-basis', '2026-06-30'], ['register-original-basis', '2026-07-01'],
    ]);
    // Still there long after, until marked done.
    expect(due({ postings: p }, '2027-01-01').open).toHaveLength(2);
  });

  it('a claim line from 60 days before it lapses (expiring), after its last day (expired), until marked filed', () => {
    const c = [claimRow(1, line('1000003', '2028-06-19'))];
    expect(due({ claims: c }, '2028-04-19').open).toEqual([]);
    expect(due({ claims: c }, '2028-04-20').open.map((r) => r.kind)).toEqual(['claim-expiring']);
    expect(due({ claims: c }, '2028-06-19').open.map((r) => r.kind)).toEqual(['claim-expiring']);
    const expired = due({ claims: c }, '2028-06-20').open;
    expect(expired.map((r) => r.kind)).toEqual(['claim-expired']);
    expect(expired[0]).toMatchObject({ id: 'claim:12345679:1000003:2025-05-13:2025-05-23', due: '2028-06-19', claim: { certificate: '1000003', workerName: 'Zupančič Maja', amount: 800.64 } });
    // Marked filed while expiring, it stays done once expired (the id does not change).
    expect(due({ claims: c }, '2028-06-20', { [expired[0]!.id]: '2028-05-01T10:00:00.000Z' })).toEqual({ open: [], done: 1 });
  });

  it('lists the most urgent first, across employers, and counts what was done', () => {
    const list = due({
      postings: [postingRow(1, '2026-06-30'), postingRow(2, '2026-06-26', {}, OTHER)],
      claims: [claimRow(1, line('1000003', '2026-08-01')), claimRow(2, line('1000004', '2027-08-01'))],
    }, '2026-06-25', { 'posting:2:deregister-posting-basis:2026-06-26': '2026-06-25T08:00:00.000Z' });
    expect(list.open.map((r) => `${r.employerTax} ${r.kind} ${r.due}`)).toEqual([
      `${OTHER} register-original-basis 2026-06-27`,
      `${EMPLOYER} deregister-posting-basis 2026-06-30`,
      `${EMPLOYER} register-original-basis 2026-07-01`,
      `${EMPLOYER} claim-expiring 2026-08-01`,
    ]);
    expect(list.done).toBe(1);
  });

  it('shows the count on the badge: none, up to 99, then 99+', () => {
    expect([0, 1, 99, 100].map(badgeText)).toEqual(['', '1', '99', '99+']);
  });
});

describe('the daily recount at midnight in Ljubljana', () => {
  it('is set for 00:05 of the next day, in winter (CET) and summer (CEST) time', () => {
    expect(new Date(nextRecountAt(new Date('2026-01-15T10:00:00Z'))).toISOString()).toBe('2026-01-15T23:05:00.000Z');
    expect(new Date(nextRecountAt(new Date('2026-07-15T10:00:00Z'))).toISOString()).toBe('2026-07-15T22:05:00.000Z');
    // 23:30 on 28 March in Ljubljana; the clocks go forward that night.
    expect(new Date(nextRecountAt(new Date('2026-03-28T22:30:00Z'))).toISOString()).toBe('2026-03-28T23:05:00.000Z');
    // 00:30 on 25 October local (still CEST): the next one is 00:05 on 26 October, after the switch to CET.
    expect(new Date(nextRecountAt(new Date('2026-10-24T22:30:00Z'))).toISOString()).toBe('2026-10-25T23:05:00.000Z');
  });
});

describe('ui:listReminders, ui:setReminderDone and the badge', () => {
  let db: SpotDb;
  let registry: Registry;
  const now = new Date('2026-06-25T08:00:00.000Z');
  beforeEach(() => {
    resetFakeBrowser();
    db = createDb({ indexedDB: new IDBFactory(), IDBKeyRange }, { name: 'reminders-test' });
    registry = createRegistry(createHandlers({ db: () => db, now: () => now }) as HandlerMap, { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN }, vi.fn());
  });
  afterEach(() => db.close());
  async function ui<K extends MessageName>(name: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
    const answer = await registry.dispatch({ channel: CHANNEL, name, payload }, senders.popup());
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value as ResponseOf<K>;
  }

  it('marks one done and open again, drops marks of deleted postings, and the badge follows', async () => {
    await db.employers.put({ taxNumber: EMPLOYER, name: 'PRIMER d.o.o.' });
    await db.postings.bulkPut([postingRow(1, '2026-06-30'), postingRow(2, '2026-12-31')]);
    await db.claims.put(claimRow(1, line('1000003', '2026-06-20')));
    const action = fakeBrowser.action;

    const first = await ui('ui:listReminders', {});
    expect(first.open.map((r) => r.kind)).toEqual(['claim-expired', 'deregister-posting-basis', 'register-original-basis']);
    expect(first.open[0]).toMatchObject({ employerName: 'PRIMER d.o.o.' });
    await refreshBadge(db, action, now);
    expect(action.state).toEqual({ text: '3', color: BADGE_COLOURS.overdue, title: 'SPOT pomočnik – opomniki: 3' });

    const claimId = first.open[0]!.id;
    const afterDone = await ui('ui:setReminderDone', { id: claimId, done: true });
    expect(afterDone.open.map((r) => r.kind)).toEqual(['deregister-posting-basis', 'register-original-basis']);
    expect(afterDone.done).toBe(1);
    await refreshBadge(db, action, now);
    expect(action.state).toMatchObject({ text: '2', color: BADGE_COLOURS.due });

    expect((await ui('ui:setReminderDone', { id: claimId, done: false })).open).toHaveLength(3);
    // An id that does not exist is not stored.
    expect((await ui('ui:setReminderDone', { id: 'posting:99:x:2026-01-01', done: true })).done).toBe(0);

    await ui('ui:setReminderDone', { id: 'posting:1:deregister-posting-basis:2026-06-30', done: true });
    await db.postings.delete(1);
    await ui('ui:setReminderDone', { id: claimId, done: true });
    expect(Object.keys((await db.settings.get('remindersDone'))!.value as object)).toEqual([claimId]);
    await refreshBadge(db, action, now);
    expect(action.state).toMatchObject({ text: '', title: 'SPOT pomočnik' });
  });

  it('knows which messages change the count', () => {
    const env = (name: string) => ({ channel: CHANNEL, name, payload: {} });
    expect(['ui:compute', 'ui:savePosting', 'ui:deletePosting', 'ui:setReminderDone', 'ui:deleteAllData'].every((n) => changesReminders(env(n)))).toBe(true);
    expect(changesReminders(env('ui:listClaims'))).toBe(false);
    expect(changesReminders({ name: 'ui:compute' })).toBe(false);
  });
});

describe('background/index.ts: reminders', () => {
  it('registers install, start-up and alarm listeners at once; they set the daily alarm and the badge; a saved posting recounts', async () => {
    resetFakeBrowser();
    vi.resetModules();
    vi.stubGlobal('indexedDB', new IDBFactory());
    vi.stubGlobal('IDBKeyRange', IDBKeyRange);
    try {
      await import('../../src/background/index.ts');
      expect(fakeBrowser.runtime.onInstalled.hasListeners()).toBe(true);
      expect(fakeBrowser.runtime.onStartup.hasListeners()).toBe(true);
      expect(fakeBrowser.alarms.onAlarm.hasListeners()).toBe(true);

      fakeBrowser.runtime.onStartup.fire();
      await vi.waitFor(() => expect(fakeBrowser.alarms.created.get(REMINDER_ALARM)).toMatchObject({ periodInMinutes: 1440 }));
      expect(fakeBrowser.alarms.created.get(REMINDER_ALARM)!.when).toBe(nextRecountAt(new Date()));
      await vi.waitFor(() => expect(fakeBrowser.action.state.title).toBe('SPOT pomočnik'));

      // A posting that ended yesterday: both filings are due; the badge shows 2 after the save.
      const { send } = await import('../../src/shared/messages.ts');
      const { todayInLjubljana } = await import('../../src/lib/dates.ts');
      const today = todayInLjubljana();
      sendAs(senders.popup());
      await send('ui:savePosting', {
        employerTax: EMPLOYER, id: null, filedOn: addDays(today, -100),
        posting: {
          person: { emso: '0101990500003', name: 'Janez', surname: 'Kranjc' }, country: 'DE', placeOfWork: 'München',
          client: { name: 'Bau AG', address: 'Marienplatz 1', taxNumber: 'DE1' }, tasks: 'Montaža', start: addDays(today, -90), end: addDays(today, -1),
        },
      });
      await vi.waitFor(() => expect(fakeBrowser.action.state.text).toBe('2'));

      // The alarm going off sets itself for the next midnight and counts again.
      fakeBrowser.alarms.created.clear();
      fakeBrowser.action.state.text = '';
      fakeBrowser.alarms.onAlarm.fire({ name: REMINDER_ALARM, scheduledTime: Date.now() });
      await vi.waitFor(() => expect(fakeBrowser.action.state.text).toBe('2'));
      expect(fakeBrowser.alarms.created.has(REMINDER_ALARM)).toBe(true);
    } finally {
      const { getBackgroundDb } = await import('../../src/background/db.ts');
      getBackgroundDb().close();
      vi.unstubAllGlobals();
    }
  });
});

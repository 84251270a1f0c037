/**
 * Reminders: what is due, counted from the stored postings and claim lines, shown as the
 * toolbar badge (`action.setBadgeText`) and listed in the popup (RULES §8–9).
 *
 *   - a posting's end: M-2 out of basis 002 (due on the last day) and M-3 under the original
 *     basis (due the day after), each counted from `POSTING_REMINDER_LEAD_DAYS` before it is due;
 *   - a claim line whose `expiryState` is `expiring` (60 days before it lapses) or `expired`.
 *
 * Each stays until the user marks it done (settings key `remindersDone`, id → when). The count
 * is made again by a daily alarm (just after midnight in Ljubljana), when the browser starts,
 * and after every message that changes postings or claims; nothing is kept in globals.
 */
import { postingEndReminders } from '../lib/a1.ts';
import { addDays, parseIso, todayInLjubljana, type IsoDate } from '../lib/dates.ts';
import { expiryState } from '../lib/refund.ts';
import { t } from '../shared/i18n.ts';
import { isEnvelope } from '../shared/messages.ts';
import type { ReminderList, ReminderView, RemindersDone } from '../shared/protocol/reminders.ts';
import type { ClaimRow, EmployerRow, PostingRow } from '../shared/rows.ts';
import type { IsoTimestamp } from '../shared/spot.ts';
import type { SpotDb } from './db.ts';
import type { StoredClaimLine } from './store/computations.ts';
import { postingOf } from './store/postings.ts';

/** The alarm that recounts once a day. */
export const REMINDER_ALARM = 'spot-pomocnik-reminders';
/** Settings key of the reminders marked done. */
export const REMINDERS_DONE = 'remindersDone';
/** CONVENTION: a posting's filings show this many days before they are due, to prepare them. */
export const POSTING_REMINDER_LEAD_DAYS = 7;

/** Messages after which the count may have changed (they write postings, claims or the done marks). */
export const RECOUNT_AFTER: ReadonlySet<string> = new Set([
  'ui:compute', 'ui:deleteAllData', 'ui:savePosting', 'ui:deletePosting', 'ui:setReminderDone', 'ui:restoreBackup',
]);

export function changesReminders(message: unknown): boolean {
  return isEnvelope(message) && RECOUNT_AFTER.has(message.name);
}

interface Candidate extends ReminderView {
  /** From this day on it is shown (and counted). */
  showFrom: IsoDate;
}

const isClaimLine = (v: unknown): v is StoredClaimLine =>
  typeof v === 'object' && v !== null && typeof (v as StoredClaimLine).line === 'object' && (v as StoredClaimLine).line !== null;

/** Every reminder the stored data can give, due or not (pure). */
export function reminderCandidates(input: {
  postings: readonly PostingRow[]; claims: readonly ClaimRow[]; employers: readonly EmployerRow[]; today: IsoDate;
}): Candidate[] {
  const names = new Map(input.employers.map((e) => [e.taxNumber, e.name && e.name !== e.taxNumber ? e.name : null]));
  const out: Candidate[] = [];
  for (const row of input.postings) {
    const p = postingOf(row);
    if (!p || row.id === undefined) continue;
    for (const r of postingEndReminders(p)) {
      out.push({
        id: `posting:${row.id}:${r.kind}:${r.due}`, kind: r.kind, employerTax: row.employerTax, employerName: names.get(row.employerTax) ?? null,
        due: r.due, showFrom: addDays(r.due, -POSTING_REMINDER_LEAD_DAYS),
        posting: { id: row.id, name: p.person.name, surname: p.person.surname, country: p.country, end: p.end, originalBasis: p.originalBasis ?? null },
      });
    }
  }
  for (const row of input.claims) {
    if (!isClaimLine(row.data)) continue;
    const { line, worker } = row.data;
    const state = expiryState(line, input.today);
    out.push({
      id: `claim:${row.employerTax}:${line.certificate}:${line.from}:${line.to}`,
      kind: state === 'expired' ? 'claim-expired' : 'claim-expiring',
      employerTax: row.employerTax, employerName: names.get(row.employerTax) ?? null,
      due: line.expiresOn, showFrom: line.warnFrom,
      claim: { certificate: line.certificate, workerName: worker?.name ?? null, from: line.from, to: line.to, amount: line.amount },
    });
  }
  return out;
}

const strip = ({ showFrom: _s, ...view }: Candidate): ReminderView => view;

/** Due reminders, split into open (most urgent first) and done (pure). */
export function dueReminders(candidates: readonly Candidate[], done: RemindersDone, today: IsoDate): ReminderList {
  const due = candidates.filter((c) => c.showFrom <= today);
  const open = due.filter((c) => !(c.id in done)).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.id.localeCompare(b.id)));
  return { open: open.map(strip), done: due.length - open.length };
}

async function readDone(db: SpotDb): Promise<RemindersDone> {
  const row = await db.settings.get(REMINDERS_DONE);
  const v = row?.value;
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as RemindersDone) : {};
}

async function candidatesOf(db: SpotDb, today: IsoDate): Promise<Candidate[]> {
  const [postings, claims, employers] = await Promise.all([db.postings.toArray(), db.claims.toArray(), db.employers.toArray()]);
  return reminderCandidates({ postings, claims, employers, today });
}

export async function listReminders(db: SpotDb, today: IsoDate): Promise<ReminderList> {
  return db.transaction('r', [db.postings, db.claims, db.employers, db.settings], async () =>
    dueReminders(await candidatesOf(db, today), await readDone(db), today));
}

/**
 * Marks a reminder done (or open again). Marks of reminders whose posting or claim line no
 * longer exists are dropped at the same time, so the list of marks does not grow for ever.
 */
export async function setReminderDone(db: SpotDb, id: string, done: boolean, today: IsoDate, now: IsoTimestamp): Promise<ReminderList> {
  return db.transaction('rw', [db.postings, db.claims, db.employers, db.settings], async () => {
    const candidates = await candidatesOf(db, today);
    const known = new Set(candidates.map((c) => c.id));
    const marks: RemindersDone = {};
    for (const [key, at] of Object.entries(await readDone(db))) if (known.has(key)) marks[key] = at;
    if (done && known.has(id)) marks[id] = now;
    if (!done) delete marks[id];
    await db.settings.put({ key: REMINDERS_DONE, value: marks });
    return dueReminders(candidates, marks, today);
  });
}

// ---- the toolbar badge and the daily alarm ----

/** The part of `browser.action` the badge needs (a fake in tests). */
export interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
  setTitle(details: { title: string }): Promise<void> | void;
}

/** The part of `browser.alarms` the daily recount needs. */
export interface AlarmsApi {
  create(name: string, info: { when?: number; periodInMinutes?: number }): Promise<void> | void;
}

export const BADGE_COLOURS = { due: '#9a5b00', overdue: '#a11a1a' } as const;

export function badgeText(count: number): string {
  return count === 0 ? '' : count > 99 ? '99+' : String(count);
}

/** Counts the open reminders and shows the number on the toolbar icon (nothing when none). */
export async function refreshBadge(db: SpotDb, action: BadgeApi, now: Date = new Date()): Promise<ReminderList> {
  const today = todayInLjubljana(now);
  const list = await listReminders(db, today);
  const count = list.open.length;
  const overdue = list.open.some((r) => r.kind === 'claim-expired' || r.due < today);
  await action.setBadgeText({ text: badgeText(count) });
  if (count > 0) await action.setBadgeBackgroundColor({ color: overdue ? BADGE_COLOURS.overdue : BADGE_COLOURS.due });
  await action.setTitle({ title: count > 0 ? t('reminder_badgeTitle', t('extName'), String(count)) : t('extName') });
  return list;
}

/** 00:05 of the next day in Ljubljana, as epoch milliseconds (CET or CEST, whichever holds then). */
export function nextRecountAt(now: Date): number {
  const tomorrow = addDays(todayInLjubljana(now), 1);
  const { y, m, d } = parseIso(tomorrow);
  const local = Date.UTC(y, m - 1, d, 0, 5);
  for (const offsetHours of [1, 2]) {
    const at = local - offsetHours * 3_600_000;
    if (todayInLjubljana(new Date(at)) === tomorrow && todayInLjubljana(new Date(at - 10 * 60_000)) !== tomorrow) return at;
  }
  return local - 3_600_000;
}

/**
 * (Re)creates the daily alarm: first at 00:05 tomorrow, then every 24 hours; each time it
 * fires it is set again for the next midnight, so summer time does not shift it.
 */
export async function scheduleRecount(alarms: AlarmsApi, now: Date = new Date()): Promise<void> {
  await alarms.create(REMINDER_ALARM, { when: nextRecountAt(now), periodInMinutes: 24 * 60 });
}

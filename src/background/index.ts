/**
 * The background (Chrome: module service worker; Firefox: module event page).
 *
 * Rules: the listener is registered synchronously at the top level, so a message that wakes
 * the worker finds it; no state lives in globals (the DB connection is only a cache); every
 * storage write is a Dexie transaction. The reminder count (toolbar badge) is made again by
 * a daily alarm, at start-up and after messages that change postings or claims.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { getBackgroundDb } from './db.ts';
import { createHandlers } from './handlers/index.ts';
import { createRegistry } from './registry.ts';
import { changesReminders, refreshBadge, REMINDER_ALARM, scheduleRecount } from './reminders.ts';
import { applyRetention } from './store/retention.ts';

const registry = createRegistry(createHandlers({ db: getBackgroundDb }), {
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
});

/** Recounts the reminders on the toolbar badge; a failure only leaves the old count. */
function recount(): Promise<void> {
  return refreshBadge(getBackgroundDb(), browser.action).then(() => undefined, (error: unknown) => {
    console.error('[spot-pomocnik] counting reminders failed', error);
  });
}

const onMessage: Runtime.OnMessageListenerAsync = async (message, sender) => {
  const result = await registry.dispatch(message, sender);
  if (result.ok && changesReminders(message)) void recount();
  return result;
};
browser.runtime.onMessage.addListener(onMessage);

// Reminders: a daily alarm (created again on install and on every browser start), and a count
// at once; the alarm sets itself again for the next midnight each time it fires.
const schedule = () => {
  scheduleRecount(browser.alarms).catch((error: unknown) => console.error('[spot-pomocnik] setting the reminder alarm failed', error));
};
const startReminders = () => {
  schedule();
  void recount();
};
browser.runtime.onInstalled.addListener(startReminders);
browser.runtime.onStartup.addListener(startReminders);
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name !== REMINDER_ALARM) return;
  schedule();
  void recount();
});

// Retention (issue 9, store/retention.ts): FURS disclosures stored longer than the user's
// period are deleted when the browser starts (and on install/update) and once a day, on the
// daily alarm above. One transaction; a failure leaves everything as it was until the next run.
const retention = () => {
  applyRetention(getBackgroundDb(), new Date()).catch((error: unknown) => console.error('[spot-pomocnik] retention failed', error));
};
browser.runtime.onInstalled.addListener(retention);
browser.runtime.onStartup.addListener(retention);
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === REMINDER_ALARM) retention();
});

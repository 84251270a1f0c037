/**
 * The background (Chrome: module service worker; Firefox: module event page).
 *
 * Rules: the listener is registered synchronously at the top level, so a message that wakes
 * the worker finds it; no state lives in globals (the DB connection is only a cache); every
 * storage write is a Dexie transaction.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { getBackgroundDb } from './db.ts';
import { createHandlers } from './handlers/index.ts';
import { createRegistry } from './registry.ts';

const registry = createRegistry(createHandlers({ db: getBackgroundDb }), {
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
});

const onMessage: Runtime.OnMessageListenerAsync = (message, sender) => registry.dispatch(message, sender);
browser.runtime.onMessage.addListener(onMessage);

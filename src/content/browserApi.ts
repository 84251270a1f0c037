/**
 * The content script's `browser`, without webextension-polyfill (issue 8: the content script is
 * loaded on every SPOT page and must stay small). Firefox provides `browser`; Chrome's `chrome`
 * returns promises in Manifest V3 for every call the content script makes (runtime.sendMessage,
 * runtime.getManifest, i18n). The build aliases `webextension-polyfill` to this file for the
 * content script only; the background and the popup keep the polyfill.
 */
import type Browser from 'webextension-polyfill';

type Api = typeof Browser;
// Why the casts: both globals are untyped here; they are the same API in the calls we use.
const api = ((globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome);

export default api;

/**
 * The pages' `browser` (popup.html, app.html), without webextension-polyfill: the build aliases
 * the polyfill to this file for the pages (vite.config.ts), as for the content script. The
 * pages call only what both browsers give natively with promises in Manifest V3
 * (runtime.sendMessage, runtime.getURL, tabs.create, permissions.request, i18n); the polyfill
 * was 10 KB of CommonJS (and the bundler's CommonJS runtime) parsed before the first view.
 */
export { default } from '../content/browserApi.ts';

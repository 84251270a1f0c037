/**
 * Content script for SPOT pages (bundled as a classic script: content scripts cannot be ES
 * modules). It never opens IndexedDB (that would be SPOT's origin); it messages the background.
 *
 * 1. the smoke path: report the page seen (`content:pageSeen`);
 * 2. the page registry: read the eBOL list / disclosure list (on load, after in-place
 *    re-renders, and the files behind download links the user clicks) and store it;
 * 3. on SPOT's refund and A1 forms: prefill from stored claims / postings when the user asks
 *    (src/content/forms/), never submitting.
 */
import browser from 'webextension-polyfill';
import { send } from '../shared/messages.ts';
import { describeError, userLanguage, useRuntimeCatalogue } from '../shared/i18n.ts';
import '../shared/protocol/catalogue.ts';
import { useBadgeStyle } from './badges.ts';
import type { ContentContext } from './context.ts';
import { fetchSpotFile } from './download.ts';
import { toBase64 } from '../shared/protocol/files.ts';
import { readPageInfo } from './pageInfo.ts';
import { startPageReading } from './pages/controller.ts';
import { startPrefill } from './forms/prefill.ts';
import { PanelStore } from './panel/model.ts';
import { FALLBACK_CSS, mountPanel } from './panel/mount.tsx';

// The strings in the user's language and the helper's stylesheet first (see
// protocol/catalogue.ts). If the background cannot answer, the browser's own catalogue speaks
// its interface language and the helper keeps to a few rules of its own.
const lang = userLanguage();
void Promise.all([
  send('content:catalogue', { lang }).then((entries) => useRuntimeCatalogue(lang, entries), () => undefined),
  send('content:panelStyle', {}).then(({ css, badgeCss }) => {
    useBadgeStyle(badgeCss);
    return css || FALLBACK_CSS;
  }, () => FALLBACK_CSS),
]).then(([, css]) => start(css));

function start(css: string): void {
  const panel = mountPanel(document, css);
  const store = new PanelStore();
  const ctx: ContentContext = {
    doc: document,
    url: () => location.href,
    send,
    store,
    fetchFile: (url) => fetchSpotFile(url, (bytes, fileName) => send('content:readFile', { fileName, base64: toBase64(bytes) })),
    panelHost: panel.host,
    version: browser.runtime.getManifest().version,
  };
  const reading = startPageReading(ctx);
  const prefill = startPrefill(ctx);
  const actions = { ...reading.actions, prefill: prefill.actions };
  store.subscribe((model) => panel.update(model, actions));

  send('content:pageSeen', readPageInfo(document, location)).then(
    (record) => store.set({ seen: { kind: 'stored', record } }),
    (error: unknown) => store.set({ seen: { kind: 'failed', reason: describeError(error) } }),
  );
}

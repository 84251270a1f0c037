/**
 * Everything the popup app asks of the browser goes through this module: messages to the
 * background, opening the app in a tab, downloading an export. Component tests replace it
 * (`vi.mock('../../src/popup/api.ts')`), so views never touch `browser.*` themselves.
 */
import browser from 'webextension-polyfill';
import { send, type MessageName, type RequestOf, type ResponseOf } from '../shared/messages.ts';
import '../shared/protocol/ui.ts';

/** Sends a typed `ui:` message to the background; throws a `MessageError` on failure. */
export function call<K extends MessageName>(name: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  return send(name, payload);
}

/** Opens the same app in a full tab (large screens) and closes the popup; `hash` picks what it shows first. */
export async function openAppTab(hash = ''): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`app.html${hash ? `#${hash}` : ''}`) });
  window.close();
}

/**
 * Saves text as a file through a Blob URL and an `<a download>` (no `downloads` permission);
 * the URL is revoked once the browser has taken the file.
 */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

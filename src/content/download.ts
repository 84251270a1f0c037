/**
 * Reads the file behind a SPOT download link the user clicked: the same URL, fetched from the
 * content script with the user's session (same origin, cookies included). Only SPOT addresses
 * are ever fetched; the page's own download is left alone (nobody calls preventDefault).
 */
import type { CertificateList } from '../lib/ebolXml.ts';
import type { Disclosure } from '../lib/disclosure/model.ts';
import { MAX_INPUT_BYTES } from '../lib/limits.ts';
import { isSpotUrl } from '../shared/spot.ts';
import type { ReadFileResponse } from '../shared/protocol/files.ts';

export class DownloadError extends Error {
  override readonly name = 'DownloadError';
  constructor(readonly code: 'NOT_SPOT' | 'HTTP' | 'NETWORK' | 'TOO_LARGE' | 'UNREADABLE' | 'UNEXPECTED', message: string) {
    super(message);
  }
}

/** Reads a file's bytes (the background does it: see protocol/files.ts). */
export type FileReader = (bytes: Uint8Array, fileName: string) => Promise<ReadFileResponse>;

/** The file name from Content-Disposition, else the last part of the path. */
export function fileNameOf(url: string, disposition: string | null): string {
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition ?? '');
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition ?? '');
  let name = star?.[1] ?? plain?.[1] ?? '';
  try {
    name = decodeURIComponent(name.trim());
  } catch {
    // keep as is
  }
  if (!name) {
    try {
      name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    } catch {
      name = '';
    }
  }
  return name.replace(/[\\/]/g, '_').slice(0, 200) || 'prenos';
}

export interface Downloaded {
  fileName: string;
  document: Disclosure | CertificateList | { type: 'other' };
}

/**
 * A request as the page itself makes it: same origin, the user's session cookies. Chrome's
 * content scripts already fetch with the page's origin; Firefox's fetch with the add-on's, so
 * there `content.fetch` (the page's own fetch, documented for content scripts) is used —
 * without an options object, which would not cross into the page (the defaults are same-origin
 * credentials, which is what we want).
 */
function pageFetch(url: string): Promise<Response> {
  const page = (globalThis as { content?: { fetch?: (url: string) => Promise<Response> } }).content;
  if (page && typeof page.fetch === 'function') return page.fetch(url);
  return fetch(url, { credentials: 'include', cache: 'no-store' });
}

/**
 * Runs after the click has done what it does. Firefox aborts a document's pending requests
 * when a navigation starts (a download link starts one), and the click listener runs before
 * the link's default action: so the read starts in the next task, once the page's own
 * download is on its way.
 */
function afterClick<T>(run: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => setTimeout(() => run().then(resolve, reject), 0));
}

/**
 * The bytes in an array of our own. In Firefox the buffer a content script's fetch returns may
 * belong to the page's compartment; methods that look up `constructor` on a view of it
 * (`subarray`, `slice`) are then refused ("Permission denied"). A copy made here is ours.
 */
function ownCopy(buffer: ArrayBuffer): Uint8Array {
  const view = new Uint8Array(buffer);
  const bytes = new Uint8Array(view.length);
  try {
    bytes.set(view);
  } catch {
    for (let i = 0; i < view.length; i++) bytes[i] = view[i]!;
  }
  return bytes;
}

/** Fetches a SPOT file and has it read with the same readers as the companion. Throws DownloadError. */
export async function fetchSpotFile(url: string, read: FileReader): Promise<Downloaded> {
  if (!isSpotUrl(url)) throw new DownloadError('NOT_SPOT', 'naslov ni na portalu SPOT');
  let response: Response;
  try {
    response = await afterClick(() => pageFetch(url));
  } catch {
    try {
      // Once more a little later: a navigation that had just started may have aborted it.
      response = await new Promise<Response>((resolve, reject) => setTimeout(() => pageFetch(url).then(resolve, reject), 500));
    } catch {
      throw new DownloadError('NETWORK', 'omrežna napaka');
    }
  }
  // A redirect (e.g. to a login page) must still end on SPOT.
  if (response.url && !isSpotUrl(response.url)) throw new DownloadError('NOT_SPOT', 'preusmeritev izven portala SPOT');
  if (!response.ok) throw new DownloadError('HTTP', `HTTP ${response.status}`);
  const length = Number(response.headers.get('content-length') ?? '0');
  if (length > MAX_INPUT_BYTES) {
    // Refused before the body is read; without a Content-Length the reader refuses it (limits.ts).
    throw new DownloadError('TOO_LARGE', `datoteka je prevelika (${(length / 1048576).toFixed(1).replace('.', ',')} MB, največ 20 MB)`);
  }
  const bytes = ownCopy(await response.arrayBuffer());
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new DownloadError('TOO_LARGE', `datoteka je prevelika (${(bytes.length / 1048576).toFixed(1).replace('.', ',')} MB, največ 20 MB)`);
  }
  const fileName = fileNameOf(url, response.headers.get('content-disposition'));
  const result = await read(bytes, fileName);
  if (result.ok) return { fileName, document: result.document };
  if (result.code === 'UNEXPECTED') return { fileName, document: { type: 'other' } };
  throw new DownloadError('UNREADABLE', result.message);
}

/** A short reason for the panel, from whatever went wrong. */
export function downloadProblem(error: unknown): string {
  if (error instanceof DownloadError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

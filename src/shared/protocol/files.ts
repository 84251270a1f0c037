/**
 * A file the content script fetched from SPOT (a disclosure CSV/XML, an eBOL XML), read by
 * the background with the same readers as the companion. Parsing there keeps the readers out
 * of the content script, which SPOT loads on every page (issue 8: its size budget), and puts
 * every decision about untrusted file content in one place.
 */
import type { CertificateList } from '../../lib/ebolXml.ts';
import type { Disclosure } from '../../lib/disclosure/model.ts';

/** 20 MB of file as base64 is 26.7 MB of text; the message may carry a little more. */
export const MAX_FILE_MESSAGE_BYTES = 28 * 1024 * 1024;

export interface ReadFileRequest {
  fileName: string;
  /** The file's bytes, base64 (runtime messages carry JSON). */
  base64: string;
}

export type ReadFileResponse =
  | { ok: true; document: Disclosure | CertificateList }
  /** What the readers said (a `ReadError`'s code and Slovenian message), or `UNEXPECTED` for another kind of file. */
  | { ok: false; code: string; message: string };

declare module '../messages.ts' {
  interface Protocol {
    'content:readFile': { request: ReadFileRequest; response: ReadFileResponse };
  }
}

/** Bytes → base64 in chunks (a whole-file spread would overflow the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

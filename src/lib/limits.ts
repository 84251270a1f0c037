import { ReadError } from './errors.ts';

/**
 * Hard limits on what the readers accept. A real disclosure or eBOL file is a few
 * kilobytes; the limits only exist so that a wrong or hostile file cannot freeze the
 * browser tab or the service worker.
 */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** Deepest XML element nesting accepted (real files nest 3–5 levels). */
export const MAX_XML_DEPTH = 64;

const MB = 1024 * 1024;

function formatMb(bytes: number): string {
  return (bytes / MB).toFixed(1).replace('.', ',');
}

/**
 * Throws `TOO_LARGE` before anything is decoded or parsed. `length` is the byte length of
 * the raw input (for a string: its length in UTF-16 units, a close enough proxy).
 */
export function assertInputSize(length: number, max: number = MAX_INPUT_BYTES): void {
  if (length > max) {
    throw new ReadError(
      'TOO_LARGE',
      `Datoteka je prevelika: ${formatMb(length)} MB, največ je dovoljeno ${formatMb(max)} MB.`,
      { expected: [`največ ${formatMb(max)} MB`], found: [`${formatMb(length)} MB`] },
    );
  }
}

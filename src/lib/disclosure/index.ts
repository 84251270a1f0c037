import { ReadError } from '../errors.ts';
import { readInputText } from '../encoding.ts';
import { readDisclosureCsv } from './csv.ts';
import type { DisclosureCsvOptions } from './mapping.ts';
import type { Disclosure } from './model.ts';
import { readDisclosureXml } from './xml.ts';

export type { Disclosure, DisclosurePayer, DisclosureRow, DisclosureSection } from './model.ts';
export { DISCLOSURE_WARNING_ORDER } from './builder.ts';
export { readDisclosureCsv } from './csv.ts';
export { readDisclosureXml } from './xml.ts';
export { headerSignature, mappedColumns, mappingProblems, MAPPABLE_FIELDS, type ColumnMapping, type DisclosureCsvOptions } from './mapping.ts';

/**
 * Reads a FURS disclosure file, CSV or XML, from its bytes (or already decoded text).
 * The size is checked before anything else; the format is sniffed from the content (the
 * first non-blank character `<` means XML), not from the file name, which users rename.
 * Returns a whole `Disclosure` or throws a `ReadError` (with `fileName` set when given).
 * `options` apply to CSV (a column mapping made by hand).
 */
export function readDisclosure(input: Uint8Array | string, fileName?: string, options: DisclosureCsvOptions = {}): Disclosure {
  try {
    const text = readInputText(input);
    if (looksLikeHtml(text)) {
      throw new ReadError('UNKNOWN_FORMAT', 'To je spletna stran (HTML), ne datoteka s podatki za izračun osnove. Prenesite datoteko CSV ali XML s portala.', {
        expected: ['CSV', 'XML'], found: ['HTML'],
      });
    }
    return /^\s*</.test(text) ? readDisclosureXml(text) : readDisclosureCsv(text, options);
  } catch (e) {
    if (e instanceof ReadError && fileName !== undefined) e.fileName = fileName;
    throw e;
  }
}

function looksLikeHtml(text: string): boolean {
  return /^\s*<(?:!doctype\s+html|html[\s>])/i.test(text.slice(0, 200));
}

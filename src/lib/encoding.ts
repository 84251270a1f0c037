/**
 * Bytes → text for files users download from SPOT/FURS or save from Excel: UTF-8 with or
 * without BOM, UTF-16 with BOM (Excel "Unicode text"), or Windows-1250 (Excel "CSV" on a
 * Slovenian Windows). The BOM never reaches the parsers.
 *
 * Only `TextDecoder` is used, which exists in content scripts, service workers and Node.
 */
import { ReadError } from './errors.ts';
import { assertInputSize } from './limits.ts';

export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1250';

// ignoreBOM: true keeps a BOM in the output so that stripBom() is the one place removing it.
const decoders = new Map<string, TextDecoder>();
function decoder(label: DetectedEncoding, fatal: boolean): TextDecoder {
  const key = `${label}/${fatal}`;
  let d = decoders.get(key);
  if (!d) {
    d = new TextDecoder(label, { fatal, ignoreBOM: true });
    decoders.set(key, d);
  }
  return d;
}

function bomOf(bytes: Uint8Array): { encoding: DetectedEncoding; bomLength: number } | null {
  const b0 = bytes[0], b1 = bytes[1], b2 = bytes[2];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return null;
}

/** Decodes a file's bytes to text without a BOM, and says which encoding it assumed. */
export function decodeTextWithEncoding(bytes: Uint8Array): { text: string; encoding: DetectedEncoding } {
  const bom = bomOf(bytes);
  if (bom) {
    // A BOM is a declaration: decode leniently (bad sequences become U+FFFD).
    return { text: decoder(bom.encoding, false).decode(bytes.subarray(bom.bomLength)), encoding: bom.encoding };
  }
  try {
    return { text: decoder('utf-8', true).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: the only other encoding Slovenian Windows tools write is cp1250,
    // and every byte is defined there, so this cannot fail.
    return { text: decoder('windows-1250', false).decode(bytes), encoding: 'windows-1250' };
  }
}

/** Decodes a file's bytes to text without a BOM. Never throws. */
export function decodeText(bytes: Uint8Array): string {
  return decodeTextWithEncoding(bytes).text;
}

/** Strings handed to the readers directly may still start with U+FEFF. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The common first step of every file reader: refuse an oversized input before touching
 * it, refuse files that are clearly not text (a zipped .xlsx, a PDF), then decode.
 */
export function readInputText(input: Uint8Array | string): string {
  assertInputSize(input.length);
  if (typeof input === 'string') {
    const text = stripBom(input);
    assertText(text.slice(0, 8), text);
    return text;
  }
  // The signatures assertText looks for are ASCII, so a few bytes are enough to rule them
  // out; only a file starting like one is turned into a string.
  const b0 = input[0];
  if (b0 === 0x50 || b0 === 0x25) assertText(String.fromCharCode(...input.subarray(0, 8)), null); // P(K), %(PDF)
  const text = decodeText(input);
  assertText('', text);
  return text;
}

function assertText(head: string, text: string | null): void {
  if (head.startsWith('PK\u0003\u0004')) {
    throw new ReadError('UNKNOWN_FORMAT', 'To je Excelova (.xlsx) ali stisnjena (.zip) datoteka, ne besedilo. Pričakovana je datoteka CSV ali XML, kot jo izvozi portal (v Excelu: Shrani kot → CSV).', {
      expected: ['CSV', 'XML'], found: ['XLSX/ZIP'],
    });
  }
  if (head.startsWith('%PDF')) {
    throw new ReadError('UNKNOWN_FORMAT', 'To je datoteka PDF. Pričakovana je datoteka CSV ali XML, kot jo izvozi portal.', {
      expected: ['CSV', 'XML'], found: ['PDF'],
    });
  }
  // NUL characters do not occur in text files; a binary file decoded as cp1250 is full of them.
  if (text !== null && text.includes('\u0000')) {
    throw new ReadError('UNKNOWN_FORMAT', 'Datoteka ni besedilna (vsebuje binarne podatke). Pričakovana je datoteka CSV ali XML, kot jo izvozi portal.', {
      expected: ['CSV', 'XML'], found: ['binarna datoteka'],
    });
  }
}

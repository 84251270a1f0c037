import { readFileSync } from 'node:fs';

export function furs(name: string): Uint8Array {
  return readFileSync(new URL(`../../fixtures/furs/${name}`, import.meta.url));
}

export function fursText(name: string): string {
  return readFileSync(new URL(`../../fixtures/furs/${name}`, import.meta.url), 'utf8');
}

export function ebol(name: string): Uint8Array {
  return readFileSync(new URL(`../../fixtures/ebol/${name}`, import.meta.url));
}

export function ebolText(name: string): string {
  return readFileSync(new URL(`../../fixtures/ebol/${name}`, import.meta.url), 'utf8');
}

// Windows-1250 bytes of the letters Slovenian files use; ASCII stays ASCII.
const CP1250: Record<string, number> = {
  'č': 0xe8, 'Č': 0xc8, 'š': 0x9a, 'Š': 0x8a, 'ž': 0x9e, 'Ž': 0x8e, 'ć': 0xe6, 'Ć': 0xc6, 'đ': 0xf0, 'Đ': 0xd0, '–': 0x96,
};

/** A tiny encoder, enough to produce the bytes Excel writes on a Slovenian Windows. */
export function encodeCp1250(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const b = CP1250[ch];
      if (b === undefined) throw new Error(`no cp1250 byte for ${ch}`);
      out.push(b);
    }
  }
  return Uint8Array.from(out);
}

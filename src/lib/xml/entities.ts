import { ReadError } from '../errors.ts';
import { lineAt } from './position.ts';

/**
 * Entity decoding for text and attribute values. Only what XML defines without a DTD:
 * the five predefined entities and numeric character references. Anything else is an
 * error — a DTD is never read, so an unknown entity can only be a broken or hostile file.
 */
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The longest reference is `&#x10FFFF;` (10 characters). */
const MAX_REF = 10;

/**
 * Decodes `src[from, to)`. Every search stays inside that range (searching the whole
 * document for a `&` or `;` from each text node would make parsing quadratic).
 */
export function decodeEntities(src: string, from: number, to: number): string {
  const chunk = src.slice(from, to);
  let amp = chunk.indexOf('&');
  if (amp < 0) return chunk;
  let out = '';
  let i = 0;
  while (amp >= 0) {
    out += chunk.slice(i, amp);
    const semi = chunk.slice(amp + 1, amp + 1 + MAX_REF).indexOf(';');
    if (semi < 0) fail('znak »&« brez zaključene entitete (pišite &amp;)', src, from + amp);
    const name = chunk.slice(amp + 1, amp + 1 + semi);
    out += name.charCodeAt(0) === 0x23 /* # */ ? charRef(name, src, from + amp) : named(name, src, from + amp);
    i = amp + 2 + semi;
    amp = chunk.indexOf('&', i);
  }
  return out + chunk.slice(i);
}

function named(name: string, src: string, pos: number): string {
  const v = Object.prototype.hasOwnProperty.call(PREDEFINED, name) ? PREDEFINED[name] : undefined;
  if (v === undefined) fail(`neznana entiteta »&${name};«`, src, pos);
  return v;
}

function charRef(ref: string, src: string, pos: number): string {
  const hex = ref[1] === 'x';
  const digits = ref.slice(hex ? 2 : 1);
  if (!(hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) fail(`neveljaven sklic na znak »&${ref};«`, src, pos);
  const cp = parseInt(digits, hex ? 16 : 10);
  if (!isXmlChar(cp)) fail(`sklic na nedovoljen znak »&${ref};«`, src, pos);
  return String.fromCodePoint(cp);
}

/** XML 1.0 `Char` production. */
function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

function fail(what: string, src: string, pos: number): never {
  throw new ReadError('XML_MALFORMED', `XML ni pravilno oblikovan: ${what}.`, { line: lineAt(src, pos) });
}

/**
 * Label folding: the one way every reader compares a label it finds (a CSV header, a key in
 * a disclosure header, an XML element name, a form label on a SPOT page) with the labels it
 * knows. Case, diacritics, punctuation and spacing differ between exports, Excel re-saves
 * and portal versions; the words do not (FORMATS.md rule 1).
 */

// Letters NFD does not decompose but Slovenian/Croatian texts use.
const EXTRA: Record<string, string> = { 'đ': 'd', 'Đ': 'd', 'ł': 'l', 'Ł': 'l', 'ø': 'o', 'Ø': 'o', 'ß': 'ss' };
const EXTRA_RE = /[đĐłŁøØß]/g;
const MARKS_RE = /\p{M}+/gu;
// Anything that is not a letter or a digit separates words: punctuation, NBSP, tabs, symbols.
const NON_WORD_RE = /[^\p{L}\p{N}]+/gu;
const ASCII_WORDS_RE = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/**
 * `"  Davčna  številka (vlagatelja):"` → `"davcna stevilka vlagatelja"`.
 * Lower case, no diacritics, words separated by single spaces, trimmed.
 */
export function foldLabel(s: string): string {
  // Fast path: most labels already are plain lower-case ASCII words.
  if (ASCII_WORDS_RE.test(s)) return s;
  // The same labels come back in every file and on every page: remember them (bounded).
  const known = FOLDED.get(s);
  if (known !== undefined) return known;
  const folded = s
    .normalize('NFD')
    .replace(MARKS_RE, '')
    .replace(EXTRA_RE, (c) => EXTRA[c] ?? c)
    .toLowerCase()
    .replace(NON_WORD_RE, ' ')
    .trim();
  if (s.length <= 200) {
    if (FOLDED.size >= 4096) FOLDED.clear();
    FOLDED.set(s, folded);
  }
  return folded;
}

const FOLDED = new Map<string, string>();

/** The folded label without spaces: `StevilkaPoizvedbe` and `Številka poizvedbe` agree. */
export function compactLabel(s: string): string {
  return foldLabel(s).replace(/ /g, '');
}

/**
 * Splits identifiers written in camel case into words before folding:
 * `DavcnaStevilkaVlagatelja` → `Davcna Stevilka Vlagatelja`, `ZZZSStevilka` → `ZZZS Stevilka`.
 * Used for XML element and attribute names.
 */
export function splitCamel(s: string): string {
  return s.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2');
}

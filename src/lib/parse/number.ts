import { ReadError, excerpt } from '../errors.ts';

/**
 * Decimal numbers as Slovenian exports write them, and as XML writes them.
 *
 * Accepted: `1.234,56` `1234,56` `1234.56` `1 234,56` (space, NBSP, narrow NBSP or thin
 * space between thousands) `1,234.56` `-12,00` `+5` `184` `0` `,5`, optionally with `€`/`EUR`.
 * Blank, `-`, `–`, `—` → `null` (an empty cell, to be reported, not a zero).
 *
 * Ambiguity rule (a single separator):
 * - one comma is always the decimal comma: `1,5` = 1.5, `1,234` = 1.234;
 * - one dot followed by exactly three digits, after 1–3 digits not starting with 0, is a
 *   thousands dot, because Slovenian files write `1.234` for one thousand two hundred and
 *   thirty-four: `1.234` = 1234, `12.500` = 12500; otherwise the dot is decimal:
 *   `1234.56`, `1.5`, `0.125`, `2345.670`;
 * - in XML (`{ xml: true }`) a plain `123.456` is an xs:decimal, so the dot is decimal.
 * Several equal separators are thousands separators and must group by three (`1.234.567`).
 * With both `.` and `,` the last one is the decimal separator (`1.234,56`, `1,234.56`).
 *
 * The result is `Number()` of a normalised decimal string, i.e. the double closest to the
 * written decimal (the same one a JS literal gives) — never the result of float arithmetic.
 */
export interface NumberContext {
  /** XML text: `123.456` is 123.456, not 123456. */
  xml?: boolean;
  /** Column or field name for the error message. */
  label?: string;
  line?: number;
}

const BLANKS = new Set(['', '-', '–', '—']);
const SPACES_RE = /[\s\u00a0\u202f\u2009]/;
const SPACED_RE = /^(\d{1,3}(?:[\s\u00a0\u202f\u2009]\d{3})+)(?:([.,])(\d+))?$/;
const DIGITS_RE = /^\d+$/;
const CURRENCY_RE = /^(?:€|eur)\s*|\s*(?:€|eur)$/gi;
const MAX_LENGTH = 40;
const PLAIN_INT_RE = /^\d{1,15}$/;
/** `1.234,56` or `1234,56`: how Slovenian exports write money. */
const SL_DECIMAL_RE = /^(\d{1,3}(?:\.\d{3})+|\d{1,15}),(\d{1,6})$/;

export function parseDecimal(text: string, context: NumberContext = {}): number | null {
  const quick = commonDecimal(text.trim());
  return quick !== undefined ? quick : parseDecimalGeneral(text, context);
}

/**
 * Every form above. `parseDecimal` answers the common ones with `commonDecimal` and asks
 * this only for the rest; exported so the tests can hold the two against each other.
 */
export function parseDecimalGeneral(text: string, context: NumberContext = {}): number | null {
  let s = text.trim();
  if (BLANKS.has(s)) return null;
  if (PLAIN_INT_RE.test(s)) return Number(s); // fast path: hours, years, whole amounts
  const sl = SL_DECIMAL_RE.exec(s); // fast path: Slovenian money
  if (sl) return Number(`${sl[1]!.replace(/\./g, '')}.${sl[2]}`);
  if (s.length > MAX_LENGTH) throw badNumber(text, context);
  if (/[€e]/i.test(s)) s = s.replace(CURRENCY_RE, '');
  let sign = '';
  const first = s[0];
  if (first === '-' || first === '+' || first === '\u2212') {
    sign = first === '+' ? '' : '-';
    s = s.slice(1).trimStart();
  }
  const parts = splitNumber(s, context.xml === true);
  if (!parts) throw badNumber(text, context);
  const n = Number(`${sign}${parts.int === '' ? '0' : parts.int}${parts.frac === '' ? '' : `.${parts.frac}`}`);
  if (!Number.isFinite(n)) throw badNumber(text, context);
  return n === 0 ? 0 : n; // no -0 in JSON output
}

const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6];

/**
 * What almost every cell holds, read without a RegExp or a string copy: `''` (→ null),
 * `184`, `2345,67`, `2.345,67` — exactly the texts `PLAIN_INT_RE` and `SL_DECIMAL_RE`
 * accept, with at most 15 digits in all. `undefined` = not such a text, ask the general path.
 *
 * With ≤ 15 digits the digits form an exact integer N, 10^f (f ≤ 6) is exact too, and one
 * IEEE division N / 10^f is the double nearest to the exact quotient — the same double
 * `Number('int.frac')` gives (test/lib/parse/number.test.ts holds it against the general path).
 */
export function commonDecimal(s: string): number | null | undefined {
  const n = s.length;
  if (n === 0) return null;
  let value = 0;
  let digits = 0;
  let i = 0;
  // Integer part: digits, optionally grouped by dots (1–3 digits, then groups of three).
  let group = 0;
  let dotted = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
      group++;
    } else if (c === 46) { // .
      if (dotted ? group !== 3 : group < 1 || group > 3) return undefined;
      dotted = true;
      group = 0;
    } else break;
  }
  if (digits === 0 || digits > 15) return undefined;
  if (dotted && group !== 3) return undefined;
  if (i === n) return dotted ? undefined : value; // `1.234` alone is decided by the general rule
  if (s.charCodeAt(i) !== 44) return undefined; // ,
  const fracStart = ++i;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    value = value * 10 + (c - 48);
  }
  const frac = n - fracStart;
  if (frac < 1 || frac > 6 || digits + frac > 15) return undefined;
  return value / POWERS_OF_TEN[frac]!;
}

/** Integer and fraction digits of an unsigned number, or null when it is not one. */
function splitNumber(s: string, xml: boolean): { int: string; frac: string } | null {
  if (s === '') return null;
  if (SPACES_RE.test(s)) {
    const m = SPACED_RE.exec(s);
    if (!m) return null;
    return { int: (m[1] ?? '').replace(/\D/g, ''), frac: m[3] ?? '' };
  }
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot < 0 && lastComma < 0) return DIGITS_RE.test(s) ? { int: s, frac: '' } : null;

  if (lastDot >= 0 && lastComma >= 0) {
    const decimalAt = Math.max(lastDot, lastComma);
    const thousands = lastDot > lastComma ? ',' : '.';
    const intPart = s.slice(0, decimalAt);
    const frac = s.slice(decimalAt + 1);
    if (!DIGITS_RE.test(frac) || !isGrouped(intPart, thousands)) return null;
    return { int: intPart.split(thousands).join(''), frac };
  }

  const sep = lastDot >= 0 ? '.' : ',';
  const pieces = s.split(sep);
  if (pieces.length > 2) {
    return isGrouped(s, sep) ? { int: pieces.join(''), frac: '' } : null;
  }
  const [intPart = '', frac = ''] = pieces;
  if (frac === '' || !DIGITS_RE.test(frac) || (intPart !== '' && !DIGITS_RE.test(intPart))) return null;
  if (sep === '.' && !xml && frac.length === 3 && /^[1-9]\d{0,2}$/.test(intPart)) {
    return { int: intPart + frac, frac: '' }; // `1.234` = 1234 (see the ambiguity rule above)
  }
  return { int: intPart, frac };
}

/** `1.234.567` with `sep` = `.`: 1–3 leading digits, then groups of exactly three. */
function isGrouped(s: string, sep: string): boolean {
  const groups = s.split(sep);
  const [head, ...rest] = groups;
  if (head === undefined || !/^\d{1,3}$/.test(head)) return false;
  return rest.every((g) => /^\d{3}$/.test(g));
}

function badNumber(text: string, context: NumberContext): ReadError {
  const where = context.label ? `Polje »${context.label}«: p` : 'P';
  return new ReadError(
    'BAD_NUMBER',
    `${where}ričakovano število (npr. 1.234,56 ali 1234.56), najdeno »${excerpt(text)}«.`,
    { expected: ['število'], found: [text], ...(context.line !== undefined ? { line: context.line } : {}) },
  );
}

import { type IsoDate, type IsoMonth, daysInMonth, isIsoDate, isoOf } from '../dates.ts';
import { ReadError, excerpt } from '../errors.ts';
import { foldLabel } from '../text/fold.ts';

/**
 * Dates, months and periods as Slovenian exports and XML write them. Blank → `null`;
 * anything else that is not a real calendar date throws `BAD_DATE` (31.02.2025 included).
 */
export interface DateContext {
  label?: string;
  line?: number;
}

// `15.03.2025`, `15. 3. 2025`, `15.3.2025.`, optionally followed by a time.
const DMY_RE = /^(\d{1,2})\s*[./]\s*(\d{1,2})\s*[./]\s*(\d{4})\.?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
// `2025-03-15`, `2025-03-15T10:00:00`, `2025-03-15+01:00` (xs:date with a zone), `2025-03-15 10:00`.
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function parseDate(text: string, context: DateContext = {}): IsoDate | null {
  const s = text.trim();
  const quick = s.length === 10 ? plainDmy(s, 0) : null;
  return quick ?? parseDateGeneral(text, context);
}

/**
 * Every date form. The `…General` functions are the whole rule; `parseDate`, `monthOf` and
 * `parsePeriod` answer the forms FURS writes without a RegExp and ask them for the rest
 * (and for every error). Exported so the tests can hold the two paths against each other.
 */
export function parseDateGeneral(text: string, context: DateContext = {}): IsoDate | null {
  const s = text.trim();
  if (s === '') return null;
  let iso: string | null = null;
  const dmy = DMY_RE.exec(s);
  if (dmy) iso = isoOf(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const ymd = dmy ? null : ISO_RE.exec(s);
  if (ymd) iso = `${ymd[1]}-${ymd[2]}-${ymd[3]}`;
  if (iso === null || !isIsoDate(iso)) {
    throw bad(text, 'pričakovan datum (npr. 15.03.2025 ali 2025-03-15)', 'datum', context);
  }
  return iso;
}

/**
 * The ten characters `15.03.2025` at `at` (the form FURS writes) as an ISO date when they
 * are a real date, else null (then the general path decides, and words its error). The
 * header of every file has three of these.
 */
function plainDmy(s: string, at: number): IsoDate | null {
  if (s.charCodeAt(at + 2) !== 46 || s.charCodeAt(at + 5) !== 46) return null;
  const d = digitsAt(s, at, 2), m = digitsAt(s, at + 3, 2), y = digitsAt(s, at + 6, 4);
  // What isIsoDate checks, on the numbers already at hand.
  if (d < 1 || m < 1 || m > 12 || y < 0 || d > daysInMonth(y, m)) return null;
  return `${s.slice(at + 6, at + 10)}-${s.slice(at + 3, at + 5)}-${s.slice(at, at + 2)}`;
}

/** The number written by the `n` digits at `i`, or -1 when one of them is not a digit. */
function digitsAt(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

const MONTH_NAMES = ['januar', 'februar', 'marec', 'april', 'maj', 'junij', 'julij', 'avgust', 'september', 'oktober', 'november', 'december'];

// `2024-01` `2024-1` `2024/01` `2024.01`
const YM_RE = /^(\d{4})\s*[-/.]\s*(\d{1,2})\.?$/;
// `01/2024` `1/2024` `1.2024` `01.2024` `1. 2024` `01-2024`
const MY_RE = /^(\d{1,2})\s*[-/.]\s*(\d{4})\.?$/;

/** A month: `2024-01`, `01/2024`, `1/2024`, `1.2024`, `01.2024`, `2024/01`, `januar 2024`. */
export function parseMonth(text: string, context: DateContext = {}): IsoMonth | null {
  const s = text.trim();
  if (s === '') return null;
  let y: number | null = null, m: number | null = null;
  const ym = YM_RE.exec(s);
  const my = ym ? null : MY_RE.exec(s);
  if (ym) { y = Number(ym[1]); m = Number(ym[2]); }
  else if (my) { y = Number(my[2]); m = Number(my[1]); }
  else {
    const named = /^(\p{L}+)\s+(\d{4})$/u.exec(s);
    if (named) { y = Number(named[2]); m = monthNumberOfName(named[1] ?? ''); }
  }
  if (y === null || m === null || m < 1 || m > 12) throw bad(text, 'pričakovan mesec (npr. 2024-01, 01/2024 ali 1.2024)', 'mesec', context);
  return isoOf(y, m, 1).slice(0, 7);
}

/**
 * A month from separate *Leto* and *Mesec* cells: `(2024, 1)`, `('2024', '01')`,
 * `('2024', 'januar')`. A *Mesec* cell that already holds a whole month (`2024-01`) wins.
 */
export function monthOf(year: string | number, month: string | number, context: DateContext = {}): IsoMonth {
  return (typeof month === 'string' ? plainYearMonth(year, month.trim()) : null) ?? monthOfGeneral(year, month, context);
}

export function monthOfGeneral(year: string | number, month: string | number, context: DateContext = {}): IsoMonth {
  const ms = String(month).trim();
  if (/\d{4}/.test(ms)) {
    const whole = parseMonth(ms, context);
    if (whole) return whole;
  }
  const ys = String(year).trim();
  if (!/^\d{4}$/.test(ys)) throw bad(ys, 'pričakovano leto (npr. 2024)', 'leto', { ...context, label: context.label ?? 'Leto' });
  const m = /^\d{1,2}\.?$/.test(ms) ? Number(ms.replace('.', '')) : monthNumberOfName(ms);
  if (m === null || m < 1 || m > 12) throw bad(ms, 'pričakovan mesec od 1 do 12', 'mesec', { ...context, label: context.label ?? 'Mesec' });
  return isoOf(Number(ys), m, 1).slice(0, 7);
}

/** `('2024', '3')` / `('2024', '03')`: how FURS writes every row, read without a RegExp. */
function plainYearMonth(year: string | number, ms: string): IsoMonth | null {
  if (typeof year !== 'string' || year.length !== 4) return null;
  for (let i = 0; i < 4; i++) {
    const c = year.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const d0 = ms.charCodeAt(0) - 48;
  if (ms.length === 1) return d0 >= 1 && d0 <= 9 ? `${year}-0${d0}` : null;
  const d1 = ms.charCodeAt(1) - 48;
  if (ms.length !== 2 || d0 < 0 || d0 > 9 || d1 < 0 || d1 > 9) return null;
  const m = d0 * 10 + d1;
  return m >= 1 && m <= 12 ? `${year}-${m < 10 ? '0' : ''}${m}` : null;
}

function monthNumberOfName(name: string): number | null {
  const f = foldLabel(name);
  if (f.length < 3) return null;
  const i = MONTH_NAMES.findIndex((n) => n.startsWith(f));
  return i < 0 ? null : i + 1;
}

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

// Either date form, anywhere in a longer text.
const DATE_IN_TEXT_RE = /\d{4}-\d{2}-\d{2}(?:T[\d:.]+)?|\d{1,2}\s*\.\s*\d{1,2}\s*\.\s*\d{4}/g;
// What may stand around and between the two dates: `od`, `do`, `-`, `–`, `—`, `/`, `:`, spaces.
const PERIOD_GLUE_RE = /^(?:\s|od|do|[-–—/:,.]|obdobje)*$/i;

/** `01.01.2024 - 31.12.2024`, `1. 1. 2024 – 31. 12. 2024`, `od 2024-01-01 do 2024-12-31`. */
export function parsePeriod(text: string, context: DateContext = {}): Period | null {
  const s = text.trim();
  // `01.01.2024 - 31.12.2024`, as FURS writes it: two plain dates around ` - `.
  if (s.length === 23 && s.charCodeAt(10) === 32 && s.charCodeAt(11) === 45 && s.charCodeAt(12) === 32) {
    const from = plainDmy(s, 0), to = plainDmy(s, 13);
    if (from !== null && to !== null && from <= to) return { from, to };
  }
  return parsePeriodGeneral(text, context);
}

export function parsePeriodGeneral(text: string, context: DateContext = {}): Period | null {
  const s = text.trim();
  if (s === '') return null;
  const found = s.match(DATE_IN_TEXT_RE) ?? [];
  const glue = s.replace(DATE_IN_TEXT_RE, ' ');
  if (found.length !== 2 || !PERIOD_GLUE_RE.test(glue)) {
    throw bad(text, 'pričakovano obdobje (npr. 01.01.2024 - 31.12.2024)', 'obdobje', context);
  }
  const from = parseDate(found[0] ?? '', context);
  const to = parseDate(found[1] ?? '', context);
  if (!from || !to) throw bad(text, 'pričakovano obdobje (npr. 01.01.2024 - 31.12.2024)', 'obdobje', context);
  if (from > to) {
    throw new ReadError('BAD_DATE', `${prefix(context)}obdobje se konča pred začetkom: »${excerpt(text)}«.`, {
      expected: ['začetek ≤ konec'], found: [text], ...lineOf(context),
    });
  }
  return { from, to };
}

function prefix(context: DateContext): string {
  return context.label ? `Polje »${context.label}«: ` : '';
}

function lineOf(context: DateContext): { line?: number } {
  return context.line !== undefined ? { line: context.line } : {};
}

function bad(text: string, phrase: string, what: string, context: DateContext): ReadError {
  const p = prefix(context);
  const sentence = p ? phrase : phrase.charAt(0).toUpperCase() + phrase.slice(1);
  return new ReadError('BAD_DATE', `${p}${sentence}, najdeno »${excerpt(text)}«.`, {
    expected: [what], found: [text], ...lineOf(context),
  });
}

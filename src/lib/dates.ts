/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`), computed on a day number so that no
 * time zone or daylight-saving change can shift a day (DESIGN: never `Date` arithmetic
 * across DST). Day numbers count days since 1970-01-01 (proleptic Gregorian).
 */

export type IsoDate = string;
/** `YYYY-MM` */
export type IsoMonth = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const y = digits(value, 0, 4), mo = digits(value, 5, 2), d = digits(value, 8, 2);
  return y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS_IN_MONTH: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1] ?? 0;
}

/** Days since 1970-01-01 for a civil date (Howard Hinnant's days_from_civil). */
export function dayNumberOf(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilOf(day: number): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function isoOf(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Digits at `i`..`i+n` of `s`, or -1 when one is not a digit (a fast path without a RegExp). */
function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

export function parseIso(date: IsoDate): { y: number; m: number; d: number } {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y = digits(date, 0, 4), mo = digits(date, 5, 2), d = digits(date, 8, 2);
    if (y >= 0 && mo >= 0 && d >= 0) return { y, m: mo, d };
  }
  const m = ISO_RE.exec(date);
  if (!m) throw new RangeError(`Ni datum v obliki LLLL-MM-DD: ${date}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

export function toDayNumber(date: IsoDate): number {
  const { y, m, d } = parseIso(date);
  return dayNumberOf(y, m, d);
}

/**
 * Texts of the days 1970–2149, made once each when first asked for: the engine names the
 * same few thousand days over and over (issue 8).
 */
const CACHED_DAYS = 65_536;
let isoOfDay: (IsoDate | undefined)[] | null = null;

function isoOfDayNumber(day: number): IsoDate {
  const { y, m, d } = civilOf(day);
  return isoOf(y, m, d);
}

export function fromDayNumber(day: number): IsoDate {
  if (day < 0 || day >= CACHED_DAYS) return isoOfDayNumber(day);
  // Sized up front so that the array stays a flat one (set by index, not a dictionary).
  const cache = (isoOfDay ??= new Array<IsoDate | undefined>(CACHED_DAYS));
  return (cache[day] ??= isoOfDayNumber(day));
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** 0 = Monday … 6 = Sunday (ISO weekday − 1). 1970-01-01 was a Thursday. */
export function weekdayIndex(date: IsoDate): number {
  return (((toDayNumber(date) + 3) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  return weekdayIndex(date) >= 5;
}

export function monthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7);
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function addMonths(month: IsoMonth, n: number): IsoMonth {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const total = y * 12 + (m - 1) + n;
  return `${pad(Math.floor(total / 12), 4)}-${pad((total % 12) + 1)}`;
}

export function firstOfMonth(month: IsoMonth): IsoDate {
  return `${month}-01`;
}

export function lastOfMonth(month: IsoMonth): IsoDate {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return isoOf(y, m, daysInMonth(y, m));
}

/** Adds calendar years, moving 29 Feb to 28 Feb in a common year. */
export function addYears(date: IsoDate, n: number): IsoDate {
  const { y, m, d } = parseIso(date);
  return isoOf(y + n, m, Math.min(d, daysInMonth(y + n, m)));
}

/** Every date from `from` to `to`, inclusive. */
export function* eachDay(from: IsoDate, to: IsoDate): Generator<IsoDate> {
  const end = toDayNumber(to);
  for (let day = toDayNumber(from); day <= end; day++) yield fromDayNumber(day);
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** Today's date in Europe/Ljubljana, whatever the machine's zone. */
export function todayInLjubljana(now: Date = new Date()): IsoDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Ljubljana', year: 'numeric', month: '2-digit', day: '2-digit',
  }).formatToParts(now);
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

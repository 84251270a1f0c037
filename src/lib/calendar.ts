import {
  addDays, dayNumberOf, daysInMonth, isoOf, isWeekend, parseIso, type IsoDate, type IsoMonth,
} from './dates.ts';
import { EASTER_HOLIDAYS, FIXED_HOLIDAYS, FULL_TIME_HOURS_PER_DAY } from './rules/index.ts';
import { validOn } from './rules/types.ts';

/** Easter Sunday by the Gregorian computus (anonymous algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoOf(year, month, day);
}

export interface WorkFreeDay {
  date: IsoDate;
  sl: string;
}

const cache = new Map<number, WorkFreeDay[]>();

/** Work-free days of a year (ZPDPD), in date order. A holiday on a Sunday is not moved. */
export function workFreeDays(year: number): readonly WorkFreeDay[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const days: WorkFreeDay[] = [];
  for (const h of FIXED_HOLIDAYS) {
    const date = isoOf(year, h.month, h.day);
    if (validOn(h.valid, date)) days.push({ date, sl: h.sl });
  }
  const easter = easterSunday(year);
  for (const h of EASTER_HOLIDAYS) days.push({ date: addDays(easter, h.offset), sl: h.sl });
  days.sort((x, y) => (x.date < y.date ? -1 : 1));
  cache.set(year, days);
  return days;
}

export function isWorkFree(date: IsoDate): boolean {
  return workFreeDays(parseIso(date).y).some((d) => d.date === date);
}

/**
 * A working day for counting the employer period (RULES §3): Monday to Friday, public
 * holidays on a weekday included — the only reading that reproduces the published examples.
 */
export function isWorkingDay(date: IsoDate): boolean {
  return !isWeekend(date);
}

/** The n-th working day counting from `start` (day 1 = first working day on or after start). */
export function nthWorkingDay(start: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n mora biti pozitivno celo število, je ${n}`);
  let date = start;
  while (!isWorkingDay(date)) date = addDays(date, 1);
  // Whole weeks first, then single days: five working days always span seven calendar days.
  const weeks = Math.floor((n - 1) / 5);
  date = addDays(date, weeks * 7);
  let left = (n - 1) % 5;
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) left--;
  }
  return date;
}

/** Monday–Friday, for a day number (days since 1970-01-01, a Thursday). */
export function isWorkingDayNumber(dn: number): boolean {
  return (((dn + 3) % 7) + 7) % 7 < 5;
}

/** Working days from day number `a` to `b`, inclusive: whole weeks at once, five days each. */
export function workingDayNumbersIn(a: number, b: number): number {
  if (b < a) return 0;
  const span = b - a + 1;
  let count = Math.floor(span / 7) * 5;
  for (let dn = a + span - (span % 7); dn <= b; dn++) if (isWorkingDayNumber(dn)) count++;
  return count;
}

/** The n-th working day from day number `start`, a working day itself (n = 1 gives `start`). */
export function nthWorkingDayNumber(start: number, n: number): number {
  let dn = start + Math.floor((n - 1) / 5) * 7;
  for (let left = (n - 1) % 5; left > 0;) if (isWorkingDayNumber(++dn)) left--;
  return dn;
}

/** Working days from `from` to `to`, inclusive (whole weeks counted at once, five days each). */
export function countWorkingDays(from: IsoDate, to: IsoDate): number {
  const { y: y1, m: m1, d: d1 } = parseIso(from);
  const { y: y2, m: m2, d: d2 } = parseIso(to);
  const a = dayNumberOf(y1, m1, d1);
  const b = dayNumberOf(y2, m2, d2);
  if (b < a) return 0;
  const span = b - a + 1;
  let count = Math.floor(span / 7) * 5;
  // 1970-01-01 (day 0) was a Thursday: weekday index 0 = Monday.
  for (let day = a + span - (span % 7); day <= b; day++) if ((((day + 3) % 7) + 7) % 7 < 5) count++;
  return count;
}

/** Working days in a month (Monday–Friday). */
export function workingDaysInMonth(month: IsoMonth): number {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return countWorkingDays(isoOf(y, m, 1), isoOf(y, m, daysInMonth(y, m)));
}

const fullTimeCache = new Map<IsoMonth, number>();

/** Full-time hours of a month: Monday–Friday days × 8 (RULES §3; PSVZ field 110). */
export function fullTimeHours(month: IsoMonth): number {
  let hours = fullTimeCache.get(month);
  if (hours === undefined) {
    hours = workingDaysInMonth(month) * FULL_TIME_HOURS_PER_DAY.value;
    fullTimeCache.set(month, hours);
  }
  return hours;
}

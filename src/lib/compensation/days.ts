import { daysInMonth, fromDayNumber, parseIso, toDayNumber, type IsoDate } from '../dates.ts';
import { Dec } from '../money.ts';
import { ZZZS_FIRST_RATE_DAYS, type Param, type Rules, type ZzzsPercentages } from '../rules/index.ts';
import type { Dated } from '../rules/types.ts';
import type { Absence, AbsenceCertificate } from './absences.ts';
import type { CaseInput } from './input.ts';
import { employerDays } from './employerDays.ts';
import { isWorkingDayNumber, workingDayNumbersIn } from '../calendar.ts';
import { SegmentCollector, type DaySegment, type Payer } from './segments.ts';

export type { Payer } from './segments.ts';

/** Why and when the employer period of an absence ended (for the trace). */
export interface EmployerPeriod {
  employerFirst: boolean;
  firstWorkingDay: IsoDate | null;
  employerWorkingDays: number;
  /** First ZZZS-paid day, if any. */
  zzzsFrom: IsoDate | null;
  endedBy: 'perAbsenceLimit' | 'annualLimit' | 'recurrence' | 'zzzsFromStart' | null;
  limit: Param<number> | null;
  annualLimit: Param<number> | null;
  usedBefore: number;
  usedAfter: number;
  recurrence: { previousEmployerDays: number; totalWorkingDays: number; forcedZzzs: boolean } | null;
  day91: IsoDate | null;
}

/** Employer-paid working days per calendar year, carried across the absences of a case. */
export class AnnualCounter {
  private readonly used = new Map<number, number>();
  constructor(firstYear: number | null, usedInFirstYear: number) {
    if (firstYear !== null) this.used.set(firstYear, usedInFirstYear);
  }
  get(year: number): number {
    return this.used.get(year) ?? 0;
  }
  add(year: number, days: number): void {
    if (days > 0) this.used.set(year, this.get(year) + days);
  }
}

/**
 * Calls `visit` for every day of an absence in order (day number, year, month key) until
 * it returns true. Certificates of an absence follow each other without overlapping.
 */
function eachDayOf(absence: Absence, visit: (cert: AbsenceCertificate, dn: number, y: number, monthKey: number) => boolean): void {
  for (const cert of absence.certificates) {
    let { y, m, d } = parseIso(cert.effectiveFrom);
    let dim = daysInMonth(y, m);
    const end = cert.toDn;
    for (let dn = cert.effectiveFromDn; dn <= end; dn++) {
      if (visit(cert, dn, y, y * 12 + m - 1)) return;
      if (++d > dim) { d = 1; if (++m > 12) { m = 1; y++; } dim = daysInMonth(y, m); }
    }
  }
}

/** The first working day of an absence and how many working days it has. */
function workingDaysOf(absence: Absence): { first: number | null; total: number } {
  let first: number | null = null;
  let total = 0;
  for (const cert of absence.certificates) {
    const a = cert.effectiveFromDn, b = cert.toDn;
    if (first === null) for (let dn = a; dn <= b; dn++) if (isWorkingDayNumber(dn)) { first = dn; break; }
    total += workingDayNumbersIn(a, b);
  }
  return { first, total };
}

/**
 * Decides the payer and percentage of every day of an absence (RULES §4, §5, §7) and
 * collects the days into segments.
 * Working days are counted over the whole absence; once ZZZS has taken over it keeps the
 * absence (CONVENTION: monotonic); non-working days follow the working day before them,
 * or the first working day when the absence starts on a weekend. So the payer changes at
 * most once: ZZZS pays every day from `zzzsFrom` on.
 */
export function assignDays(
  absence: Absence, input: CaseInput, rules: Rules, counter: AnnualCounter,
  recurrence: { previousEmployerDays: number } | null,
): { segments: DaySegment[]; period: EmployerPeriod } {
  const employerFirst = absence.certificates[0]!.reasonInfo.employerPercent !== null;
  const firstDn = absence.certificates[0]!.effectiveFromDn;
  const lastDn = absence.certificates[absence.certificates.length - 1]!.toDn;
  const { first: firstWorkingDn, total: totalWorking } = workingDaysOf(absence);
  const firstWorking = firstWorkingDn === null ? null : fromDayNumber(firstWorkingDn);
  const firstWorkingYear = firstWorking === null ? null : parseIso(firstWorking).y;
  const period: EmployerPeriod = {
    employerFirst, firstWorkingDay: firstWorking, employerWorkingDays: 0, zzzsFrom: null,
    endedBy: employerFirst ? null : 'zzzsFromStart', limit: null, annualLimit: null,
    usedBefore: firstWorkingYear === null ? 0 : counter.get(firstWorkingYear), usedAfter: 0, recurrence: null, day91: null,
  };

  let switched = !employerFirst;
  if (employerFirst && recurrence) {
    const limit = rules.perAbsenceLimit(absence.group, firstWorking ?? absence.from);
    const forced = limit !== null && recurrence.previousEmployerDays + totalWorking > limit.value;
    period.recurrence = { previousEmployerDays: recurrence.previousEmployerDays, totalWorkingDays: totalWorking, forcedZzzs: forced };
    period.limit = limit;
    if (forced) { switched = true; period.endedBy = 'recurrence'; }
  }

  /** First day ZZZS pays (every later day too); Infinity when the employer pays them all. */
  let zzzsFromDn = switched ? firstDn : Infinity;
  if (!switched) zzzsFromDn = employerDays(absence, rules, counter, period, firstDn);
  period.usedAfter = firstWorkingYear === null ? 0 : counter.get(firstWorkingYear);

  const zzzsPays = zzzsFromDn <= lastDn;
  period.zzzsFrom = zzzsPays ? fromDayNumber(zzzsFromDn) : null;
  const firstRateDays = ZZZS_FIRST_RATE_DAYS.value;
  if (zzzsPays && lastDn - zzzsFromDn >= firstRateDays) period.day91 = fromDayNumber(zzzsFromDn + firstRateDays);

  const collector = new SegmentCollector(Dec.from(input.worker.weeklyHours).div(5));
  const rates = zzzsRateLookup(rules);
  const calendar = input.worker.calendar;
  if (calendar) collectDays(absence, collector, calendar, zzzsFromDn, rates);
  else collectRuns(absence, collector, zzzsFromDn, rates);
  collector.flush();
  return { segments: collector.segments, period };
}

type Rates = (cert: AbsenceCertificate, dn: number) => RateRow;

/** Day by day, for a worker with a special work calendar (any day may have its own hours). */
function collectDays(
  absence: Absence, collector: SegmentCollector, calendar: Readonly<Record<IsoDate, number>>, zzzsFromDn: number, rates: Rates,
): void {
  const firstRateDays = ZZZS_FIRST_RATE_DAYS.value;
  eachDayOf(absence, (cert, dn, _y, monthKey) => {
    const working = isWorkingDayNumber(dn);
    // Hours (RULES §4): the special work calendar, else 0 on a weekend, else the
    // certificate's partial hours, else weekly hours / 5.
    const special = calendar[fromDayNumber(dn)];
    const hours = special !== undefined ? Dec.from(special) : !working ? 'none' : cert.hoursPerDay === null ? 'full' : 'partial';
    if (dn < zzzsFromDn) {
      collector.day(cert, dn, monthKey, 'employer', cert.reasonInfo.employerPercent ?? 0, working, hours);
    } else {
      const pct = rates(cert, dn).value;
      collector.day(cert, dn, monthKey, 'zzzs', dn - zzzsFromDn < firstRateDays ? pct.first90 : pct.from91, working, hours);
    }
    return false;
  });
}

/**
 * Run by run, without a special calendar: payer, percentage and hours per day can change
 * only at a month's end, where ZZZS takes over, at day 91 and where a dated rate ends, so
 * the days between are counted at once (issue 8). Gives what `collectDays` gives.
 */
function collectRuns(absence: Absence, collector: SegmentCollector, zzzsFromDn: number, rates: Rates): void {
  const day91 = zzzsFromDn + ZZZS_FIRST_RATE_DAYS.value;
  for (const cert of absence.certificates) {
    let { y, m, d } = parseIso(cert.effectiveFrom);
    const last = cert.toDn;
    let dn = cert.effectiveFromDn;
    while (dn <= last) {
      let end = Math.min(last, dn + daysInMonth(y, m) - d);
      let payer: Payer = 'employer';
      let percentage: number;
      if (dn < zzzsFromDn) {
        end = Math.min(end, zzzsFromDn - 1);
        percentage = cert.reasonInfo.employerPercent ?? 0;
      } else {
        payer = 'zzzs';
        const row = rates(cert, dn);
        end = Math.min(end, row.to);
        if (dn < day91) { end = Math.min(end, day91 - 1); percentage = row.value.first90; } else percentage = row.value.from91;
      }
      const working = workingDayNumbersIn(dn, end);
      collector.run(cert, dn, end, y * 12 + m - 1, payer, percentage, working);
      d += end - dn + 1;
      if (d > daysInMonth(y, m)) { d = 1; if (++m > 12) { m = 1; y++; } }
      dn = end + 1;
    }
  }
}

interface RateRow { to: number; value: ZzzsPercentages }

/** ZZZS percentages of a certificate's reason on a day; the dated row is reused while it stays valid. */
function zzzsRateLookup(rules: Rules): Rates {
  let last: { cert: AbsenceCertificate; from: number; to: number; value: ZzzsPercentages } | null = null;
  return (cert, dn) => {
    if (last && last.cert === cert && dn >= last.from && dn <= last.to) return last;
    const date = fromDayNumber(dn);
    const row = rules.zzzsPercentages(cert.reasonInfo, date) as (Param<ZzzsPercentages> & Partial<Dated<ZzzsPercentages>>) | null;
    if (!row) throw new RangeError(`Za razlog ${cert.reason} ni odstotka ZZZS na dan ${date}.`);
    const valid = cert.reasonInfo.zzzs.find((r) => r.from <= date && (r.to === undefined || date <= r.to));
    last = { cert, from: valid ? toDayNumber(valid.from) : dn, to: valid?.to ? toDayNumber(valid.to) : valid ? Number.MAX_SAFE_INTEGER : dn, value: row.value };
    return last;
  };
}

import { daysInMonth, fromDayNumber, parseIso, toDayNumber, type IsoDate } from '../dates.ts';
import { Dec } from '../money.ts';
import { ZZZS_FIRST_RATE_DAYS, type Param, type Rules, type ZzzsPercentages } from '../rules/index.ts';
import type { Dated } from '../rules/types.ts';
import type { Absence, AbsenceCertificate } from './absences.ts';
import type { CaseInput } from './input.ts';

export type Payer = 'employer' | 'zzzs';

/**
 * One calendar day of an absence. Days are handled as day numbers (days since 1970-01-01)
 * and month keys (year × 12 + month − 1): the hot loop of the engine makes no strings.
 */
export interface Day {
  dn: number;
  monthKey: number;
  cert: AbsenceCertificate;
  working: boolean;
  hours: Dec;
  payer: Payer;
  percentage: number;
}

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
  add(year: number): void {
    this.used.set(year, this.get(year) + 1);
  }
}

/** Monday–Friday: 1970-01-01 (day 0) was a Thursday. */
const isWorkingDn = (dn: number): boolean => (((dn + 3) % 7) + 7) % 7 < 5;

export const monthKeyToIso = (key: number): string => `${String(Math.floor(key / 12)).padStart(4, '0')}-${String((key % 12) + 1).padStart(2, '0')}`;

/**
 * Hours of a day (RULES §4): the special work calendar, else 0 on a weekend, else the
 * certificate's partial hours, else weekly hours / 5. Returns shared Dec values so that
 * segments sum equal hours by counting them.
 */
function hoursFunction(input: CaseInput): (cert: AbsenceCertificate, dn: number, working: boolean) => Dec {
  const full = Dec.from(input.worker.weeklyHours).div(5);
  const partial = new Map<AbsenceCertificate, Dec>();
  const calendar = input.worker.calendar;
  return (cert, dn, working) => {
    if (calendar) {
      const special = calendar[fromDayNumber(dn)];
      if (special !== undefined) return Dec.from(special);
    }
    if (!working) return Dec.ZERO;
    if (cert.hoursPerDay === null) return full;
    let h = partial.get(cert);
    if (!h) { h = Dec.from(cert.hoursPerDay); partial.set(cert, h); }
    return h;
  };
}

/** A day while its payer is being decided; it becomes a `Day` in place (one object per day). */
interface RawDay { dn: number; monthKey: number; cert: AbsenceCertificate; working: boolean; payer: Payer | null; hours: Dec; percentage: number }

function daysOf(absence: Absence): RawDay[] {
  const raw: RawDay[] = [];
  for (const cert of absence.certificates) {
    let { y, m, d } = parseIso(cert.effectiveFrom);
    let dim = daysInMonth(y, m);
    const end = toDayNumber(cert.to);
    for (let dn = toDayNumber(cert.effectiveFrom); dn <= end; dn++) {
      raw.push({ dn, monthKey: y * 12 + m - 1, cert, working: isWorkingDn(dn), payer: null, hours: Dec.ZERO, percentage: 0 });
      if (++d > dim) { d = 1; if (++m > 12) { m = 1; y++; } dim = daysInMonth(y, m); }
    }
  }
  return raw;
}

/**
 * Decides the payer and percentage of every day of an absence (RULES §4, §5, §7).
 * Working days are counted over the whole absence; once ZZZS has taken over it keeps the
 * absence (CONVENTION: monotonic); non-working days follow the working day before them,
 * or the first working day when the absence starts on a weekend.
 */
export function assignDays(
  absence: Absence, input: CaseInput, rules: Rules, counter: AnnualCounter,
  recurrence: { previousEmployerDays: number } | null,
): { days: Day[]; period: EmployerPeriod } {
  const employerFirst = absence.certificates[0]!.reasonInfo.employerPercent !== null;
  const raw = daysOf(absence);
  const firstWorkingRaw = raw.find((d) => d.working);
  const firstWorking = firstWorkingRaw ? fromDayNumber(firstWorkingRaw.dn) : null;
  const yearOfKey = (key: number): number => Math.floor(key / 12);
  const totalWorking = raw.reduce((n, d) => n + (d.working ? 1 : 0), 0);
  const period: EmployerPeriod = {
    employerFirst, firstWorkingDay: firstWorking, employerWorkingDays: 0, zzzsFrom: null,
    endedBy: employerFirst ? null : 'zzzsFromStart', limit: null, annualLimit: null,
    usedBefore: firstWorkingRaw ? counter.get(yearOfKey(firstWorkingRaw.monthKey)) : 0, usedAfter: 0, recurrence: null, day91: null,
  };

  let switched = !employerFirst;
  if (employerFirst && recurrence) {
    const limit = rules.perAbsenceLimit(absence.group, firstWorking ?? absence.from);
    const forced = limit !== null && recurrence.previousEmployerDays + totalWorking > limit.value;
    period.recurrence = { previousEmployerDays: recurrence.previousEmployerDays, totalWorkingDays: totalWorking, forcedZzzs: forced };
    period.limit = limit;
    if (forced) { switched = true; period.endedBy = 'recurrence'; }
  }

  let k = 0;
  for (const d of raw) {
    if (!d.working) continue;
    k++;
    if (!switched) {
      const date = fromDayNumber(d.dn);
      const limit = rules.perAbsenceLimit(absence.group, date);
      const annual = rules.annualLimit(absence.group, date);
      period.limit = limit;
      if (annual) period.annualLimit = annual;
      const year = yearOfKey(d.monthKey);
      if (limit !== null && k > limit.value) { switched = true; period.endedBy = 'perAbsenceLimit'; }
      else if (annual !== null && counter.get(year) >= annual.value) { switched = true; period.endedBy = 'annualLimit'; }
      else { counter.add(year); period.employerWorkingDays++; }
    }
    d.payer = switched ? 'zzzs' : 'employer';
  }
  period.usedAfter = firstWorkingRaw ? counter.get(yearOfKey(firstWorkingRaw.monthKey)) : 0;

  // Non-working days follow the preceding working day; leading ones the first working day.
  let prev: Payer = raw.find((d) => d.payer !== null)?.payer ?? (switched ? 'zzzs' : 'employer');
  for (const d of raw) {
    if (d.payer === null) d.payer = prev;
    else prev = d.payer;
  }

  const firstZzzs = raw.find((d) => d.payer === 'zzzs')?.dn ?? null;
  period.zzzsFrom = firstZzzs === null ? null : fromDayNumber(firstZzzs);
  const firstRateDays = ZZZS_FIRST_RATE_DAYS.value;
  if (firstZzzs !== null && raw[raw.length - 1]!.dn - firstZzzs >= firstRateDays) period.day91 = fromDayNumber(firstZzzs + firstRateDays);
  const hoursOf = hoursFunction(input);
  const rates = zzzsRateLookup(rules);
  for (const d of raw) {
    if (d.payer === 'employer') {
      d.percentage = d.cert.reasonInfo.employerPercent ?? 0;
    } else {
      const pct = rates(d.cert, d.dn);
      d.percentage = d.dn - (firstZzzs as number) < firstRateDays ? pct.first90 : pct.from91;
    }
    d.hours = hoursOf(d.cert, d.dn, d.working);
  }
  return { days: raw as Day[], period };
}

/** ZZZS percentages of a certificate's reason on a day; the dated row is reused while it stays valid. */
function zzzsRateLookup(rules: Rules): (cert: AbsenceCertificate, dn: number) => ZzzsPercentages {
  let last: { cert: AbsenceCertificate; from: number; to: number; value: ZzzsPercentages } | null = null;
  return (cert, dn) => {
    if (last && last.cert === cert && dn >= last.from && dn <= last.to) return last.value;
    const date = fromDayNumber(dn);
    const row = rules.zzzsPercentages(cert.reasonInfo, date) as (Param<ZzzsPercentages> & Partial<Dated<ZzzsPercentages>>) | null;
    if (!row) throw new RangeError(`Za razlog ${cert.reason} ni odstotka ZZZS na dan ${date}.`);
    const valid = cert.reasonInfo.zzzs.find((r) => r.from <= date && (r.to === undefined || date <= r.to));
    last = { cert, from: valid ? toDayNumber(valid.from) : dn, to: valid?.to ? toDayNumber(valid.to) : valid ? Number.MAX_SAFE_INTEGER : dn, value: row.value };
    return row.value;
  };
}

import { daysBetween, eachDay, isWeekend, monthOf, yearOf, type IsoDate, type IsoMonth } from '../dates.ts';
import { isWorkingDay } from '../calendar.ts';
import { Dec } from '../money.ts';
import { ZZZS_FIRST_RATE_DAYS, type Param, type Rules } from '../rules/index.ts';
import type { Absence, AbsenceCertificate } from './absences.ts';
import type { CaseInput } from './input.ts';

export type Payer = 'employer' | 'zzzs';

export interface Day {
  date: IsoDate;
  month: IsoMonth;
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

function hoursOf(input: CaseInput, cert: AbsenceCertificate, date: IsoDate): Dec {
  const special = input.worker.calendar?.[date];
  if (special !== undefined) return Dec.from(special);
  if (isWeekend(date)) return Dec.ZERO;
  if (cert.hoursPerDay !== null) return Dec.from(cert.hoursPerDay);
  return Dec.from(input.worker.weeklyHours).div(5);
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
  const raw: { date: IsoDate; cert: AbsenceCertificate; working: boolean; payer: Payer | null }[] = [];
  for (const cert of absence.certificates) {
    for (const date of eachDay(cert.effectiveFrom, cert.to)) raw.push({ date, cert, working: isWorkingDay(date), payer: null });
  }
  const firstWorking = raw.find((d) => d.working)?.date ?? null;
  const totalWorking = raw.filter((d) => d.working).length;
  const period: EmployerPeriod = {
    employerFirst, firstWorkingDay: firstWorking, employerWorkingDays: 0, zzzsFrom: null,
    endedBy: employerFirst ? null : 'zzzsFromStart', limit: null, annualLimit: null,
    usedBefore: firstWorking ? counter.get(yearOf(firstWorking)) : 0, usedAfter: 0, recurrence: null, day91: null,
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
      const limit = rules.perAbsenceLimit(absence.group, d.date);
      const annual = rules.annualLimit(absence.group, d.date);
      period.limit = limit;
      if (annual) period.annualLimit = annual;
      const year = yearOf(d.date);
      if (limit !== null && k > limit.value) { switched = true; period.endedBy = 'perAbsenceLimit'; }
      else if (annual !== null && counter.get(year) >= annual.value) { switched = true; period.endedBy = 'annualLimit'; }
      else { counter.add(year); period.employerWorkingDays++; }
    }
    d.payer = switched ? 'zzzs' : 'employer';
  }
  period.usedAfter = firstWorking ? counter.get(yearOf(firstWorking)) : 0;

  // Non-working days follow the preceding working day; leading ones the first working day.
  const firstPayer: Payer = raw.find((d) => d.payer !== null)?.payer ?? (switched ? 'zzzs' : 'employer');
  let prev: Payer = firstPayer;
  for (const d of raw) {
    if (d.payer === null) d.payer = prev;
    else prev = d.payer;
  }

  const firstZzzs = raw.find((d) => d.payer === 'zzzs')?.date ?? null;
  period.zzzsFrom = firstZzzs;
  const firstRateDays = ZZZS_FIRST_RATE_DAYS.value;
  const days: Day[] = raw.map((d) => {
    const payer = d.payer as Payer;
    let percentage: number;
    if (payer === 'employer') {
      percentage = d.cert.reasonInfo.employerPercent ?? 0;
    } else {
      const pct = rules.zzzsPercentages(d.cert.reasonInfo, d.date);
      if (!pct) throw new RangeError(`Za razlog ${d.cert.reason} ni odstotka ZZZS na dan ${d.date}.`);
      const dayOfZzzs = daysBetween(firstZzzs as IsoDate, d.date) + 1;
      if (dayOfZzzs === firstRateDays + 1) period.day91 = d.date;
      percentage = dayOfZzzs <= firstRateDays ? pct.value.first90 : pct.value.from91;
    }
    return {
      date: d.date, month: monthOf(d.date), cert: d.cert, working: d.working,
      hours: hoursOf(input, d.cert, d.date), payer, percentage,
    };
  });
  return { days, period };
}

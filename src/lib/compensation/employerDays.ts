import { civilOf, dayNumberOf, fromDayNumber } from '../dates.ts';
import { isWorkingDayNumber, nthWorkingDayNumber, workingDayNumbersIn } from '../calendar.ts';
import type { Param, Rules } from '../rules/index.ts';
import type { Absence } from './absences.ts';
import type { AnnualCounter, EmployerPeriod } from './days.ts';

/**
 * Counts the working days the employer pays (RULES §5): from the first working day until the
 * per-absence limit or the year's limit is reached, each decided by the date of the day
 * counted. Fills in `period` and returns the first day ZZZS pays (Infinity when none).
 *
 * A run of working days within one calendar year whose limits come from the same dated rows
 * at its first and its last day is counted at once: a row holds from its first to its last
 * day, so it holds for every day between (issue 8). Otherwise the run is counted day by day.
 */
export function employerDays(absence: Absence, rules: Rules, counter: AnnualCounter, period: EmployerPeriod, firstDn: number): number {
  const state = { k: 0 };
  for (const cert of absence.certificates) {
    const last = cert.toDn;
    let dn = cert.effectiveFromDn;
    while (dn <= last) {
      while (dn <= last && !isWorkingDayNumber(dn)) dn++;
      if (dn > last) break;
      const { y } = civilOf(dn);
      const end = Math.min(last, dayNumberOf(y, 12, 31));
      let lastWorking = end;
      while (!isWorkingDayNumber(lastWorking)) lastWorking--;
      const zzzsFrom = countRun(absence, rules, counter, period, firstDn, state, y, dn, lastWorking);
      if (zzzsFrom !== null) return zzzsFrom;
      dn = end + 1;
    }
  }
  return Infinity;
}

/** Working days `from`..`to` (both working days, one year); the first day ZZZS pays if it takes over here, else null. */
function countRun(
  absence: Absence, rules: Rules, counter: AnnualCounter, period: EmployerPeriod, firstDn: number,
  state: { k: number }, y: number, from: number, to: number,
): number | null {
  const fromDate = fromDayNumber(from), toDate = fromDayNumber(to);
  const limit = rules.perAbsenceLimit(absence.group, fromDate);
  const annual = rules.annualLimit(absence.group, fromDate);
  if (limit !== rules.perAbsenceLimit(absence.group, toDate) || annual !== rules.annualLimit(absence.group, toDate)) {
    return countDays(absence, rules, counter, period, firstDn, state, y, from, to);
  }
  const working = workingDayNumbersIn(from, to);
  const byLimit = limit === null ? Infinity : Math.max(0, limit.value - state.k);
  const byYear = annual === null ? Infinity : Math.max(0, annual.value - counter.get(y));
  const paid = Math.min(working, byLimit, byYear);
  note(period, limit, annual);
  state.k += paid;
  counter.add(y, paid);
  period.employerWorkingDays += paid;
  if (paid === working) return null;
  state.k++;
  period.endedBy = limit !== null && state.k > limit.value ? 'perAbsenceLimit' : 'annualLimit';
  // Days before the first working day follow it: with no employer day, ZZZS pays from the start.
  return period.employerWorkingDays === 0 ? firstDn : nthWorkingDayNumber(from, paid + 1);
}

/** Day by day, when a limit changes within the run. */
function countDays(
  absence: Absence, rules: Rules, counter: AnnualCounter, period: EmployerPeriod, firstDn: number,
  state: { k: number }, y: number, from: number, to: number,
): number | null {
  for (let dn = from; dn <= to; dn++) {
    if (!isWorkingDayNumber(dn)) continue;
    state.k++;
    const date = fromDayNumber(dn);
    const limit = rules.perAbsenceLimit(absence.group, date);
    const annual = rules.annualLimit(absence.group, date);
    note(period, limit, annual);
    if (limit !== null && state.k > limit.value) period.endedBy = 'perAbsenceLimit';
    else if (annual !== null && counter.get(y) >= annual.value) period.endedBy = 'annualLimit';
    else { counter.add(y, 1); period.employerWorkingDays++; continue; }
    return period.employerWorkingDays === 0 ? firstDn : dn;
  }
  return null;
}

/** The limits last looked up are the ones the trace names. */
function note(period: EmployerPeriod, limit: Param<number> | null, annual: Param<number> | null): void {
  period.limit = limit;
  if (annual) period.annualLimit = annual;
}

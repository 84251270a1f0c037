import { addDays, yearOf, type IsoDate, type IsoMonth } from '../dates.ts';
import { countWorkingDays } from '../calendar.ts';
import { money, sumNumbers, type Dec } from '../money.ts';
import { createRules, RECURRENCE_BREAK_WORKING_DAYS, type Rules } from '../rules/index.ts';
import { absenceCertificate, chainAbsences, type Absence, type AbsenceCertificate } from './absences.ts';
import { AnnualCounter, assignDays, type Payer } from './days.ts';
import type { DaySegment } from './segments.ts';
import { employerBase, isBase, zzzsBase, type Base, type BaseFailure, type BaseKind } from './bases.ts';
import { segmentAmount } from './amounts.ts';
import { Explainer, plainTrace, type EngineWarning, type TraceStep } from './trace.ts';
import { warningText } from './warnings.ts';
import { absenceStep, certificatesStep, segmentArg, segmentStep, totalsStep, traceBase, traceDay91, traceEmployerPeriod } from './steps.ts';
import { parseCaseInput, type CaseInput } from './input.ts';

export { parseCaseInput, CaseInputError, type CaseInput, type CaseCertificate } from './input.ts';
export type { TraceStep, EngineWarning } from './trace.ts';
export { plainTrace } from './trace.ts';
export { warningText, WARNING_TEXTS } from './warnings.ts';

export interface Segment {
  certificate: string;
  reason: string;
  from: IsoDate;
  to: IsoDate;
  payer: Payer;
  workingDays: number;
  hours: number;
  hourlyBase: number | null;
  percentage: number;
  amount: number | null;
  /** Index of the absence in `absences`. */
  absence: number;
  month: IsoMonth;
  /** hourly base × hours × percentage before a floor or cap. */
  rawAmount: number | null;
  limitApplied: 'floor' | 'cap' | 'currentPay' | null;
}

export interface BaseSummary {
  kind: BaseKind;
  months: IsoMonth[];
  paidMonths: number;
  amount: number;
  hours: number;
  excludedAllowances: number;
  valorisation: number;
  hourly: number;
  year: number | null;
}

export interface AbsenceSummary {
  index: number;
  group: string;
  from: IsoDate;
  to: IsoDate;
  certificates: string[];
  employerWorkingDays: number;
  zzzsFrom: IsoDate | null;
  employerBase: BaseSummary | null;
  zzzsBase: BaseSummary | null;
}

export interface CompensationResult {
  id: string | null;
  segments: Segment[];
  totals: { employer: number; zzzs: number };
  warnings: string[];
  warningDetails: EngineWarning[];
  absences: AbsenceSummary[];
  excluded: { certificate: string; why: 'cancelled' | 'unknownReason' | 'overlap' }[];
  trace: TraceStep[];
}

function summary(b: Base): BaseSummary {
  return {
    kind: b.kind, months: b.months, paidMonths: b.paidMonths, amount: money(b.amount), hours: b.hours.toNumber(2),
    excludedAllowances: money(b.excludedAllowances), valorisation: b.valorisation.toNumber(6), hourly: money(b.hourly), year: b.year,
  };
}

function warnAll(ex: Explainer, codes: readonly string[], absence: number): void {
  for (const code of codes) ex.warn({ code, ...warningText(code), absence });
}

const paidByEmployer = (s: { payer: Payer }): boolean => s.payer === 'employer';
const paidByZzzs = (s: { payer: Payer }): boolean => s.payer === 'zzzs';

/** Σ amounts of a payer, exactly (the amounts are whole cents). */
function total(segments: readonly Segment[], payer: Payer): number {
  const amounts: number[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (s.payer === payer && s.amount !== null) amounts.push(s.amount);
  }
  return money(sumNumbers(amounts));
}

function possibleRecurrence(prev: Absence | undefined, cur: Absence): boolean {
  if (!prev || prev.group !== 'A' || cur.group !== 'A') return false;
  const gap = cur.from > addDays(prev.to, 1) ? countWorkingDays(addDays(prev.to, 1), addDays(cur.from, -1)) : 0;
  return gap < RECURRENCE_BREAK_WORKING_DAYS.value;
}

/** The amount of each segment of absence `i`, with a step each (a function of its own: a smaller unit for the JIT). */
function amountSegments(
  ex: Explainer, i: number, daySegments: readonly DaySegment[], eBase: Base | BaseFailure | null, zBase: Base | BaseFailure | null,
  rules: Rules, currentHourlyPay: Dec | null, segments: Segment[],
): void {
  const eHourly = eBase && isBase(eBase) ? money(eBase.hourly) : null;
  const zHourly = zBase && isBase(zBase) ? money(zBase.hourly) : null;
  for (let k = 0; k < daySegments.length; k++) {
    const seg = daySegments[k]!;
    const base = seg.payer === 'employer' ? eBase : zBase;
    const hb = base && isBase(base) ? base.hourly : null;
    const calc = hb ? segmentAmount(seg, hb, rules, currentHourlyPay) : null;
    if (calc?.missing.length) ex.warn({ code: 'PARAMETER_MISSING', ...warningText('PARAMETER_MISSING'), absence: i });
    const hours = seg.hours.toNumber(4);
    const hourly = seg.payer === 'employer' ? eHourly : zHourly;
    const raw = calc ? money(calc.raw) : null;
    const out: Segment = {
      certificate: seg.cert.number, reason: seg.cert.reason, from: seg.from, to: seg.to, payer: seg.payer,
      workingDays: seg.workingDays, hours, hourlyBase: hourly,
      percentage: seg.percentage, amount: calc ? money(calc.amount) : null, absence: i, month: seg.month,
      rawAmount: raw, limitApplied: calc?.applied ?? null,
    };
    segments.push(out);
    const pctRef = seg.payer === 'employer' ? 'ZDR-1 čl. 137' : (rules.zzzsPercentages(seg.cert.reasonInfo, seg.from)?.source ?? 'ZZVZZ čl. 31');
    ex.step(segmentStep, segmentArg(out, pctRef, calc));
  }
}

/** Computes a case (CASES.md) after validation. */
export function compute(input: CaseInput, rules: Rules = createRules(input.parameters)): CompensationResult {
  const ex = new Explainer();
  const excluded: CompensationResult['excluded'] = [];
  const valid: AbsenceCertificate[] = [];
  for (const c of input.certificates) {
    if (c.status === 'cancelled') { excluded.push({ certificate: c.number, why: 'cancelled' }); continue; }
    const reasonInfo = rules.reason(c.reason);
    if (!reasonInfo) {
      excluded.push({ certificate: c.number, why: 'unknownReason' });
      ex.warn({ code: 'UNKNOWN_REASON', ...warningText('UNKNOWN_REASON'), certificate: c.number });
      continue;
    }
    valid.push(absenceCertificate(c, reasonInfo, c.from));
  }
  ex.step(certificatesStep, { valid: valid.length, excluded });
  if (valid.length === 0) ex.warn({ code: 'NO_CERTIFICATES', ...warningText('NO_CERTIFICATES') });

  const { absences, overlapped } = chainAbsences(valid);
  for (const number of overlapped) {
    excluded.push({ certificate: number, why: 'overlap' });
    ex.warn({ code: 'OVERLAPPING_CERTIFICATES', ...warningText('OVERLAPPING_CERTIFICATES'), certificate: number });
  }

  const firstYear = valid.length ? yearOf(valid.reduce((m, c) => (c.from < m ? c.from : m), valid[0]!.from)) : null;
  const counter = new AnnualCounter(firstYear, input.employerDaysUsedThisYear);
  const segments: Segment[] = [];
  const summaries: AbsenceSummary[] = [];
  let prevA: Absence | undefined;

  for (let i = 0; i < absences.length; i++) {
    const absence = absences[i]!;
    ex.step(absenceStep, { i, absence });
    const recurrence = i === 0 ? input.recurrence : null;
    if (absence.group === 'A') {
      if (!recurrence && possibleRecurrence(prevA, absence)) {
        ex.warn({ code: 'POSSIBLE_RECURRENCE', ...warningText('POSSIBLE_RECURRENCE'), absence: i, certificate: absence.certificates[0]!.number });
      }
      prevA = absence;
    }
    const { segments: daySegments, period } = assignDays(absence, input, rules, counter, recurrence);
    traceEmployerPeriod(ex, i, period);
    const eBase = daySegments.some(paidByEmployer) ? employerBase(absence, input.employerBase) : null;
    const zBase = daySegments.some(paidByZzzs) ? zzzsBase(absence, input.zzzsBase) : null;
    if (eBase) { traceBase(ex, i, 'employer', eBase); warnAll(ex, eBase.warnings, i); }
    if (zBase) { traceBase(ex, i, 'zzzs', zBase); warnAll(ex, zBase.warnings, i); }
    traceDay91(ex, i, period);

    amountSegments(ex, i, daySegments, eBase, zBase, rules, input.worker.currentHourlyPay, segments);
    summaries.push({
      index: i, group: absence.group === 'OWN' ? absence.certificates[0]!.reason : absence.group, from: absence.from, to: absence.to,
      certificates: absence.certificates.map((c) => c.number), employerWorkingDays: period.employerWorkingDays, zzzsFrom: period.zzzsFrom,
      employerBase: eBase && isBase(eBase) ? summary(eBase) : null, zzzsBase: zBase && isBase(zBase) ? summary(zBase) : null,
    });
  }

  const totals = { employer: total(segments, 'employer'), zzzs: total(segments, 'zzzs') };
  ex.step(totalsStep, totals);
  return {
    id: input.id, segments, totals, warnings: ex.codes(), warningDetails: ex.warnings, absences: summaries, excluded, trace: ex.steps,
  };
}

/**
 * Validates raw JSON (CASES.md input) and computes it, with the explanation written out as
 * plain data (ready for storage, messages and JSON). `compute` leaves it to be worked out
 * when read.
 */
export function computeCase(raw: unknown): CompensationResult {
  const result = compute(parseCaseInput(raw));
  return { ...result, trace: plainTrace(result.trace) };
}

import { fullTimeHours } from './calendar.ts';
import { firstOfMonth, lastOfMonth, maxDate, minDate, type IsoDate, type IsoMonth } from './dates.ts';
import { Dec, sum } from './money.ts';
import { compute, parseCaseInput, type Segment, type TraceStep } from './compensation/index.ts';
import { formatNumber } from './format.ts';

/**
 * The OPSVZ fields a self-employed person's certificates determine (RULES §10). The own
 * burden (field 130) is the employer period of §5 counted the same way, so the engine's
 * payer decision is reused as it is; amounts are not needed here.
 */
export interface OpsvzPeriod {
  certificate: string;
  reason: string;
  from: IsoDate;
  to: IsoDate;
}

export interface OpsvzFields {
  month: IsoMonth;
  /** 090: absence periods clipped to the month, with their reasons. */
  field090: OpsvzPeriod[];
  /** 110: full-time monthly hours. */
  field110: number;
  /** 130: hours of absence in the person's own burden. */
  field130: number;
  /** 140: hours paid by ZZZS. */
  field140: number;
  trace: TraceStep[];
  warnings: string[];
}

export interface OpsvzInput {
  month: IsoMonth;
  certificates: readonly { number: string; reason: string; from: IsoDate; to: IsoDate; hoursPerDay?: number | null; status?: string; kind?: string }[];
  weeklyHours?: number;
  ownBurdenDaysUsedThisYear?: number;
}

const hoursIn = (segments: readonly Segment[]): number => sum(segments.map((s) => Dec.from(s.hours))).toNumber(2);

export function opsvzFields(input: OpsvzInput): OpsvzFields {
  const result = compute(parseCaseInput({
    worker: { weeklyHours: input.weeklyHours ?? 40 },
    certificates: input.certificates.map((c) => ({ ...c, hoursPerDay: c.hoursPerDay ?? undefined })),
    employerDaysUsedThisYear: input.ownBurdenDaysUsedThisYear ?? 0,
  }));
  const from = firstOfMonth(input.month);
  const to = lastOfMonth(input.month);
  const inMonth = result.segments.filter((s) => s.month === input.month);
  const periods = new Map<string, OpsvzPeriod>();
  for (const s of inMonth) {
    const p = periods.get(s.certificate);
    if (p) { p.from = minDate(p.from, s.from); p.to = maxDate(p.to, s.to); }
    else periods.set(s.certificate, { certificate: s.certificate, reason: s.reason, from: maxDate(s.from, from), to: minDate(s.to, to) });
  }
  const field090 = [...periods.values()].sort((a, b) => (a.from < b.from ? -1 : 1));
  const field110 = fullTimeHours(input.month);
  const field130 = hoursIn(inMonth.filter((s) => s.payer === 'employer'));
  const field140 = hoursIn(inMonth.filter((s) => s.payer === 'zzzs'));
  const steps = result.trace.filter((t) => t.step === 'ABSENCE' || t.step === 'EMPLOYER_PERIOD');
  const n = (v: number): string => formatNumber(v, null, 'sl');
  steps.push({
    step: 'OPSVZ', ref: 'navodilo za OPSVZ, polja 090, 110, 130, 140; RULES §10',
    sl: `Mesec ${input.month}: polje 110 = ${field110} h (delovni dnevi × 8); 130 = ${n(field130)} h v lastnem breme; 140 = ${n(field140)} h v breme ZZZS; 090: ${field090.length} obdobij.`,
    en: `Month ${input.month}: field 110 = ${field110} h (working days × 8); 130 = ${field130} h own burden; 140 = ${field140} h paid by ZZZS; 090: ${field090.length} periods.`,
    numbers: { field110, field130, field140, periods: field090.length },
  });
  return {
    month: input.month, field090, field110, field130, field140, trace: steps,
    warnings: result.warnings.filter((w) => w !== 'NO_BASE_DATA'),
  };
}

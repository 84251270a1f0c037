import { addDays, addYears, addMonths, monthOf, type IsoDate } from './dates.ts';
import { Dec } from './money.ts';
import {
  CLAIM_DUE_DAY_OF_NEXT_MONTH, CLAIM_LAPSE_YEARS, CLAIM_WARN_DAYS_BEFORE, MONTHLY_OBLIGATION_RANGE,
} from './rules/index.ts';
import type { CompensationResult, Segment } from './compensation/index.ts';

/** One line of a refund claim (eNDM / eZahtevek), RULES §8: one per ZZZS-paid segment. */
export interface ClaimLine {
  certificate: string;
  reason: string;
  from: IsoDate;
  to: IsoDate;
  hours: number;
  baseYear: number | null;
  /** "Število mesecev izplačila" in the base. */
  baseMonths: number | null;
  baseAmount: number | null;
  baseHours: number | null;
  valorisation: number | null;
  hourlyBase: number | null;
  percentage: number;
  amount: number | null;
  /** The day the claim lapses, and from when the tool warns. */
  expiresOn: IsoDate;
  warnFrom: IsoDate;
  /** False when a number is missing (no base data): the line cannot be filed as it is. */
  complete: boolean;
}

export interface ClaimWorker {
  name: string | null;
  zzzsNumber: string | null;
  emso: string | null;
}

export interface Claim {
  employerTaxNumber: string | null;
  worker: ClaimWorker;
  paymentDate: IsoDate | null;
  /** "Povprečna mesečna obveznost" in hours (1–200). */
  monthlyObligation: number;
  lines: ClaimLine[];
  total: number;
  /** The earliest expiry of its lines. */
  expiresOn: IsoDate | null;
}

/**
 * A claim lapses 3 years after the 19th day of the month following the absence month, or
 * after the day following the payment when the compensation was paid earlier (RULES §8).
 */
export function claimExpiry(segmentTo: IsoDate, paymentDate: IsoDate | null = null): { dueOn: IsoDate; expiresOn: IsoDate; warnFrom: IsoDate } {
  const day = String(CLAIM_DUE_DAY_OF_NEXT_MONTH.value).padStart(2, '0');
  let dueOn = `${addMonths(monthOf(segmentTo), 1)}-${day}`;
  if (paymentDate) {
    const afterPayment = addDays(paymentDate, 1);
    if (afterPayment < dueOn) dueOn = afterPayment;
  }
  const expiresOn = addYears(dueOn, CLAIM_LAPSE_YEARS.value);
  return { dueOn, expiresOn, warnFrom: addDays(expiresOn, -CLAIM_WARN_DAYS_BEFORE.value) };
}

export type ExpiryState = 'open' | 'expiring' | 'expired';

export function expiryState(line: { expiresOn: IsoDate; warnFrom: IsoDate }, today: IsoDate): ExpiryState {
  if (today > line.expiresOn) return 'expired';
  if (today >= line.warnFrom) return 'expiring';
  return 'open';
}

/** Default average monthly hours obligation: weekly hours × 52 / 12, rounded to 2 decimals, within 1–200. */
export function defaultMonthlyObligation(weeklyHours: number): number {
  const v = Dec.from(weeklyHours).mul(52).div(12).round(2).toNumber(2);
  return Math.min(MONTHLY_OBLIGATION_RANGE.max, Math.max(MONTHLY_OBLIGATION_RANGE.min, v));
}

function lineOf(result: CompensationResult, s: Segment, paymentDate: IsoDate | null): ClaimLine {
  const base = result.absences[s.absence]?.zzzsBase ?? null;
  const { expiresOn, warnFrom } = claimExpiry(s.to, paymentDate);
  return {
    certificate: s.certificate, reason: s.reason, from: s.from, to: s.to, hours: s.hours,
    baseYear: base?.year ?? null, baseMonths: base?.paidMonths ?? null, baseAmount: base?.amount ?? null,
    baseHours: base?.hours ?? null, valorisation: base?.valorisation ?? null,
    hourlyBase: s.hourlyBase, percentage: s.percentage, amount: s.amount, expiresOn, warnFrom,
    complete: s.amount !== null && base !== null,
  };
}

/** Claim lines from the ZZZS-paid segments of a computation. */
export function buildClaim(
  result: CompensationResult,
  options: { worker: ClaimWorker; employerTaxNumber?: string | null; paymentDate?: IsoDate | null; weeklyHours?: number; monthlyObligation?: number },
): Claim {
  const paymentDate = options.paymentDate ?? null;
  const lines = result.segments.filter((s) => s.payer === 'zzzs' && s.hours > 0).map((s) => lineOf(result, s, paymentDate));
  const total = lines.reduce((acc, l) => (l.amount === null ? acc : acc.add(l.amount)), Dec.ZERO).toNumber(2);
  const monthlyObligation = options.monthlyObligation ?? defaultMonthlyObligation(options.weeklyHours ?? 40);
  if (monthlyObligation < MONTHLY_OBLIGATION_RANGE.min || monthlyObligation > MONTHLY_OBLIGATION_RANGE.max) {
    throw new RangeError(`Povprečna mesečna obveznost mora biti med ${MONTHLY_OBLIGATION_RANGE.min} in ${MONTHLY_OBLIGATION_RANGE.max} ur (vneseno: ${monthlyObligation}).`);
  }
  return {
    employerTaxNumber: options.employerTaxNumber ?? null, worker: options.worker, paymentDate, monthlyObligation, lines, total,
    expiresOn: lines.reduce<IsoDate | null>((m, l) => (m === null || l.expiresOn < m ? l.expiresOn : m), null),
  };
}

import type { Dated } from './types.ts';
import type { ReasonGroup } from './reasons.ts';

/**
 * How long the employer pays (RULES §5). Limits are decided by the date of the day being
 * counted, so an absence that began under one law finishes under the next.
 */

const ZDR = 'ZDR-1 čl. 137';

/** Working days per absence the employer pays, group A (illness, injury outside work). */
export const PER_ABSENCE_LIMIT_A: readonly Dated<number>[] = [
  { from: '1900-01-01', to: '2022-02-28', value: 30, source: ZDR },
  { from: '2022-03-01', to: '2023-12-31', value: 20, source: `${ZDR} (ZDR-1C, ZZVZZ-R: 20 delovnih dni)` },
  { from: '2024-01-01', value: 30, source: `${ZDR}; ZIUZDS ponovno 30 delovnih dni od 1. 1. 2024, tudi za prej začete odsotnosti` },
];

/** Group B (occupational disease, injury at work): always 30. */
export const PER_ABSENCE_LIMIT_B: readonly Dated<number>[] = [
  { from: '1900-01-01', value: 30, source: ZDR },
];

/** Employer-paid working days per calendar year, group A only. */
export const ANNUAL_LIMIT_A: readonly Dated<number>[] = [
  { from: '1900-01-01', to: '2022-02-28', value: 120, source: ZDR },
  { from: '2022-03-01', to: '2023-12-31', value: 80, source: `${ZDR} (ZDR-1C)` },
  { from: '2024-01-01', value: 120, source: `${ZDR}; 120 dni od 2024 ni potrjeno`, status: 'UNCONFIRMED' },
];

export function perAbsenceLimitTable(group: ReasonGroup): readonly Dated<number>[] | null {
  if (group === 'A') return PER_ABSENCE_LIMIT_A;
  if (group === 'B') return PER_ABSENCE_LIMIT_B;
  return null;
}

export function annualLimitTable(group: ReasonGroup): readonly Dated<number>[] | null {
  return group === 'A' ? ANNUAL_LIMIT_A : null;
}

/**
 * Recurrence of the same illness (RULES §5): a break shorter than this many working days may
 * make the new absence ZZZS-paid from its first day. The exact wording is UNCONFIRMED, so the
 * user decides case by case; the tool only warns.
 */
export const RECURRENCE_BREAK_WORKING_DAYS: Dated<number> = {
  from: '1900-01-01', value: 10, source: `${ZDR} (ponovitev iste bolezni)`, status: 'UNCONFIRMED',
};

/** Calendar days of ZZZS payment at the first percentage (ZZVZZ art. 31). */
export const ZZZS_FIRST_RATE_DAYS: Dated<number> = {
  from: '2012-06-01', value: 90, source: 'ZZVZZ čl. 31; help.minimax.si »nadomestila plače nad 90 dni v breme ZZZS«',
};

import type { Dated } from './types.ts';

/** Refund claims (RULES §8). */

/** A claim lapses this many years after the day it became due. */
export const CLAIM_LAPSE_YEARS: Dated<number> = {
  from: '1900-01-01', value: 3, source: 'ZZVZZ (zastaranje zahtevka za refundacijo: 3 leta)',
};

/** The claim becomes due on this day of the month after the absence month (or the day after payment, if earlier). */
export const CLAIM_DUE_DAY_OF_NEXT_MONTH: Dated<number> = {
  from: '1900-01-01', value: 19, source: 'ZZVZZ; navodila ZZZS za refundacije',
};

/** The tool warns this many days before a claim lapses. */
export const CLAIM_WARN_DAYS_BEFORE: Dated<number> = {
  from: '1900-01-01', value: 60, source: 'spot-pomocnik', status: 'CONVENTION',
};

/** "Povprečna mesečna obveznost" in hours must lie in this range on the claim form. */
export const MONTHLY_OBLIGATION_RANGE = { min: 1, max: 200 } as const;

import type { Dated } from './types.ts';

/**
 * The project's documented choices where the sources leave a gap (RULES.md, CONVENTION).
 * They are data so the trace can name them and a user can see what was assumed.
 */

/** Once ZZZS has taken over an absence it keeps it, even if a later day's limit would allow the employer again. */
export const ZZZS_KEEPS_ABSENCE: Dated<true> = {
  from: '1900-01-01', value: true, status: 'CONVENTION',
  source: 'RULES §5: ko ZZZS prevzame plačevanje, ga obdrži do konca odsotnosti (dogovor projekta)',
};

/** The hourly base is rounded to 2 decimals before it is used, as the refund form shows it. */
export const HOURLY_BASE_ROUNDED_TO_CENTS: Dated<number> = {
  from: '1900-01-01', value: 2, status: 'CONVENTION',
  source: 'RULES §6: urna osnova zaokrožena na 2 decimalki (kot na obrazcu za refundacijo)',
};

/** Weekends and other non-working days inside an absence belong to the payer of the working day before them. */
export const NON_WORKING_DAYS_FOLLOW_PAYER: Dated<true> = {
  from: '1900-01-01', value: true, status: 'CONVENTION',
  source: 'RULES §5: dela prosti dnevi pripadajo plačniku okoliških delovnih dni (0 ur)',
};

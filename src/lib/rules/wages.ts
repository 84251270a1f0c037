import type { Dated } from './types.ts';

/**
 * Wage parameters for floors and caps of ZZZS-paid compensation (RULES §7). Users may
 * override any of them (settings, or `parameters` in a case).
 */

/** Minimum gross monthly wage (ZMinP), by the month it applies to. */
export const MINIMUM_WAGE: readonly Dated<string>[] = [
  { from: '2022-01-01', to: '2022-12-31', value: '1074.43', source: 'ZMinP, Uradni list RS (2022)' },
  { from: '2023-01-01', to: '2023-12-31', value: '1203.36', source: 'ZMinP, Uradni list RS (2023)' },
  { from: '2024-01-01', to: '2024-12-31', value: '1253.90', source: 'ZMinP, Uradni list RS (2024)' },
  { from: '2025-01-01', to: '2025-12-31', value: '1277.72', source: 'ZMinP, Uradni list RS (2025)' },
  { from: '2026-01-01', value: '1481.88', source: 'ZMinP, Uradni list RS, 30. 1. 2026' },
];

/** Annual average monthly gross wage (SURS), by the calendar year it describes. */
export const ANNUAL_AVERAGE_WAGE: readonly Dated<string>[] = [
  { from: '2023-01-01', to: '2023-12-31', value: '2255', source: 'SURS (izpeljano)', status: 'UNCONFIRMED' },
  { from: '2024-01-01', to: '2024-12-31', value: '2395', source: 'SURS po Delu, feb. 2025 (»slabih 2.395«)', status: 'UNCONFIRMED' },
  { from: '2025-01-01', to: '2025-12-31', value: '2536.03', source: 'SURS po cekin.si, mar. 2026' },
];

/**
 * ZZZS-paid compensation is at least this share of the minimum wage, pro-rated per hour
 * (the pro-rating is a CONVENTION).
 */
export const FLOOR_SHARE_OF_MINIMUM_WAGE: readonly Dated<string>[] = [
  { from: '2022-04-01', value: '0.60', source: 'ZZVZZ čl. 31 (60 % minimalne plače od 4/2022); sorazmerno na uro', status: 'CONVENTION' },
];

/**
 * ZZZS-paid compensation is at most this multiple of the average wage, pro-rated per hour
 * (the pro-rating is a CONVENTION).
 */
export const CAP_MULTIPLE_OF_AVERAGE_WAGE: readonly Dated<string>[] = [
  { from: '2024-01-01', value: '2.5', source: 'ZIUZDS čl. 34; sorazmerno na uro', status: 'CONVENTION' },
];

/**
 * ZZZS applies "the last known average monthly gross wage" month by month. CONVENTION: a month
 * of year Y uses the annual average of year Y−1; the user can enter the exact monthly figure.
 */
export const AVERAGE_WAGE_LAG_YEARS: Dated<number> = {
  from: '1900-01-01', value: 1, source: 'ZIUZDS čl. 34 (zadnja znana povprečna plača)', status: 'CONVENTION',
};

/** Full-time hours per working day, used for the monthly full-time hours (RULES §3). */
export const FULL_TIME_HOURS_PER_DAY: Dated<number> = {
  from: '1900-01-01', value: 8, source: 'navodilo za PSVZ, polje 110',
};

/** Income type that never counts into the ZZZS base (RULES §6). */
export const INCOME_TYPES_EXCLUDED_FROM_ZZZS_BASE: readonly string[] = ['1090'];

import { addMonths, monthOf, yearOf, type IsoMonth } from '../dates.ts';
import { Dec, sumNumbersOf } from '../money.ts';
import { rowWarnings, type BaseRow } from '../baseRows.ts';
import { HOURLY_BASE_ROUNDED_TO_CENTS, INCOME_TYPES_EXCLUDED_FROM_ZZZS_BASE } from '../rules/index.ts';
import type { Absence } from './absences.ts';
import type { BaseInput, ZzzsBaseInput } from './input.ts';

export type BaseKind = 'previousMonth' | 'previousThreeMonths' | 'previousYear' | 'currentYear' | 'earlierYear';

/** The base an absence is paid from, with everything a refund claim and the trace need. */
export interface Base {
  kind: BaseKind;
  /** Months whose rows were used, ascending. */
  months: IsoMonth[];
  /** Months with a paid amount (the refund form's "število mesecev izplačila"). */
  paidMonths: number;
  amount: Dec;
  hours: Dec;
  excludedAllowances: Dec;
  valorisation: Dec;
  /** Rounded to 2 decimals before use (CONVENTION, as the refund form shows it). */
  hourly: Dec;
  /** Year of the data for a ZZZS base. */
  year: number | null;
  warnings: string[];
  excludedRows: number;
}

export interface BaseFailure {
  kind: BaseKind;
  months: IsoMonth[];
  warnings: string[];
}

const inMonths = (rows: readonly BaseRow[], months: readonly IsoMonth[]): BaseRow[] =>
  rows.filter((r) => months.includes(r.month));

const amountOf = (r: BaseRow): number => r.amount ?? 0;
const hoursOf = (r: BaseRow): number => r.hours ?? 0;
const totalOf = (rows: readonly BaseRow[], key: 'amount' | 'hours'): Dec => sumNumbersOf(rows, key === 'amount' ? amountOf : hoursOf);

/** The codes without repeats, first occurrence kept. */
function distinct(codes: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of codes) if (!out.includes(c)) out.push(c);
  return out;
}

/** True when each row is of a later month than the one before (one row a month, in order: the usual data). */
function monthsAscending(rows: readonly BaseRow[]): boolean {
  for (let i = 1; i < rows.length; i++) if (rows[i - 1]!.month >= rows[i]!.month) return false;
  return true;
}

function distinctMonths(rows: readonly BaseRow[]): IsoMonth[] {
  if (monthsAscending(rows)) return rows.map((r) => r.month);
  return [...new Set(rows.map((r) => r.month))].sort();
}

function paidMonths(rows: readonly BaseRow[]): number {
  if (monthsAscending(rows)) {
    let paid = 0;
    for (let i = 0; i < rows.length; i++) if ((rows[i]!.amount ?? 0) > 0) paid++;
    return paid;
  }
  return new Set(rows.filter((r) => (r.amount ?? 0) > 0).map((r) => r.month)).size;
}

/**
 * Employer base (RULES §6): group A the previous month, group B the previous three months;
 * hourly base = Σ amounts / Σ hours, blanks counted as 0.
 */
export function employerBase(absence: Absence, input: BaseInput): Base | BaseFailure {
  const start = monthOf(absence.from);
  const kind: BaseKind = absence.group === 'B' ? 'previousThreeMonths' : 'previousMonth';
  const months = kind === 'previousMonth' ? [addMonths(start, -1)] : [addMonths(start, -3), addMonths(start, -2), addMonths(start, -1)];
  const rows = inMonths(input.rows, months);
  const warnings: string[] = input.noData ? ['NO_DATA_IN_DISCLOSURE'] : [];
  warnings.push(...rowWarnings(rows));
  const amount = totalOf(rows, 'amount');
  const hours = totalOf(rows, 'hours');
  if (rows.length === 0 || hours.isZero()) return { kind, months, warnings: [...warnings, 'NO_BASE_DATA'] };
  const found = distinctMonths(rows);
  if (found.length < months.length) warnings.push('EMPLOYER_BASE_MONTHS_MISSING');
  return {
    kind, months: found, paidMonths: paidMonths(rows), amount, hours, excludedAllowances: Dec.ZERO, valorisation: Dec.ONE,
    hourly: amount.div(hours).round(HOURLY_BASE_ROUNDED_TO_CENTS.value), year: null, warnings, excludedRows: 0,
  };
}

/**
 * ZZZS base (RULES §6): the calendar year before the year the absence began; if that year has
 * no usable data, the current year up to the month before the absence (with a warning); if
 * that has none either, the latest earlier year, multiplied by the valorisation coefficient.
 */
export function zzzsBase(absence: Absence, input: ZzzsBaseInput): Base | BaseFailure {
  const year = yearOf(absence.from);
  const startMonth = monthOf(absence.from);
  const excluded = (r: BaseRow): boolean => INCOME_TYPES_EXCLUDED_FROM_ZZZS_BASE.includes(r.incomeType);
  const eligible = input.rows.some(excluded) ? input.rows.filter((r) => !excluded(r)) : input.rows;
  const excludedRows = input.rows.length - eligible.length;
  const warnings: string[] = input.noData ? ['NO_DATA_IN_DISCLOSURE'] : [];
  /** Σ hours of rows that can make a base; null when they cannot. */
  const usableHours = (rows: readonly BaseRow[]): Dec | null => {
    if (rows.length === 0) return null;
    const hours = totalOf(rows, 'hours');
    return hours.isZero() ? null : hours;
  };

  const previous = eligible.filter((r) => Number(r.month.slice(0, 4)) === year - 1);
  let chosen: { rows: BaseRow[]; kind: BaseKind; year: number; hours: Dec } | null = null;
  const previousHours = usableHours(previous);
  if (previousHours) {
    chosen = { rows: previous, kind: 'previousYear', year: year - 1, hours: previousHours };
  } else {
    warnings.push(...rowWarnings(previous));
    const current = eligible.filter((r) => Number(r.month.slice(0, 4)) === year && r.month < startMonth);
    const currentHours = usableHours(current);
    if (currentHours) {
      chosen = { rows: current, kind: 'currentYear', year, hours: currentHours };
      warnings.push('ZZZS_BASE_FROM_CURRENT_YEAR');
    } else {
      const earlierYears = [...new Set(eligible.map((r) => Number(r.month.slice(0, 4))).filter((y) => y < year - 1))].sort((a, b) => b - a);
      for (const y of earlierYears) {
        const rows = eligible.filter((r) => Number(r.month.slice(0, 4)) === y);
        const hours = usableHours(rows);
        if (hours) {
          chosen = { rows, kind: 'earlierYear', year: y, hours };
          warnings.push('ZZZS_BASE_FROM_EARLIER_YEAR');
          break;
        }
      }
    }
  }
  if (!chosen) {
    const kind: BaseKind = 'previousYear';
    return { kind, months: [], warnings: [...warnings, 'NO_BASE_DATA'] };
  }
  warnings.push(...rowWarnings(chosen.rows));
  const amount = totalOf(chosen.rows, 'amount');
  const hours = chosen.hours;
  let net = amount.sub(input.excludedAllowances);
  if (net.isNegative()) {
    warnings.push('EXCLUDED_ALLOWANCES_EXCEED_BASE');
    net = Dec.ZERO;
  }
  const valorisation = chosen.kind === 'earlierYear' ? input.valorisation : Dec.ONE;
  return {
    kind: chosen.kind, months: distinctMonths(chosen.rows), paidMonths: paidMonths(chosen.rows), amount, hours,
    excludedAllowances: input.excludedAllowances, valorisation,
    hourly: net.div(hours).mul(valorisation).round(HOURLY_BASE_ROUNDED_TO_CENTS.value), year: chosen.year, warnings: distinct(warnings), excludedRows,
  };
}

export function isBase(b: Base | BaseFailure): b is Base {
  return 'hourly' in b;
}

import { Dec } from '../money.ts';
import type { IsoDate, IsoMonth } from '../dates.ts';
import { validOn, type Dated, type RuleStatus } from './types.ts';
import { reasonOf, type Reason, type ReasonGroup, type ZzzsPercentages } from './reasons.ts';
import { annualLimitTable, perAbsenceLimitTable } from './employerPeriod.ts';
import {
  ANNUAL_AVERAGE_WAGE, AVERAGE_WAGE_LAG_YEARS, CAP_MULTIPLE_OF_AVERAGE_WAGE, FLOOR_SHARE_OF_MINIMUM_WAGE, MINIMUM_WAGE,
} from './wages.ts';

export * from './types.ts';
export * from './reasons.ts';
export * from './employerPeriod.ts';
export * from './wages.ts';
export * from './holidays.ts';
export * from './claims.ts';
export * from './conventions.ts';

/** A parameter value as used in a computation, with where it came from (for the trace). */
export interface Param<T> {
  value: T;
  source: string;
  status?: RuleStatus;
  /** True when the user's override replaced the legal table. */
  overridden?: boolean;
}

/**
 * A user's overrides. A single value applies to every month; a map is keyed by year
 * (`2025`) or month (`2025-03`), the month winning over the year.
 */
export type MonthlyOverride = number | string | Readonly<Record<string, number | string>>;

export interface RuleOverrides {
  minimumWage?: MonthlyOverride;
  /** The average wage ZZZS uses for the cap in a month (no lag applied to an override). */
  averageWage?: MonthlyOverride;
  perAbsenceLimitA?: number;
  perAbsenceLimitB?: number;
  annualLimitA?: number;
}

const USER = 'vnos uporabnika';

function monthlyOverride(o: MonthlyOverride | undefined, month: IsoMonth): Dec | null {
  if (o === undefined || o === null) return null;
  if (typeof o === 'number' || typeof o === 'string') return Dec.from(o);
  const v = o[month] ?? o[month.slice(0, 4)];
  return v === undefined ? null : Dec.from(v);
}

/**
 * Params are shared between computations (issue 8: a lookup per working day and per segment
 * would otherwise parse and allocate the same value again); they are frozen so that no
 * caller can change one for the next.
 */
const paramOfRow = new WeakMap<object, Param<unknown>>();

function paramOf<T, V>(row: Dated<T>, value: (v: T) => V): Param<V> {
  let p = paramOfRow.get(row) as Param<V> | undefined; // the row's own Param, made by this function
  if (!p) {
    p = Object.freeze({ value: value(row.value), source: row.source, ...(row.status ? { status: row.status } : {}) });
    paramOfRow.set(row, p);
  }
  return p;
}

const toDec = (v: string): Dec => Dec.from(v);
const same = <T>(v: T): T => v;

function fromTable(rows: readonly Dated<string>[], date: IsoDate): Param<Dec> | null {
  const row = validOn(rows, date);
  return row ? paramOf(row, toDec) : null;
}

function numberFromTable(rows: readonly Dated<number>[] | null, date: IsoDate): Param<number> | null {
  const row = rows ? validOn(rows, date) : null;
  return row ? paramOf(row, same) : null;
}

/** The legal average wage for the cap in a month, by month (the source text names the month). */
const averageWageByMonth = new Map<IsoMonth, Param<Dec> | null>();

function averageWageFromTable(month: IsoMonth): Param<Dec> | null {
  let out = averageWageByMonth.get(month);
  if (out === undefined) {
    const lag = AVERAGE_WAGE_LAG_YEARS.value;
    const year = Number(month.slice(0, 4)) - lag;
    const p = fromTable(ANNUAL_AVERAGE_WAGE, `${year}-07-01`);
    out = p && Object.freeze({
      ...p,
      source: `${p.source}; povprečna plača leta ${year} za mesec ${month} (${AVERAGE_WAGE_LAG_YEARS.source})`,
      status: p.status ?? 'CONVENTION',
    });
    averageWageByMonth.set(month, out);
  }
  return out;
}

export interface Rules {
  reason(code: string): Reason | null;
  zzzsPercentages(reason: Reason, date: IsoDate): Param<ZzzsPercentages> | null;
  perAbsenceLimit(group: ReasonGroup, date: IsoDate): Param<number> | null;
  annualLimit(group: ReasonGroup, date: IsoDate): Param<number> | null;
  minimumWage(month: IsoMonth): Param<Dec> | null;
  averageWageForCap(month: IsoMonth): Param<Dec> | null;
  floorShare(date: IsoDate): Param<Dec> | null;
  capMultiple(date: IsoDate): Param<Dec> | null;
}

const minimumWageByMonth = new Map<IsoMonth, Param<Dec> | null>();

function minimumWageFromTable(month: IsoMonth): Param<Dec> | null {
  let out = minimumWageByMonth.get(month);
  if (out === undefined) {
    out = fromTable(MINIMUM_WAGE, `${month}-01`);
    minimumWageByMonth.set(month, out);
  }
  return out;
}

let legalRules: Rules | null = null;

/** The legal tables, with the user's overrides on top. */
export function createRules(overrides: RuleOverrides = {}): Rules {
  // Without overrides every computation can share one set (issue 8: one per computation is
  // made for each of thousands of absences in a batch).
  if (Object.values(overrides).every((v) => v === undefined)) return (legalRules ??= rulesWith({}));
  return rulesWith(overrides);
}

function rulesWith(overrides: RuleOverrides): Rules {
  const limitOverride = (group: ReasonGroup): number | undefined =>
    group === 'A' ? overrides.perAbsenceLimitA : group === 'B' ? overrides.perAbsenceLimitB : undefined;
  return {
    reason: reasonOf,
    zzzsPercentages(reason, date) {
      const row = validOn(reason.zzzs, date);
      return row ? paramOf(row, same) : null;
    },
    perAbsenceLimit(group, date) {
      const o = limitOverride(group);
      if (o !== undefined) return { value: o, source: USER, overridden: true };
      return numberFromTable(perAbsenceLimitTable(group), date);
    },
    annualLimit(group, date) {
      if (group === 'A' && overrides.annualLimitA !== undefined) {
        return { value: overrides.annualLimitA, source: USER, overridden: true };
      }
      return numberFromTable(annualLimitTable(group), date);
    },
    minimumWage(month) {
      const o = monthlyOverride(overrides.minimumWage, month);
      if (o) return { value: o, source: USER, overridden: true };
      return minimumWageFromTable(month);
    },
    averageWageForCap(month) {
      const o = monthlyOverride(overrides.averageWage, month);
      if (o) return { value: o, source: USER, overridden: true };
      return averageWageFromTable(month);
    },
    floorShare: (date) => fromTable(FLOOR_SHARE_OF_MINIMUM_WAGE, date),
    capMultiple: (date) => fromTable(CAP_MULTIPLE_OF_AVERAGE_WAGE, date),
  };
}

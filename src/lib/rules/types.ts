import type { IsoDate } from '../dates.ts';

/**
 * How sure the project is of a rule (RULES.md): a value from a primary source has no flag;
 * UNCONFIRMED values should be verified by the user; CONVENTION is the project's documented
 * choice where the sources leave a gap. Both are shown in the computation trace.
 */
export type RuleStatus = 'UNCONFIRMED' | 'CONVENTION';

/** A value valid from `from` to `to` (inclusive; open-ended when absent), with its source. */
export interface Dated<T> {
  from: IsoDate;
  to?: IsoDate;
  value: T;
  source: string;
  status?: RuleStatus;
}

export class MissingRuleError extends Error {
  readonly code = 'NO_RULE_FOR_DATE';
  constructor(readonly parameter: string, readonly date: IsoDate) {
    super(`Za parameter »${parameter}« ni pravila za datum ${date}. Vnesite vrednost v nastavitvah.`);
  }
}

/** The row valid on `date`, or null. Rows may not overlap (checked by the rules tests). */
export function validOn<T>(rows: readonly Dated<T>[], date: IsoDate): Dated<T> | null {
  for (const row of rows) {
    if (row.from <= date && (row.to === undefined || date <= row.to)) return row;
  }
  return null;
}

export function requireOn<T>(rows: readonly Dated<T>[], date: IsoDate, parameter: string): Dated<T> {
  const row = validOn(rows, date);
  if (!row) throw new MissingRuleError(parameter, date);
  return row;
}

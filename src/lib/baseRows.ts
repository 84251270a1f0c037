import type { IsoMonth } from './dates.ts';

/**
 * One monthly row of base data, as FURS discloses it (REK or OPSV return) or as the
 * employer's payroll gives it. Amounts are gross euros; hours the hours of that income.
 * A blank cell is `null`, never 0, so that it can be reported.
 */
export interface BaseRow {
  month: IsoMonth;
  /** Normalised: `REK` (REK-O, REK-1, REK-1b …) or `OPSV` (OPSVZ, OPSVL …); other text kept upper-cased. */
  source: string;
  /** Income type or insurance basis, leading zeros kept (`1001`, `005`). */
  incomeType: string;
  amount: number | null;
  hours: number | null;
  /** The source as written in the file (`REK-1b`), when it differs from `source`. */
  sourceRaw?: string;
}

/** Warning codes shared by the disclosure readers and the compensation engine (CASES.md). */
export type BaseWarningCode =
  | 'BLANK_CELLS'
  | 'NO_DATA_IN_DISCLOSURE'
  | 'AMOUNT_WITHOUT_HOURS'
  | 'PARENTAL_40_HOURS_2023';

/** Rows of parental compensation in H1 2023 were reported with 40 hours (REK-1b correction pending). */
function isParental40Hours2023(row: BaseRow): boolean {
  return row.month >= '2023-01' && row.month <= '2023-06' && row.hours === 40;
}

/**
 * What is suspicious in a set of rows (RULES §6, seed 001). Pure: the same rows always give
 * the same codes, in a fixed order, each at most once.
 */
export function rowWarnings(rows: readonly BaseRow[]): BaseWarningCode[] {
  const out = new Set<BaseWarningCode>();
  for (const row of rows) {
    if (row.amount === null || row.hours === null) out.add('BLANK_CELLS');
    if (row.amount !== null && row.amount !== 0 && (row.hours === null || row.hours === 0)) out.add('AMOUNT_WITHOUT_HOURS');
    if (isParental40Hours2023(row)) out.add('PARENTAL_40_HOURS_2023');
  }
  const order: BaseWarningCode[] = ['BLANK_CELLS', 'NO_DATA_IN_DISCLOSURE', 'AMOUNT_WITHOUT_HOURS', 'PARENTAL_40_HOURS_2023'];
  return order.filter((c) => out.has(c));
}

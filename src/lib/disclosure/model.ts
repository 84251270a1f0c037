import type { BaseRow, BaseWarningCode } from '../baseRows.ts';
import type { IsoDate } from '../dates.ts';

/**
 * A FURS disclosure ("Podatki za izračun osnove") as `spot-companion parse` prints it
 * (FORMATS.md, "Normalised output"). Readers return a whole `Disclosure` or throw a
 * `ReadError`; nothing is half-returned.
 */
export type DisclosureRow = BaseRow;

export type DisclosurePayer = 'zzzs' | 'employer';

export interface DisclosureSection {
  basePeriod: { from: IsoDate | null; to: IsoDate | null };
  payer: DisclosurePayer | null;
  /** The section reads "NI PODATKOV" (or its table is empty): no rows, totals 0. */
  noData: boolean;
  /** In file order. */
  rows: DisclosureRow[];
  /** Exact decimal sums of the rows; blank cells count as 0 (and raise BLANK_CELLS). */
  totals: { amount: number; hours: number };
}

export interface Disclosure {
  type: 'disclosure';
  queryNumber: string | null;
  employerTaxNumber: string | null;
  workerTaxNumber: string | null;
  preparedOn: IsoDate | null;
  validUntil: IsoDate | null;
  sections: DisclosureSection[];
  /** Warning codes, each once, in a fixed order (see `DISCLOSURE_WARNING_ORDER`). */
  warnings: BaseWarningCode[];
}

import { foldLabel } from '../text/fold.ts';
import { REQUIRED_COLUMN_NAMES, type ColumnField } from './labels.ts';

/**
 * A column mapping made by hand (FORMATS.md rule 4): when a CSV's table header is not in the
 * label table (`MISSING_COLUMNS`), the user says which column holds which field, and the
 * mapping is remembered under the file's header signature, so the next file of the same
 * shape is read without asking.
 *
 * Keys are header texts as found in the file (compared folded), values the field they hold.
 * A column left out is ignored. `year` + `month` or one `month` column (a whole month or a
 * date) give the period; `amount` is required; `source`, `incomeType` and `hours` may be
 * missing (their cells are then blank, which the reader reports as usual).
 */
export type ColumnMapping = Readonly<Record<string, ColumnField>>;

export interface DisclosureCsvOptions {
  /** Applied to a table header whose cells contain every label of the mapping. */
  columnMapping?: ColumnMapping | null;
}

export const MAPPABLE_FIELDS: readonly ColumnField[] = ['year', 'month', 'source', 'incomeType', 'amount', 'hours'];

/** The folded, non-blank header cells joined by `|`: the key a remembered mapping is kept under. */
export function headerSignature(headers: readonly string[]): string {
  return headers.map((h) => foldLabel(h)).filter((h) => h !== '').join('|');
}

/**
 * What is wrong with a mapping, in Slovenian (empty when nothing is): it needs a period
 * (`month`, optionally with `year`) and an amount, and each field at most once.
 */
export function mappingProblems(mapping: ColumnMapping): string[] {
  const fields = Object.values(mapping);
  const problems: string[] = [];
  if (!fields.includes('month')) problems.push(`Določite stolpec za »${REQUIRED_COLUMN_NAMES.period}«.`);
  if (!fields.includes('amount')) problems.push(`Določite stolpec za »${REQUIRED_COLUMN_NAMES.amount}«.`);
  const twice = MAPPABLE_FIELDS.filter((f) => fields.filter((x) => x === f).length > 1);
  for (const f of twice) problems.push(`Polje »${f}« je določeno za več stolpcev.`);
  const unknown = fields.filter((f) => !MAPPABLE_FIELDS.includes(f));
  for (const f of unknown) problems.push(`Neznano polje »${String(f)}«.`);
  return problems;
}

/**
 * The columns of `cells` by index when it is the header the mapping was made for (every
 * mapped label is among the cells, compared folded), else `null`.
 */
export function mappedColumns(cells: readonly string[], mapping: ColumnMapping): Partial<Record<ColumnField, number>> | null {
  const entries = Object.entries(mapping);
  if (entries.length === 0) return null;
  const folded = cells.map((c) => foldLabel(c));
  const out: Partial<Record<ColumnField, number>> = {};
  for (const [label, field] of entries) {
    const index = folded.indexOf(foldLabel(label));
    if (index < 0) return null;
    out[field] = index;
  }
  return out;
}

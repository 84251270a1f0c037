import type { IsoMonth } from '../dates.ts';
import { ReadError } from '../errors.ts';
import { monthOf, parseDate, parseMonth, parsePeriod } from '../parse/date.ts';
import { parseDecimal } from '../parse/number.ts';
import { foldLabel } from '../text/fold.ts';
import { type ColumnField, TOTAL_ROW_LABELS } from './labels.ts';
import type { DisclosureRow } from './model.ts';

/** The raw texts of one row, by field; `undefined` = the file has no such column. */
export type RowCells = Partial<Record<ColumnField, string>>;

export interface RowContext {
  line?: number;
  /** Numbers come from XML (`123.456` is a decimal, see parseDecimal). */
  xml?: boolean;
}

/**
 * One table row → a `DisclosureRow`. Returns `null` for a row with nothing in it and for a
 * sum line (*Skupaj*); throws `BAD_DATE` / `BAD_NUMBER` (with the line) for cells that are
 * not what their column promises.
 */
export function toDisclosureRow(cells: RowCells, context: RowContext = {}): DisclosureRow | null {
  return rowOf(cells.year, cells.month, cells.source, cells.incomeType, cells.amount, cells.hours, context.line, context.xml === true);
}

/**
 * The same for a CSV line: the cells of the line and the column of each field. Taken
 * apart here so a data row makes no object of cells by field on the way.
 */
export function rowOfCells(cells: readonly string[], columns: Partial<Record<ColumnField, number>>, line: number): DisclosureRow | null {
  return rowOf(
    cellAt(cells, columns.year), cellAt(cells, columns.month), cellAt(cells, columns.source),
    cellAt(cells, columns.incomeType), cellAt(cells, columns.amount), cellAt(cells, columns.hours), line, false,
  );
}

// Not a closure in rowOfCells: the transpilers' keep-names helper would run per row.
function cellAt(cells: readonly string[], col: number | undefined): string | undefined {
  return col === undefined ? undefined : (cells[col] ?? '');
}

function rowOf(
  yearCell: string | undefined, monthCell: string | undefined, sourceCell: string | undefined,
  incomeCell: string | undefined, amountCell: string | undefined, hoursCell: string | undefined,
  line: number | undefined, xml: boolean,
): DisclosureRow | null {
  const year = (yearCell ?? '').trim(), month = (monthCell ?? '').trim();
  const rawSource = (sourceCell ?? '').trim(), income = (incomeCell ?? '').trim();
  const amount = (amountCell ?? '').trim(), hours = (hoursCell ?? '').trim();
  if (year === '' && month === '' && rawSource === '' && income === '' && amount === '' && hours === '') return null;
  if (isTotalLabel(year || month || rawSource || '')) return null;

  const ctx = line !== undefined ? { line } : {};
  let m: IsoMonth;
  if (year !== '' || (yearCell !== undefined && month !== '' && !/\d{4}/.test(month))) {
    m = monthOf(year, month, ctx);
  } else if (month !== '') {
    m = monthFromCell(month, line);
  } else {
    throw new ReadError('BAD_DATE', 'Vrstica s podatki nima meseca (stolpec »Mesec« ali »Leto« + »Mesec« je prazen).', {
      expected: ['mesec'], found: [''], ...ctx,
    });
  }

  const source = normaliseSource(rawSource);
  const row: DisclosureRow = {
    month: m,
    source,
    incomeType: normaliseIncomeType(income),
    amount: parseDecimal(amount, { label: 'Znesek', xml, line }),
    hours: parseDecimal(hours, { label: 'Ure', xml, line }),
  };
  if (rawSource !== '' && rawSource !== source) row.sourceRaw = rawSource;
  return row;
}

/** `2024-01`, `01/2024`, `1.2024`, also a date (`31.01.2024`) or a one-month period. */
function monthFromCell(text: string, line: number | undefined): IsoMonth {
  const ctx = { label: 'Mesec', ...(line !== undefined ? { line } : {}) };
  try {
    return parseMonth(text, ctx) as IsoMonth; // non-blank, so never null
  } catch (monthError) {
    try {
      const d = parseDate(text, ctx);
      if (d) return d.slice(0, 7);
    } catch { /* not a date either */ }
    try {
      const p = parsePeriod(text, ctx);
      if (p && p.from.slice(0, 7) === p.to.slice(0, 7)) return p.from.slice(0, 7);
    } catch { /* not a period either */ }
    throw monthError;
  }
}

/** REK-O, REK-1, REK-1b … → REK; OPSVZ, OPSVL … → OPSV; anything else upper-cased. */
export function normaliseSource(raw: string): string {
  // What FURS writes (REK-O, OPSVZ …) decides at once; anything else is looked at closely.
  if (raw.startsWith('REK')) return 'REK';
  if (raw.startsWith('OPSV')) return 'OPSV';
  const upper = raw.trim().toUpperCase();
  const letters = upper.replace(/[^A-Z0-9]/g, '');
  if (letters.startsWith('REK')) return 'REK';
  if (letters.startsWith('OPSV')) return 'OPSV';
  return upper;
}

/** Keeps leading zeros (`005`); `1001 - Plača` → `1001`. */
export function normaliseIncomeType(raw: string): string {
  if (isDigits(raw)) return raw; // the usual case: a code such as 1001 or 005
  const m = /^(\d+)\s*(?:[-–:]\s*)?\p{L}/u.exec(raw);
  return m ? (m[1] ?? raw) : raw;
}

export function isTotalLabel(cell: string): boolean {
  // Asked for every data row, whose first cell is a year or a month: no RegExp for those.
  if (cell === '' || isDigits(cell) || /^[\d\s.,/-]+$/.test(cell)) return false;
  const first = foldLabel(cell).split(' ')[0] ?? '';
  return (TOTAL_ROW_LABELS as readonly string[]).includes(first);
}

/** `/^\d+$/` without a RegExp. */
function isDigits(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

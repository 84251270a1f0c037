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
  const year = (cells.year ?? '').trim(), month = (cells.month ?? '').trim();
  const rawSource = (cells.source ?? '').trim(), income = (cells.incomeType ?? '').trim();
  const amount = (cells.amount ?? '').trim(), hours = (cells.hours ?? '').trim();
  if (year === '' && month === '' && rawSource === '' && income === '' && amount === '' && hours === '') return null;
  if (isTotalLabel(year || month || rawSource || '')) return null;

  const line = context.line;
  const ctx = line !== undefined ? { line } : {};
  let m: IsoMonth;
  if (year !== '' || (cells.year !== undefined && month !== '' && !/\d{4}/.test(month))) {
    m = monthOf(year, month, ctx);
  } else if (month !== '') {
    m = monthFromCell(month, context);
  } else {
    throw new ReadError('BAD_DATE', 'Vrstica s podatki nima meseca (stolpec »Mesec« ali »Leto« + »Mesec« je prazen).', {
      expected: ['mesec'], found: [''], ...ctx,
    });
  }

  const xml = context.xml === true;
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
function monthFromCell(text: string, context: RowContext): IsoMonth {
  const ctx = { label: 'Mesec', ...(context.line !== undefined ? { line: context.line } : {}) };
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
  if (/^\d+$/.test(raw)) return raw; // the usual case: a code such as 1001 or 005
  const m = /^(\d+)\s*(?:[-–:]\s*)?\p{L}/u.exec(raw);
  return m ? (m[1] ?? raw) : raw;
}

export function isTotalLabel(cell: string): boolean {
  if (cell === '' || /^\d+$/.test(cell) || /^[\d\s.,/-]+$/.test(cell)) return false;
  const first = foldLabel(cell).split(' ')[0] ?? '';
  return (TOTAL_ROW_LABELS as readonly string[]).includes(first);
}

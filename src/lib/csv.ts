import Papa from 'papaparse';
import { Dec } from './money.ts';
import { isIsoDate } from './dates.ts';

/**
 * CSV export for payroll programs and Excel. Two dialects: "Excel (SI)" — `;`, decimal
 * comma, dates `DD.MM.LLLL`, UTF-8 BOM, CRLF — and standard CSV (RFC 4180: `,`, decimal
 * point, ISO dates). Text that a spreadsheet would run as a formula is neutralised.
 */
export type CsvDialect = 'excel-si' | 'csv';

export type Cell = string | number | null | undefined | { date: string } | { decimal: string | number; places?: number };

export interface Column<T> {
  header: string;
  value: (row: T) => Cell;
}

/**
 * Starts a spreadsheet formula or DDE: `=`, `+`, `-`, `@`, tab or CR as the first character,
 * also after leading spaces (OWASP CSV injection).
 */
const FORMULA_START = /^[\s\u00a0]*[=+\-@\t\r]/;

/** Prefixes text that would be read as a formula with `'`, so it stays text. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function formatDecimal(v: number | string, places: number | undefined, dialect: CsvDialect): string {
  const d = Dec.from(v);
  const text = places === undefined ? d.toString() : d.toFixed(places);
  return dialect === 'excel-si' ? text.replace('.', ',') : text;
}

export function formatCell(cell: Cell, dialect: CsvDialect): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return '';
    return formatDecimal(cell, undefined, dialect);
  }
  if (typeof cell === 'object') {
    if ('date' in cell) {
      if (!isIsoDate(cell.date)) return neutraliseFormula(cell.date);
      const [y, m, d] = cell.date.split('-');
      return dialect === 'excel-si' ? `${d}.${m}.${y}` : cell.date;
    }
    return formatDecimal(cell.decimal, cell.places, dialect);
  }
  return neutraliseFormula(cell);
}

/** The file's text (with BOM for Excel SI). */
export function toCsv<T>(rows: readonly T[], columns: readonly Column<T>[], dialect: CsvDialect): string {
  const data = rows.map((r) => columns.map((c) => formatCell(c.value(r), dialect)));
  const body = Papa.unparse(
    { fields: columns.map((c) => neutraliseFormula(c.header)), data },
    { delimiter: dialect === 'excel-si' ? ';' : ',', newline: '\r\n', quotes: false, escapeFormulae: false },
  );
  return `${dialect === 'excel-si' ? '\ufeff' : ''}${body}\r\n`;
}

/** A safe file name: `spot-pomocnik_<kind>_<employer>_<date>.csv`, letters, digits, `-` and `_` only. */
export function exportFileName(kind: string, employer: string | null, date: string): string {
  const clean = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return ['spot-pomocnik', clean(kind), employer ? clean(employer) : null, clean(date)].filter(Boolean).join('_') + '.csv';
}

import { ReadError, excerpt, quoteList } from '../errors.ts';
import { readInputText } from '../encoding.ts';
import { foldLabel } from '../text/fold.ts';
import { matchHeaders, matchLabel } from '../text/labels.ts';
import { DisclosureBuilder } from './builder.ts';
import { lineEndingOf, trimmedCells } from './cells.ts';
import { sniffDelimiter } from './delimiter.ts';
import { type ColumnField, type HeaderField, COLUMN_LABELS, HEADER_LABELS, NO_DATA_TEXTS, REQUIRED_COLUMN_NAMES } from './labels.ts';
import { type DisclosureCsvOptions, mappedColumns, mappingProblems } from './mapping.ts';
import type { Disclosure } from './model.ts';
import { isTotalLabel, rowOfCells } from './rows.ts';
import { parseMonth } from '../parse/date.ts';

/**
 * The CSV disclosure (FORMATS.md): a header block of `key;value` lines, then a table; a file
 * may hold several sections, each with its own *Obdobje osnove* line, and a section may
 * read "NI PODATKOV". Lines are classified one by one:
 *
 * 1. blank → pauses a table (rows with a period after it still belong to it);
 * 2. a short line reading "NI PODATKOV" → the section has no data;
 * 3. ≥ 2 cells naming different table columns → a table header (MISSING_COLUMNS when a
 *    required column is not among them);
 * 4. first cell a header key → `key;value` (a table ends here too);
 * 5. inside a table → a data row (a *Skupaj* line is skipped; a short wordy line ends it);
 * 6. outside a table, a wide line that is no table header we know → MISSING_COLUMNS;
 * 7. anything else (titles, unknown `key;value` lines, footers) is ignored.
 *
 * `options.columnMapping` (a mapping the user made by hand, see `mapping.ts`) is tried
 * first on every candidate header line; a line it fits is the table header.
 */
export function readDisclosureCsv(input: Uint8Array | string, options: DisclosureCsvOptions = {}): Disclosure {
  return readDisclosureCsvText(readInputText(input), options);
}

/** The same, for text already decoded and checked by `readInputText` (documents.ts). */
export function readDisclosureCsvText(text: string, options: DisclosureCsvOptions = {}): Disclosure {
  const mapping = options.columnMapping ?? null;
  if (mapping) {
    const problems = mappingProblems(mapping);
    if (problems.length > 0) {
      throw new ReadError('MISSING_COLUMNS', `Ročna določitev stolpcev ni popolna: ${problems.join(' ')}`, {
        expected: [REQUIRED_COLUMN_NAMES.period, REQUIRED_COLUMN_NAMES.amount], found: Object.keys(mapping),
      });
    }
  }
  if (!/\S/.test(text)) throw new ReadError('EMPTY', 'Datoteka je prazna.');
  const delimiter = sniffDelimiter(text);
  // Telling the splitter the line ending saves it a guessing pass over the text.
  const rows = trimmedCells(text, delimiter, lineEndingOf(text));

  const b = new DisclosureBuilder();
  let table: Table | null = null;
  // A blank line pauses a table: data-like rows after it still belong to it, anything else ends it.
  let paused = false;
  // Where the first non-blank lines are, for the error message (made only when needed).
  const firstRows: number[] = [];

  for (let index = 0; index < rows.length; index++) {
    const line = index + 1; // exact unless a quoted cell spans lines
    const cells = rows[index] ?? [];
    // The non-blank cells are counted, not copied: most lines need only their number and the first.
    let filledCount = 0;
    let first = '';
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]!;
      if (c === '') continue;
      if (filledCount === 0) first = c;
      filledCount++;
    }
    if (filledCount === 0) { paused = table !== null; continue; }
    if (firstRows.length < 3) firstRows.push(index);

    // A marker line, not a remark in some column of a data row.
    if (filledCount <= 2 && cells.some(isNoDataText)) { b.noData(line); table = null; continue; }

    // Inside a table, a row whose period cell looks like a year or month is data: skip the
    // label matching. (A footer such as "(ZDavP-2, 15. člen)" has digits but is no period.)
    const dataLike: boolean = table !== null && looksLikePeriod(cells[table.periodColumn] ?? '');
    const byHand: Columns | null = mapping && !dataLike ? mappedColumns(cells, mapping) : null;
    // A table header names at least three columns (five are required): key;value lines are not tried.
    const header: Columns | null = byHand ?? (filledCount >= 3 && !dataLike ? tableHeaderOf(cells) : null);
    if (header) {
      const signature = cells.join('\u0000');
      paused = false;
      if (table && table.signature === signature) continue; // header repeated (page break)
      if (!byHand) requireColumns(header, cells, line);
      b.tableHeader(line);
      table = { columns: header, signature, periodColumn: header.year ?? header.month ?? 0 };
      continue;
    }

    const key = filledCount <= 3 ? keyValueOf(cells, filledCount, first) : null;
    if (key) {
      table = null;
      b.header(key.field, key.value, line);
      continue;
    }

    // Data: a row with a period, or a wide row right under the table (then it must be one,
    // and a bad cell is reported). A short wordy line (a footer, a signature) ends the table.
    if (table && (dataLike || (!paused && filledCount >= 3))) {
      paused = false;
      if (isTotalLabel(first)) continue;
      const row = rowOfCells(cells, table.columns, line);
      if (row) b.row(row, line);
      continue;
    }
    table = null;

    // A wide line outside a table: a table header with columns we do not know.
    const someColumn = filledCount >= 3 && cells.some((c) => c !== '' && matchLabel(c, COLUMN_LABELS) !== null);
    if ((filledCount >= 4 && b.recognisedAnything) || someColumn) {
      requireColumns(matchHeaders(cells, COLUMN_LABELS).columns, cells, line);
    }
  }

  if (!b.recognisedAnything) {
    const firstLines = firstRows.map((i) => excerpt((rows[i] ?? []).join(delimiter === '\t' ? ' ' : delimiter), 60));
    throw new ReadError(
      'NOT_RECOGNISED',
      `Datoteka ni prepoznana kot »Podatki za izračun osnove«: ni glave (npr. »Številka poizvedbe«, »Obdobje osnove«) in ne tabele s stolpci Leto, Mesec, Vir, Vrsta dohodka, Znesek, Ure. Začetek datoteke: ${quoteList(firstLines)}.`,
      { expected: ['Številka poizvedbe', 'Obdobje osnove', 'Leto', 'Mesec', 'Vir', 'Vrsta dohodka', 'Znesek', 'Ure'], found: firstLines },
    );
  }
  return b.finish();
}

type Columns = Partial<Record<ColumnField, number>>;

interface Table {
  columns: Columns;
  /** The header cells, to recognise a repeated header. */
  signature: string;
  /** Where the row's period is (Leto, or Mesec/Obdobje). */
  periodColumn: number;
}

/** A row is a table header when ≥ 2 of its cells name different columns. */
function tableHeaderOf(cells: readonly string[]): Columns | null {
  // Every file of a batch has the same header line: its columns are worked out once.
  const key = cells.join('\u0000');
  const known = TABLE_HEADERS.get(key);
  if (known && sameCells(known.cells, cells)) return known.columns;
  const { columns } = matchHeaders(cells, COLUMN_LABELS);
  const result = Object.keys(columns).length >= 2 ? Object.freeze(columns) : null;
  if (TABLE_HEADERS.size >= 256) TABLE_HEADERS.clear();
  TABLE_HEADERS.set(key, { cells: cells.slice(), columns: result });
  return result;
}

/** Kept with its cells: a cell holding U+0000 could make two lines share a key. */
const TABLE_HEADERS = new Map<string, { cells: readonly string[]; columns: Readonly<Columns> | null }>();

function sameCells(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function requireColumns(columns: Columns, cells: readonly string[], line: number): void {
  const missing: string[] = [];
  if (columns.month === undefined) missing.push(REQUIRED_COLUMN_NAMES.period);
  if (columns.source === undefined) missing.push(REQUIRED_COLUMN_NAMES.source);
  if (columns.incomeType === undefined) missing.push(REQUIRED_COLUMN_NAMES.incomeType);
  if (columns.amount === undefined) missing.push(REQUIRED_COLUMN_NAMES.amount);
  if (columns.hours === undefined) missing.push(REQUIRED_COLUMN_NAMES.hours);
  if (missing.length === 0) return;
  const found = cells.filter((c) => c !== '');
  throw new ReadError(
    'MISSING_COLUMNS',
    `Tabela nima stolpcev ${quoteList(missing)}. Pričakovani stolpci: ${quoteList(Object.values(REQUIRED_COLUMN_NAMES))}; najdeni: ${quoteList(found)}. Stolpce lahko v pojavnem oknu določite ročno.`,
    { expected: Object.values(REQUIRED_COLUMN_NAMES), found, line },
  );
}

/**
 * `Obdobje osnove;01.01.2024 - 31.12.2024`, `Obdobje osnove;01.01.2024;31.12.2024`, `Številka poizvedbe: P-1`.
 * `filledCount` and `first` describe the non-blank cells of `cells` (at most three: a
 * `key;value` line is short).
 */
function keyValueOf(cells: readonly string[], filledCount: number, first: string): { field: HeaderField; value: string } | null {
  if (filledCount === 1) {
    const colon = first.indexOf(':');
    if (colon <= 0) return null;
    const field = matchHeaderKey(first.slice(0, colon));
    return field ? { field, value: first.slice(colon + 1) } : null;
  }
  if (filledCount > 3) return null;
  const field = matchHeaderKey(first);
  if (!field) return null;
  const values = cells.filter((c) => c !== '').slice(1);
  return { field, value: field === 'basePeriod' ? values.join(' - ') : (values[0] ?? '') };
}

// The same few keys start every file of a batch; the answer depends on the text alone.
const HEADER_KEYS = new Map<string, HeaderField | null>();

function matchHeaderKey(text: string): HeaderField | null {
  const known = HEADER_KEYS.get(text);
  if (known !== undefined) return known;
  // Header keys are words; a number or a date is never a key (fast path for data rows).
  const field = /\p{L}/u.test(text) ? matchLabel(text.replace(/:\s*$/, ''), HEADER_LABELS) : null;
  if (HEADER_KEYS.size >= 1024) HEADER_KEYS.clear();
  HEADER_KEYS.set(text, field);
  return field;
}

function isNoDataText(cell: string): boolean {
  if (!/podatk/i.test(cell)) return false;
  const folded = ` ${foldLabel(cell)} `;
  return NO_DATA_TEXTS.some((t) => folded.includes(` ${t} `));
}

/** A year (`2024`), a month number (`3`), or any month form `parseMonth` reads. */
function looksLikePeriod(cell: string): boolean {
  const t = cell.trim();
  if (isShortNumber(t)) return true;
  try {
    return parseMonth(t) !== null;
  } catch {
    return false;
  }
}

/** `/^\d{1,4}$/`, without a RegExp: it is asked for every data row. */
function isShortNumber(t: string): boolean {
  const n = t.length;
  if (n < 1 || n > 4) return false;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The eBOL list ("Prenos ePotrdil o zadržanosti od dela", FORMATS.md): a results table of
 * certificates, paged, sometimes re-rendered in place. Pure DOM, used by the content script
 * and by the companion on saved pages.
 *
 * ALL words this reader knows are in the two tables right below: adapting to a changed SPOT
 * is a change there and nowhere else.
 */
import { displayNames, matchHeaders, type LabelTable } from '../../lib/text/labels.ts';
import { baseOf, cellTexts, findPhrase, hasLinkUrl, linksInRows, textOf, type CellText, type TableText } from './dom.ts';
import { readPageEmployer } from './employer.ts';
import { dateMemo, readEbolRow } from './ebolRow.ts';
import type { EbolCellsPage, EbolCellsRow, EbolListPage, EbolRow, RowProblem } from './types.ts';

/** Column labels of the results table (synonyms; compared folded). */
export const EBOL_LIST_LABELS = {
  number: ['Številka potrdila', 'Številka eBOL', 'Št. eBOL', 'Številka ePotrdila', 'Številka e-potrdila', 'Št. potrdila', 'Številka'],
  kind: ['Vrsta', 'Vrsta potrdila', 'Tip potrdila', 'Tip'],
  name: ['Priimek in ime', 'Ime in priimek', 'Zavarovanec', 'Zavarovana oseba', 'Delavec', 'Zaposleni'],
  lastName: ['Priimek'],
  firstName: ['Ime'],
  zzzsNumber: ['ZZZS številka', 'ZZZS številka zavarovanca', 'Številka zavarovanca', 'Št. zavarovanca', 'Številka ZZZS'],
  emso: ['EMŠO'],
  reason: ['Razlog', 'Razlog zadržanosti', 'Razlog odsotnosti', 'Vzrok zadržanosti'],
  from: ['Od', 'Zadržan od', 'Zadržanost od', 'Datum od', 'Začetek zadržanosti'],
  to: ['Do', 'Zadržan do', 'Zadržanost do', 'Datum do', 'Konec zadržanosti'],
  hoursPerDay: ['Delna zadržanost', 'Delna zadržanost (ur/dan)', 'Ur na dan', 'Število ur na dan', 'Delna zadržanost ur'],
  status: ['Status', 'Status potrdila', 'Stanje'],
  issuedOn: ['Datum izdaje', 'Izdano', 'Datum izdaje potrdila'],
} satisfies LabelTable<string>;

/** Other words of the page: headings, the empty result, the XML link, address hints. */
export const EBOL_PAGE_TEXT = {
  headings: ['Prenos ePotrdil o zadržanosti od dela', 'ePotrdila o zadržanosti od dela', 'Prenos ePotrdil', 'Seznam ePotrdil', 'Seznam eBOL'],
  empty: ['Ni zadetkov', 'Ni rezultatov', 'Ni najdenih potrdil', 'Ni najdenih zapisov'],
  xmlLink: ['Prenesi XML', 'Prenos XML', 'XML'],
  /** Folded words in the address that suggest this page (a hint only, never enough alone). */
  urlHints: ['ebol', 'epotrdil', 'epodk', 'zadrzan'],
} as const;

export type EbolField = keyof typeof EBOL_LIST_LABELS;

/** One row's cell texts by field (the columns the table has), as `readEbolRow` reads them. */
export type EbolCells = Partial<Record<EbolField, string>>;

/** Without these columns no certificate can be read. */
export const EBOL_REQUIRED: readonly EbolField[] = ['number', 'reason', 'from', 'to', 'status'];

export const EBOL_EXPECTED_LABELS = displayNames(EBOL_LIST_LABELS, EBOL_REQUIRED);

export interface EbolTableMatch {
  columns: Partial<Record<EbolField, number>>;
  missing: EbolField[];
  /** How many of our fields the headers name. */
  score: number;
}

export function matchEbolTable(headers: readonly string[]): EbolTableMatch {
  const { columns } = matchHeaders(headers, EBOL_LIST_LABELS);
  const missing = EBOL_REQUIRED.filter((f) => columns[f] === undefined);
  return { columns, missing, score: Object.keys(columns).length };
}

/** Whether a row is only the "Ni zadetkov" line of an empty result. */
function isEmptyNotice(cells: readonly Element[], text: CellText): boolean {
  // At most two distinct cells (the notice usually spans the whole row).
  let a: Element | undefined, b: Element | undefined;
  for (const c of cells) {
    if (c === a || c === b) continue;
    if (a === undefined) a = c;
    else if (b === undefined) b = c;
    else return false;
  }
  return findPhrase(cells.map((_, i) => text(i)).join(' '), EBOL_PAGE_TEXT.empty) !== null;
}

function isBlank(cells: readonly Element[], text: CellText): boolean {
  for (let i = 0; i < cells.length; i++) if (text(i) !== '') return false;
  return true;
}

/**
 * The results table `table` (already matched: no required column missing) as cell texts: one
 * entry per row that is neither blank nor the "Ni zadetkov" notice. The DOM half of the
 * reader; `readEbolRow` makes certificates of the texts.
 */
export function readEbolCells(root: Document | Element, table: TableText): EbolCellsPage {
  const { columns } = matchEbolTable(table.headers);
  const fields = Object.keys(columns) as EbolField[];
  const rows: EbolCellsRow[] = [];
  const base = baseOf(root);
  let links: Map<Element, Element[]> | undefined;
  // Every row's link says the same "Prenesi XML": its words are looked up once per read.
  const named = new Map<string, boolean>();
  let position = 0;
  for (const row of table.rows) {
    const text = cellTexts(table, row.cells);
    if (isEmptyNotice(row.cells, text) || isBlank(row.cells, text)) continue;
    position++;
    const cells: EbolCells = {};
    for (const f of fields) cells[f] = text(columns[f]!);
    links ??= linksInRows(table.table, table.rows.map((r) => r.element));
    let xmlLink: Element | null = null;
    for (const a of links.get(row.element)!) {
      if (isEbolXmlLink(a, base, named)) {
        xmlLink = a;
        break;
      }
    }
    rows.push({ position, cells, rowElement: row.element, numberCell: row.cells[columns.number!]!, xmlLink });
  }
  const empty = rows.length === 0
    && (table.rows.length === 0 || table.rows.every((r) => isEmptyNotice(r.cells, cellTexts(table, r.cells)))
      || findPhrase(textOf('body' in root && root.body ? root.body : root), EBOL_PAGE_TEXT.empty) !== null);
  return { kind: 'ebolList', employer: readPageEmployer(root), rows, empty, headers: table.headers };
}

/** Reads the results table `table` (already matched: no required column missing). */
export function readEbolList(root: Document | Element, table: TableText): EbolListPage {
  const page = readEbolCells(root, table);
  const rows: EbolRow[] = [];
  const problems: RowProblem[] = [];
  const dates = dateMemo();
  for (const r of page.rows) {
    const read = readEbolRow(r.cells, dates);
    if ('problem' in read) problems.push({ row: r.position, number: read.number, reason: read.problem });
    else rows.push({ certificate: read.certificate, rowElement: r.rowElement, numberCell: r.numberCell, xmlLink: r.xmlLink });
  }
  return {
    kind: 'ebolList',
    employer: page.employer,
    rows,
    certificates: rows.map((r) => r.certificate),
    problems,
    empty: page.empty,
    headers: page.headers,
  };
}

/** An eBOL list page without a results table: only "Ni zadetkov" under the list's heading. */
export function emptyEbolList(root: Document | Element): EbolListPage {
  return { ...emptyEbolCells(root), certificates: [], problems: [] };
}

export function emptyEbolCells(root: Document | Element): EbolCellsPage & { rows: [] } {
  return { kind: 'ebolList', employer: readPageEmployer(root), rows: [], empty: true, headers: [] };
}

/** Whether a link is a row's "Prenesi XML" (by its text, title or aria-label); `named`: words already looked up. */
export function isEbolXmlLink(a: Element, base: string | null = baseOf(a), named?: Map<string, boolean>): boolean {
  const text = `${textOf(a)} ${a.getAttribute('title') ?? ''} ${a.getAttribute('aria-label') ?? ''}`;
  let is = named?.get(text);
  if (is === undefined) {
    is = findPhrase(text, EBOL_PAGE_TEXT.xmlLink) !== null;
    named?.set(text, is);
  }
  return is && hasLinkUrl(a, base);
}


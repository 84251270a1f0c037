/**
 * The FURS disclosure list ("Podatki za izračun osnove", FORMATS.md): a table of queries with
 * download links (CSV / XML / Prenesi). The extension reads the file behind the link the
 * user clicks; this reader only finds the rows and their links.
 *
 * ALL words this reader knows are in the two tables right below.
 */
import { excerpt } from '../../lib/errors.ts';
import { displayNames, matchHeaders, type LabelTable } from '../../lib/text/labels.ts';
import { baseOf, cellTexts, findPhrase, linksInRows, linkUrl, textOf, type TableText } from './dom.ts';
import { readPageEmployer } from './employer.ts';
import type { DisclosureListPage, DisclosureListRow, DownloadFormat, DownloadLink, RowProblem } from './types.ts';

export const DISCLOSURE_LIST_LABELS = {
  queryNumber: ['Številka poizvedbe', 'Enolična številka poizvedbe', 'Št. poizvedbe', 'Poizvedba', 'ID poizvedbe'],
  certificateNumber: ['Številka e-potrdila', 'Številka ePotrdila', 'Številka potrdila', 'Številka eBOL', 'Št. e-potrdila', 'e-potrdilo'],
  worker: ['Delavec', 'Priimek in ime', 'Ime in priimek', 'Zaposleni', 'Prejemnik dohodka', 'Zavarovanec'],
  baseKind: ['Vrsta osnove', 'Osnova', 'Vrsta'],
  status: ['Status', 'Stanje', 'Status poizvedbe'],
  files: ['Datoteke', 'Prenos', 'Prenesi', 'Podatki'],
} satisfies LabelTable<string>;

export const DISCLOSURE_PAGE_TEXT = {
  headings: ['Podatki za izračun osnove', 'Podatki za izračun nadomestila', 'Poizvedbe za izračun osnove'],
  empty: ['Ni zadetkov', 'Ni poizvedb', 'Ni rezultatov'],
  /** Link texts (or titles) by format; a link naming no format is `other` (sniffed when read). */
  links: { csv: ['CSV', 'Prenesi CSV'], xml: ['XML', 'Prenesi XML'], other: ['Prenesi', 'Prenos', 'Datoteka'] },
  urlHints: ['osnov', 'razkrit', 'nadomestil'],
} as const;

export type DisclosureListField = keyof typeof DISCLOSURE_LIST_LABELS;

export const DISCLOSURE_REQUIRED: readonly DisclosureListField[] = ['queryNumber', 'certificateNumber'];
export const DISCLOSURE_EXPECTED_LABELS = displayNames(DISCLOSURE_LIST_LABELS, DISCLOSURE_REQUIRED);

export function matchDisclosureTable(headers: readonly string[]) {
  const { columns } = matchHeaders(headers, DISCLOSURE_LIST_LABELS);
  const missing = DISCLOSURE_REQUIRED.filter((f) => columns[f] === undefined);
  return { columns, missing, score: Object.keys(columns).length };
}

/** The format a download link names, or null when it is no download link of ours. */
export function downloadFormat(a: Element): DownloadFormat | null {
  const text = `${textOf(a)} ${a.getAttribute('title') ?? ''} ${a.getAttribute('aria-label') ?? ''}`;
  if (findPhrase(text, DISCLOSURE_PAGE_TEXT.links.csv)) return 'csv';
  if (findPhrase(text, DISCLOSURE_PAGE_TEXT.links.xml)) return 'xml';
  if (findPhrase(text, DISCLOSURE_PAGE_TEXT.links.other)) return 'other';
  return null;
}

function linksOf(rowLinks: readonly Element[], base: string | null): DownloadLink[] {
  const out: DownloadLink[] = [];
  for (const a of rowLinks) {
    const format = downloadFormat(a);
    const url = format ? linkUrl(a, base) : null;
    if (format && url) out.push({ format, url, label: textOf(a), element: a });
  }
  return out;
}

export function readDisclosureList(root: Document | Element, table: TableText): DisclosureListPage {
  const { columns } = matchDisclosureTable(table.headers);
  const rows: DisclosureListRow[] = [];
  const problems: RowProblem[] = [];
  const base = baseOf(root);
  let links: Map<Element, Element[]> | undefined;
  let position = 0;
  for (const row of table.rows) {
    const text = cellTexts(table, row.cells);
    const cell = (f: DisclosureListField): string => {
      const i = columns[f];
      return i === undefined ? '' : text(i);
    };
    if (row.cells.every((_, i) => text(i) === '')) continue;
    if (new Set(row.cells).size <= 2 && findPhrase(row.cells.map((_, i) => text(i)).join(' '), DISCLOSURE_PAGE_TEXT.empty)) continue;
    position++;
    const queryNumber = cell('queryNumber').slice(0, 100);
    const certText = cell('certificateNumber');
    const certDigits = certText.replace(/[\s\u00a0]/g, '');
    if (queryNumber === '') {
      problems.push({ row: position, number: null, reason: 'Številka poizvedbe manjka.' });
      continue;
    }
    if (certDigits !== '' && !/^\d{1,20}$/.test(certDigits)) {
      problems.push({ row: position, number: queryNumber, reason: `Številka e-potrdila »${excerpt(certText)}« ni iz števk.` });
      continue;
    }
    const orNull = (s: string) => (s === '' ? null : s.slice(0, 200));
    links ??= linksInRows(table.table, table.rows.map((r) => r.element));
    rows.push({
      queryNumber,
      certificateNumber: certDigits === '' ? null : certDigits,
      worker: orNull(cell('worker')),
      baseKind: orNull(cell('baseKind')),
      status: orNull(cell('status')),
      links: linksOf(links.get(row.element) ?? [], base),
      rowElement: row.element,
    });
  }
  return {
    kind: 'disclosureList',
    employer: readPageEmployer(root),
    rows,
    problems,
    empty: rows.length === 0 && problems.length === 0,
    headers: table.headers,
  };
}

/** The row (of a read disclosure list) that holds this element, e.g. the clicked link. */
export function rowOfElement(page: DisclosureListPage, element: Element): DisclosureListRow | null {
  return page.rows.find((r) => r.rowElement === element || r.rowElement.contains(element)) ?? null;
}

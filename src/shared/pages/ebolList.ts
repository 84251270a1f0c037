/**
 * The eBOL list ("Prenos ePotrdil o zadržanosti od dela", FORMATS.md): a results table of
 * certificates, paged, sometimes re-rendered in place. Pure DOM, used by the content script
 * and by the companion on saved pages.
 *
 * ALL words this reader knows are in the two tables right below: adapting to a changed SPOT
 * is a change there and nowhere else.
 */
import {
  type Certificate, type CertificateKind, kindFromNumber, normaliseReason, normaliseStatus, validateCertificate,
} from '../../lib/certificates.ts';
import { ReadError, excerpt } from '../../lib/errors.ts';
import { parseDate } from '../../lib/parse/date.ts';
import { parseDecimal } from '../../lib/parse/number.ts';
import { foldLabel } from '../../lib/text/fold.ts';
import { displayNames, matchHeaders, type LabelTable } from '../../lib/text/labels.ts';
import { baseOf, cellTexts, findPhrase, hasLinkUrl, linksInRows, textOf, type CellText, type TableText } from './dom.ts';
import { readPageEmployer } from './employer.ts';
import type { EbolListPage, EbolRow, RowProblem } from './types.ts';

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

/** Reads the results table `table` (already matched: no required column missing). */
export function readEbolList(root: Document | Element, table: TableText): EbolListPage {
  const { columns } = matchEbolTable(table.headers);
  const rows: EbolRow[] = [];
  const problems: RowProblem[] = [];
  const base = baseOf(root);
  // Dates repeat down a long list: each text is parsed (and checked) once per read.
  const dates: DateMemo = { from: new Map(), to: new Map(), issuedOn: new Map() };
  let links: Map<Element, Element[]> | undefined;
  let position = 0;
  for (const row of table.rows) {
    const text = cellTexts(table, row.cells);
    if (isEmptyNotice(row.cells, text)) continue;
    if (row.cells.every((_, i) => text(i) === '')) continue;
    position++;
    const read = readRow(text, columns, dates);
    if ('problem' in read) {
      problems.push({ row: position, number: read.number, reason: read.problem });
      continue;
    }
    const numberCell = row.cells[columns.number!]!;
    links ??= linksInRows(table.table, table.rows.map((r) => r.element));
    const xmlLink = links.get(row.element)?.find((a) => isEbolXmlLink(a, base)) ?? null;
    rows.push({ certificate: read.certificate, rowElement: row.element, numberCell, xmlLink });
  }
  const empty = rows.length === 0 && problems.length === 0
    && (table.rows.length === 0 || table.rows.every((r) => isEmptyNotice(r.cells, cellTexts(table, r.cells)))
      || findPhrase(textOf('body' in root && root.body ? root.body : root), EBOL_PAGE_TEXT.empty) !== null);
  return {
    kind: 'ebolList',
    employer: readPageEmployer(root),
    rows,
    certificates: rows.map((r) => r.certificate),
    problems,
    empty,
    headers: table.headers,
  };
}

/** An eBOL list page without a results table: only "Ni zadetkov" under the list's heading. */
export function emptyEbolList(root: Document | Element): EbolListPage {
  return { kind: 'ebolList', employer: readPageEmployer(root), rows: [], certificates: [], problems: [], empty: true, headers: [] };
}

/** Whether a link is a row's "Prenesi XML" (by its text, title or aria-label). */
export function isEbolXmlLink(a: Element, base: string | null = baseOf(a)): boolean {
  const text = `${textOf(a)} ${a.getAttribute('title') ?? ''} ${a.getAttribute('aria-label') ?? ''}`;
  return findPhrase(text, EBOL_PAGE_TEXT.xmlLink) !== null && hasLinkUrl(a, base);
}

type RowRead = { certificate: Certificate } | { problem: string; number: string | null };

/** Dates read in this list, by column and text: the date, or the reader's message. */
type DateMemo = Record<'from' | 'to' | 'issuedOn', Map<string, { date: string | null } | { error: string }>>;

const NOT_PARTIAL = new Set(['', 'ne', 'no', 'brez', 'polna', 'polni']);

function readRow(text: CellText, columns: Partial<Record<EbolField, number>>, dates: DateMemo): RowRead {
  const cell = (f: EbolField): string => {
    const i = columns[f];
    return i === undefined ? '' : text(i);
  };
  const problems: string[] = [];
  const rawNumber = cell('number');
  const number = rawNumber.replace(/[\s\u00a0]/g, '');
  const numberOk = /^\d{1,20}$/.test(number);
  if (!numberOk) problems.push(rawNumber === '' ? 'Številka potrdila manjka.' : `Številka potrdila »${excerpt(rawNumber)}« ni iz števk.`);

  let kind: CertificateKind | null = numberOk ? kindFromNumber(number) : null;
  if (columns.kind !== undefined) {
    const k = foldLabel(cell('kind')).replace(/ /g, '');
    if (k.includes('epodk') || k === 'podk') kind = 'ePODK';
    else if (k.includes('ebol') || k === 'bol') kind = 'eBOL';
    else if (k !== '') problems.push(`Neznana vrsta potrdila »${excerpt(cell('kind'))}« (pričakovano eBOL ali ePODK).`);
  }

  const full = cell('name');
  const parts = [cell('lastName'), cell('firstName')].filter((s) => s !== '');
  const name = full !== '' ? full : parts.length ? parts.join(' ') : null;
  const digitsOrNull = (s: string) => {
    const d = s.replace(/[\s\u00a0]/g, '');
    return d === '' ? null : d;
  };

  const reasonText = cell('reason');
  const reason = normaliseReason(reasonText);
  if (!reason) problems.push(reasonText === '' ? 'Razlog zadržanosti manjka.' : `Razlog »${excerpt(reasonText)}« nima šifre (pričakovano npr. »01« ali »01 - bolezen«).`);

  const date = (f: 'from' | 'to' | 'issuedOn', label: string, required: boolean): string | null => {
    const raw = cell(f);
    const memo = dates[f];
    let known = memo.get(raw);
    if (known === undefined) {
      try {
        known = { date: parseDate(raw, { label }) };
      } catch (e) {
        if (!(e instanceof ReadError)) throw e;
        known = { error: e.message };
      }
      memo.set(raw, known);
    }
    if ('error' in known) {
      problems.push(known.error);
      return null;
    }
    if (known.date === null && required) problems.push(`Datum »${label}« manjka.`);
    return known.date;
  };
  const from = date('from', 'Zadržan od', true);
  const to = date('to', 'Zadržan do', true);
  const issuedOn = date('issuedOn', 'Datum izdaje', false);

  let hoursPerDay: number | null = null;
  const hoursText = cell('hoursPerDay');
  const hoursFolded = foldLabel(hoursText);
  if (!NOT_PARTIAL.has(hoursFolded)) {
    try {
      const stripped = hoursText.replace(/\s*(?:ur[ae]?|h)?\s*(?:\/\s*dan|na\s+dan)?\.?\s*$/i, '').trim();
      const n = parseDecimal(stripped, { label: 'Delna zadržanost (ur/dan)' });
      hoursPerDay = n === null || n === 0 ? null : n;
    } catch (e) {
      if (e instanceof ReadError) problems.push(e.message);
      else throw e;
    }
  }

  const statusText = cell('status');
  const status = normaliseStatus(statusText);
  if (!status) problems.push(statusText === '' ? 'Status potrdila manjka.' : `Neznan status »${excerpt(statusText)}« (pričakovano Izdan/Veljaven ali Preklican/Storniran).`);

  if (problems.length > 0 || !kind || !reason || !from || !to || !status) {
    return { problem: problems.join(' '), number: numberOk ? number : null };
  }
  const certificate: Certificate = {
    number, kind,
    worker: { name: name ? name.slice(0, 200) : null, zzzsNumber: digitsOrNull(cell('zzzsNumber')), emso: digitsOrNull(cell('emso')) },
    reason, from, to, hoursPerDay, status, issuedOn,
  };
  const invalid = validateCertificate(certificate);
  if (invalid.length > 0) return { problem: invalid.join(' '), number };
  return { certificate };
}

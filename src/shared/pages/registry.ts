/**
 * Which SPOT page is this? Recognised by its words — the header labels of its tables and its
 * headings — never by the address alone (the address is only a hint that a page SHOULD be
 * one of ours, for diagnostics).
 *
 *   eBOL list        a table with the eBOL columns (or "Ni zadetkov" under the list's heading)
 *   disclosure list  a table with the query columns
 *   notData          the login page, the refund and A1 forms (src/shared/pages/forms.ts: the
 *                    helper offers to prefill them) and every other SPOT page: nothing to read
 *   unrecognised     a page that looks like it should be ours but whose labels do not match:
 *                    diagnostics with the labels found and the labels expected
 */
import { foldLabel } from '../../lib/text/fold.ts';
import { displayNames } from '../../lib/text/labels.ts';
import { findPhrase, headingsOf, readTable, tablesOf, textOf, type TableText } from './dom.ts';
import {
  DISCLOSURE_EXPECTED_LABELS, DISCLOSURE_LIST_LABELS, DISCLOSURE_PAGE_TEXT, matchDisclosureTable, readDisclosureList,
} from './disclosureList.ts';
import { recogniseFormPage } from './forms.ts';
import {
  EBOL_EXPECTED_LABELS, EBOL_LIST_LABELS, EBOL_PAGE_TEXT, emptyEbolCells, emptyEbolList, matchEbolTable, readEbolCells, readEbolList,
} from './ebolList.ts';
import type { EbolCellsPage, EbolListPage, PageDiagnostics, PageKind, PageRecognition } from './types.ts';

/** Words of pages that hold no data for us. */
export const OTHER_PAGE_TEXT = {
  login: ['Prijava', 'Prijava v SPOT', 'Prijava s kvalificiranim digitalnim potrdilom', 'Prijava s SI-PASS', 'Prijavite se', 'Vstop v portal'],
} as const;

/** Fields that make a partly matching table look like ours (generic ones like "Status" do not). */
const DISTINCTIVE = {
  ebolList: ['number', 'reason', 'emso', 'zzzsNumber', 'hoursPerDay'],
  disclosureList: ['queryNumber', 'certificateNumber', 'baseKind'],
} as const;

interface Candidate {
  kind: PageKind;
  table: TableText;
  score: number;
  missing: string[];
  distinctive: number;
}

function candidatesOf(tables: TableText[]): Candidate[] {
  const out: Candidate[] = [];
  for (const table of tables) {
    if (table.headers.every((h) => h === '')) continue;
    const e = matchEbolTable(table.headers);
    const d = matchDisclosureTable(table.headers);
    out.push({
      kind: 'ebolList', table, score: e.score, missing: displayNames(EBOL_LIST_LABELS, e.missing),
      distinctive: DISTINCTIVE.ebolList.filter((f) => e.columns[f] !== undefined).length,
    });
    out.push({
      kind: 'disclosureList', table, score: d.score, missing: displayNames(DISCLOSURE_LIST_LABELS, d.missing),
      distinctive: DISTINCTIVE.disclosureList.filter((f) => d.columns[f] !== undefined).length,
    });
  }
  return out.sort((a, b) => b.score - a.score);
}

function urlHint(url: string, words: readonly string[]): boolean {
  let path = url;
  try {
    const u = new URL(url);
    path = `${u.pathname} ${u.search}`;
  } catch {
    // a saved page may have no address
  }
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // malformed escapes: compare the raw text
  }
  const folded = foldLabel(decoded).replace(/ /g, '');
  return words.some((w) => folded.includes(w));
}

const PAGE_TEXT = { ebolList: EBOL_PAGE_TEXT, disclosureList: DISCLOSURE_PAGE_TEXT } as const;
const EXPECTED = { ebolList: EBOL_EXPECTED_LABELS, disclosureList: DISCLOSURE_EXPECTED_LABELS } as const;

/** How the eBOL list is read: its table, or the page that shows only "Ni zadetkov". */
interface EbolReader<E> {
  read(root: Document, table: TableText): E;
  empty(root: Document): E;
}

const CERTIFICATES: EbolReader<EbolListPage> = { read: readEbolList, empty: emptyEbolList };
const CELL_TEXTS: EbolReader<EbolCellsPage> = { read: readEbolCells, empty: emptyEbolCells };

/** Recognises a SPOT page and reads it. `url` defaults to the document's own address. */
export function recognisePage(doc: Document, url: string = doc.URL): PageRecognition {
  return recognise(doc, url, CERTIFICATES);
}

/**
 * `recognisePage` with the eBOL list's rows as cell texts: the content script has the
 * background read them (`content:readEbolRows`), the parsers stay out of its bundle.
 */
export function recognisePageCells(doc: Document, url: string = doc.URL): PageRecognition<EbolCellsPage> {
  return recognise(doc, url, CELL_TEXTS);
}

function recognise<E>(doc: Document, url: string, ebol: EbolReader<E>): PageRecognition<E> {
  const tables = tablesOf(doc).map(readTable);
  const candidates = candidatesOf(tables);

  const full = candidates.find((c) => c.missing.length === 0 && c.score > 0);
  if (full) return full.kind === 'ebolList' ? ebol.read(doc, full.table) : readDisclosureList(doc, full.table);

  const headings = headingsOf(doc);
  const headingText = headings.join(' · ');
  // A form the helper prefills (refund claim, A1 application): nothing to read on it.
  const form = recogniseFormPage(doc, headingText);
  if (form) return { kind: 'notData', page: form };
  const hints: Record<PageKind, string[]> = { ebolList: [], disclosureList: [] };
  for (const kind of ['ebolList', 'disclosureList'] as const) {
    const heading = findPhrase(headingText, PAGE_TEXT[kind].headings);
    if (heading) hints[kind].push(`naslov »${heading}«`);
    if (urlHint(url, PAGE_TEXT[kind].urlHints)) hints[kind].push('naslov strani (URL)');
  }

  // The list's heading and "Ni zadetkov", but no results table: an empty result. (The page's
  // whole text last: a long table that is not ours is not read for it.)
  if (hints.ebolList.some((h) => h.startsWith('naslov »'))
    && tables.every((t) => matchEbolTable(t.headers).score === 0 || t.rows.length === 0)
    && findPhrase(doc.body ? textOf(doc.body) : '', EBOL_PAGE_TEXT.empty)) {
    return ebol.empty(doc);
  }

  const isLogin = doc.querySelector('input[type=password]') !== null || findPhrase(headingText, OTHER_PAGE_TEXT.login) !== null;
  const partial = candidates.find((c) => c.score >= 3 && c.distinctive >= 1);
  const expected: PageKind | null = partial?.kind
    ?? (tables.length > 0 ? (['ebolList', 'disclosureList'] as const).find((k) => hints[k].length > 0) ?? null : null);
  if (!expected) return { kind: 'notData', page: isLogin ? 'login' : 'other' };
  if (isLogin && !partial) return { kind: 'notData', page: 'login' };

  const best = partial ?? candidates.find((c) => c.kind === expected);
  if (partial) hints[expected].push(`tabela z oznakami, ki jih poznamo (${partial.score})`);
  const foundLabels = best
    ? best.table.headers.filter((h) => h !== '')
    : tables.flatMap((t) => t.headers.filter((h) => h !== '')).slice(0, 50);
  const diagnostics: PageDiagnostics = {
    expectedPage: expected,
    hints: hints[expected],
    foundLabels,
    expectedLabels: [...EXPECTED[expected]],
    missingLabels: best ? best.missing : [...EXPECTED[expected]],
    headings,
    url,
  };
  return { kind: 'unrecognised', diagnostics };
}

/** The diagnostics as a plain text the user can copy and send to whoever maintains the extension. */
export function diagnosticsText(d: PageDiagnostics, extra: { version?: string; at?: string } = {}): string {
  const pageName = d.expectedPage === 'ebolList' ? 'seznam eBOL (Prenos ePotrdil o zadržanosti od dela)' : 'seznam poizvedb (Podatki za izračun osnove)';
  const list = (items: readonly string[]) => (items.length ? items.map((s) => `»${s}«`).join(', ') : '(nič)');
  let path = d.url;
  try {
    const u = new URL(d.url);
    path = `${u.origin}${u.pathname}`; // no query string: it may hold personal data
  } catch {
    // keep as is
  }
  return [
    'SPOT pomočnik – diagnostika strani',
    `Pričakovana stran: ${pageName}`,
    `Zakaj: ${list(d.hints)}`,
    `Naslov strani: ${path}`,
    `Naslovi: ${list(d.headings)}`,
    `Najdene oznake stolpcev: ${list(d.foundLabels)}`,
    `Pričakovane oznake: ${list(d.expectedLabels)}`,
    `Manjkajo: ${list(d.missingLabels)}`,
    ...(extra.version ? [`Različica: ${extra.version}`] : []),
    ...(extra.at ? [`Čas: ${extra.at}`] : []),
  ].join('\n');
}

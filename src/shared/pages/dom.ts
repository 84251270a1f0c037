/**
 * Small DOM helpers shared by the page readers. Pure DOM (no browser extension API), so the
 * companion runs the same code on a saved page in Node with happy-dom.
 *
 * Readers never trust CSS classes or positions: they look at visible words (labels). What
 * the extension itself puts into SPOT's page (row badges) carries `MARKER_ATTR` and is skipped
 * when text is read, so a re-read (or a saved page of a user who has the extension) is never
 * polluted by our own markers.
 */
import { foldLabel } from '../../lib/text/fold.ts';

/** Attribute of every element the extension inserts into a SPOT page. */
export const MARKER_ATTR = 'data-spot-pomocnik';

/** Collapses white space (NBSP included) and trims. */
export function clean(text: string | null | undefined): string {
  const s = text ?? '';
  // Most cell texts need nothing: no white space but single inner spaces.
  return NEEDS_CLEANING.test(s) ? s.replace(WHITE_SPACE, ' ').trim() : s;
}
const WHITE_SPACE = /[\s\u00a0]+/g;
/** White space at an end, two in a row, or any but a plain space. */
const NEEDS_CLEANING = /^\s|\s$|\s\s|[^\S ]/;

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

function isMarker(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).hasAttribute(MARKER_ATTR);
}

/** The tag name in upper case (HTML documents already give it so: no new string then). */
function tagOf(el: Element): string {
  const tag = el.tagName;
  return UPPER_TAG.test(tag) ? tag : tag.toUpperCase();
}
const UPPER_TAG = /^[A-Z0-9]*$/;

/** Whether the text walk passes over this element and what it holds. */
function isSkipped(el: Element): boolean {
  return SKIPPED_TAGS.has(tagOf(el)) || el.hasAttribute(MARKER_ATTR);
}

/** The text of an element without our own markers, scripts and styles; white space collapsed. */
export function textOf(node: Node | null | undefined): string {
  if (!node) return '';
  if (node.nodeType === 1 && isSkipped(node as Element)) return '';
  return contentText(node);
}

/** `textOf` of a node already known not to be skipped (a table cell `expandCells` gave). */
function contentText(node: Node): string {
  if (node.nodeType === 1) {
    // Most table cells hold one text node, or nothing.
    const first = node.firstChild;
    if (first === null) return '';
    if (first && first.nextSibling === null && first.nodeType === 3) return clean(first.nodeValue);
  }
  // Iterative, not recursive: a hostile page nesting elements thousands deep cannot overflow the stack.
  const parts: string[] = [];
  const stack: (Node | ' ')[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === ' ') { parts.push(' '); continue; }
    const type = n.nodeType;
    if (type === 3) { parts.push(n.nodeValue ?? ''); continue; }
    if (type !== 1 && type !== 9 && type !== 11) continue;
    if (type === 1) {
      const el = n as Element;
      if (n !== node && isSkipped(el)) continue;
      // <br> and block cells separate words.
      if (tagOf(el) === 'BR') parts.push(' ');
      stack.push(' ');
    }
    const children = n.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return clean(parts.join(''));
}

/** The texts of a row's cells by column, each read once and only when asked for. */
export type CellText = (column: number) => string;

/** Texts of the cells of one of `table.rows`. */
export function cellTexts(table: TableText, cells: readonly Element[]): CellText {
  const textOnly = TEXT_ONLY.get(table) === true;
  const texts: Array<string | undefined> = [];
  return (i) => {
    if (i >= cells.length) return '';
    let t = texts[i];
    if (t === undefined) {
      const cell = cells[i]!;
      // A cell without child elements (most cells): its text nodes' text, read without a
      // JavaScript object for each text node (a long table has tens of thousands).
      texts[i] = t = textOnly && cell.childElementCount === 0 ? clean(cell.textContent) : contentText(cell);
    }
    return t;
  };
}

/**
 * Tables read by `readTable` holding no CDATA section (an HTML parser never makes one; a
 * script could move one in from an XML document): only there is an element's `textContent`
 * without child elements the text of its text nodes, as `textOf` reads it.
 */
const TEXT_ONLY = new WeakMap<TableText, boolean>();

function hasCdataSection(root: Element): boolean {
  try {
    // 0x8: NodeFilter.SHOW_CDATA_SECTION; the walk runs inside the DOM.
    return root.ownerDocument.createTreeWalker(root, 0x8).nextNode() !== null;
  } catch {
    return true;
  }
}

/**
 * A table as text: header labels and body rows, `colspan` expanded so columns line up.
 * `rows` is read on first use: recognising a page needs only the headers of its tables.
 */
export interface TableText {
  table: Element;
  headers: string[];
  rows: Array<{ element: Element; cells: Element[] }>;
}

/** Whether an element is `<tag>` (`upper`: the name in upper case), in any case. */
function isTag(el: Element, upper: string): boolean {
  const tag = el.tagName;
  return tag === upper || tag.toUpperCase() === upper;
}

/** A row's `<td>`/`<th>` cells (not our markers), repeated by `colspan`; `data`: any `<td>` among them. */
function expandCells(row: Element): { cells: Element[]; data: boolean; header: boolean } {
  const cells: Element[] = [];
  let data = false;
  let header = false;
  for (let cell = row.firstElementChild; cell !== null; cell = cell.nextElementSibling) {
    const td = isTag(cell, 'TD');
    if (!td && !isTag(cell, 'TH')) continue;
    let colspan: string | null = null;
    // Most cells have no attribute at all: neither our marker nor a colspan.
    if (cell.hasAttributes()) {
      if (cell.hasAttribute(MARKER_ATTR)) continue;
      colspan = cell.getAttribute('colspan');
    }
    if (td) data = true;
    else header = true;
    if (colspan === null) {
      cells.push(cell);
      continue;
    }
    const span = Math.min(Math.max(Number(colspan) || 1, 1), 50);
    for (let i = 0; i < span; i++) cells.push(cell);
  }
  return { cells, data, header };
}

/** Rows of this table only (not of tables nested inside its cells). */
function ownRows(table: Element): Element[] {
  const rows = Array.from(table.querySelectorAll('tr'));
  // Without a nested table every row is the table's own (the usual case: no test per row).
  if (table.querySelector('table') === null) return rows;
  return rows.filter((tr) => tr.closest('table') === table);
}

/**
 * Reads a table: the header row is the last row of `<thead>`, else the first row made of
 * `<th>` cells, else none (`headers` empty). Body rows are all other rows with `<td>` cells.
 */
export function readTable(table: Element): TableText {
  const rows = ownRows(table);
  const headRows = new Set<Element>();
  let header: Element | undefined;
  for (const r of rows) {
    const parent = r.parentElement;
    if (parent !== null && isTag(parent, 'THEAD')) {
      headRows.add(r);
      header = r;
    }
  }
  if (!header) {
    header = rows.find((r) => {
      const { cells, data, header: th } = expandCells(r);
      return cells.length > 0 && th && !data;
    });
  }
  const headers = header ? expandCells(header).cells.map((c) => contentText(c)) : [];
  let body: TableText['rows'] | undefined;
  const bodyRows = (): TableText['rows'] => {
    const out: TableText['rows'] = [];
    for (const r of rows) {
      if (r === header || headRows.has(r)) continue;
      const { cells, data } = expandCells(r);
      if (data) out.push({ element: r, cells });
    }
    return out;
  };
  const read: TableText = {
    table,
    headers,
    get rows() {
      if (body === undefined) {
        body = bodyRows();
        TEXT_ONLY.set(read, !hasCdataSection(table));
      }
      return body;
    },
  };
  return read;
}

/**
 * The links (`a[href]`) inside each of the given rows of `table`, in document order: one query
 * of the table instead of one per row.
 */
export function linksInRows(table: Element, rows: readonly Element[]): Map<Element, Element[]> {
  const byRow = new Map<Element, Element[]>();
  for (const r of rows) byRow.set(r, []);
  const links = table.querySelectorAll('a[href]');
  for (let i = 0; i < links.length; i++) {
    const a = links[i]!;
    // Every row holding the link (a row inside another row's cell holds it too).
    for (let el = a.parentElement; el !== null && el !== table; el = el.parentElement) byRow.get(el)?.push(a);
  }
  return byRow;
}

/** Every table of a document or element (in document order). */
export function tablesOf(root: ParentNode): Element[] {
  return Array.from(root.querySelectorAll('table'));
}

/**
 * `root.querySelectorAll(selectors.join(', '))` (document order, each element once), one
 * selector at a time: a list holding an attribute selector is tested slowly against every
 * element of a long page, each selector alone is not.
 */
export function selectAll(root: ParentNode, selectors: readonly string[]): Element[] {
  const found = new Set<Element>();
  for (const selector of selectors) {
    const list = root.querySelectorAll(selector);
    for (let i = 0; i < list.length; i++) found.add(list[i]!);
  }
  const out = [...found];
  // 4: Node.DOCUMENT_POSITION_FOLLOWING (b after a).
  return out.length > 1 ? out.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1)) : out;
}

/** Visible page headings (h1–h3) and the title, as text; for recognising and for diagnostics. */
export function headingsOf(root: Document | Element): string[] {
  const doc = 'documentElement' in root ? root : null;
  const out: string[] = [];
  for (const h of selectAll(root, ['h1', 'h2', 'h3', '[role=heading]'])) {
    if (h.closest('[hidden], [aria-hidden="true"]')) continue;
    const text = textOf(h);
    if (text) out.push(text.slice(0, 200));
  }
  const title = doc ? clean(doc.title) : '';
  if (title) out.push(title.slice(0, 200));
  return out;
}

/** Whether a folded text contains the folded phrase as whole words. */
export function containsPhrase(text: string, phrase: string): boolean {
  const p = foldLabel(phrase);
  return p !== '' && ` ${foldLabel(text)} `.includes(` ${p} `);
}

/** The first phrase of the list that `text` contains (folded, whole words), or null. */
export function findPhrase(text: string, phrases: readonly string[]): string | null {
  let padded = PADDED.get(phrases);
  if (padded === undefined) {
    // The lists are the readers' constant word tables: folded once each.
    padded = phrases.map((p) => {
      const f = foldLabel(p);
      return f === '' ? null : ` ${f} `;
    });
    PADDED.set(phrases, padded);
  }
  const t = ` ${foldLabel(text)} `;
  for (let i = 0; i < phrases.length; i++) {
    const p = padded[i];
    if (p != null && t.includes(p)) return phrases[i]!;
  }
  return null;
}
const PADDED = new WeakMap<readonly string[], Array<string | null>>();

/**
 * `href` of a link as an absolute URL (resolved against the document), or null when the
 * link has none or it cannot be resolved.
 */
export function linkUrl(a: Element, base: string | null = baseOf(a)): string | null {
  const raw = a.getAttribute('href');
  if (raw === null || raw.trim() === '' || raw.trim().startsWith('#')) return null;
  try {
    return new URL(raw.trim(), base ?? undefined).href;
  } catch {
    return null;
  }
}

/**
 * Whether `linkUrl(a, base)` gives an address; a path from the site's root (`/ebol/1.xml`)
 * under an http(s) base always does, so none is built for it (a long table has one per row).
 */
export function hasLinkUrl(a: Element, base: string | null): boolean {
  const raw = a.getAttribute('href');
  if (raw === null) return false;
  const href = raw.trim();
  if (href === '' || href.startsWith('#')) return false;
  // WHATWG URL: after "/" that is no second slash the parser is in its path state, which never fails.
  if (base !== null && PATH_FROM_ROOT.test(href) && isWebAddress(base)) return true;
  return linkUrl(a, base) !== null;
}
/** "/" not followed by another "/" or a backslash; no tab or line break anywhere (the parser drops them). */
const PATH_FROM_ROOT = /^\/(?![/\\])[^\t\n\r]*$/;

let lastBase: { base: string; web: boolean } | null = null;
function isWebAddress(base: string): boolean {
  if (lastBase?.base !== base) {
    let web = false;
    try {
      const u = new URL(base);
      web = u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      // not an address: links are resolved one by one
    }
    lastBase = { base, web };
  }
  return lastBase.web;
}

/**
 * The address links resolve against. Readers ask once per read and pass it on: a DOM may
 * compute `baseURI` by searching the document, which per link would make a long table slow.
 */
export function baseOf(node: Node): string | null {
  const base = (node.ownerDocument ?? (node as Document)).baseURI;
  return base && base !== 'about:blank' ? base : null;
}

/**
 * Text nodes under `root` in document order, skipping our markers, scripts and styles, and
 * subtrees matching `skip` (a selector).
 */
export function textChunks(root: Node, skip?: string): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      const v = clean(n.nodeValue);
      if (v) out.push(v);
      return;
    }
    if (n.nodeType === 1) {
      const el = n as Element;
      if (isMarker(el) || SKIPPED_TAGS.has(el.tagName.toUpperCase())) return;
      if (skip && el.matches(skip)) return;
    }
    for (const child of Array.from(n.childNodes)) walk(child);
  };
  walk(root);
  return out;
}

/**
 * Finds `label: value` in page text (e.g. the logged-in business in SPOT's header): the value
 * is what follows the label in the same text chunk, or the next chunk when nothing does.
 * Labels are compared without case and diacritics, words separated by anything.
 */
export function valueAfterLabel(chunks: readonly string[], labels: readonly string[]): string | null {
  const plain: Array<string | undefined> = [];
  for (const label of labels) {
    const re = labelPattern(label);
    if (re === null) continue;
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i]!;
      const m = re.exec(plain[i] ??= plainOf(chunk));
      if (!m) continue;
      const rest = chunk.slice(m.index + m[0].length).trim();
      if (rest !== '') return rest;
      const next = chunks[i + 1];
      if (next !== undefined) return next;
    }
  }
  return null;
}

/** The pattern of a label in plain text (null for a label without words); built once per label. */
function labelPattern(label: string): RegExp | null {
  let re = LABEL_PATTERNS.get(label);
  if (re === undefined) {
    const words = foldLabel(label).split(' ').filter(Boolean);
    re = words.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])[\\s:.\\-–]*`, 'u');
    if (LABEL_PATTERNS.size >= 256) LABEL_PATTERNS.clear();
    LABEL_PATTERNS.set(label, re);
  }
  return re;
}
const LABEL_PATTERNS = new Map<string, RegExp | null>();

/** Lower case without diacritics, the SAME length as the input (index for index). */
function plainOf(text: string): string {
  // ASCII: lower case alone keeps every index.
  if (ASCII.test(text)) return text.toLowerCase();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const base = ch.normalize('NFD').charAt(0).toLowerCase();
    out += base.length === 1 ? base : ch;
  }
  return out;
}
const ASCII = /^[\x00-\x7f]*$/;

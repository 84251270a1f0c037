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
  return (text ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

function isMarker(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).hasAttribute(MARKER_ATTR);
}

/** The text of an element without our own markers, scripts and styles; white space collapsed. */
export function textOf(node: Node | null | undefined): string {
  if (!node) return '';
  // Iterative, not recursive: a hostile page nesting elements thousands deep cannot overflow the stack.
  const parts: string[] = [];
  const stack: (Node | ' ')[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === ' ') { parts.push(' '); continue; }
    if (n.nodeType === 3) { parts.push(n.nodeValue ?? ''); continue; }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) continue;
    if (n.nodeType === 1) {
      const el = n as Element;
      if (isMarker(el) || SKIPPED_TAGS.has(el.tagName.toUpperCase())) continue;
      // <br> and block cells separate words.
      if (el.tagName.toUpperCase() === 'BR') parts.push(' ');
      stack.push(' ');
    }
    const children = n.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return clean(parts.join(''));
}

/** A table as text: header labels and body rows, `colspan` expanded so columns line up. */
export interface TableText {
  table: Element;
  headers: string[];
  rows: Array<{ element: Element; cells: Element[] }>;
}

function expandCells(row: Element): Element[] {
  const out: Element[] = [];
  for (const cell of Array.from(row.children)) {
    const tag = cell.tagName.toUpperCase();
    if (tag !== 'TD' && tag !== 'TH') continue;
    if (isMarker(cell)) continue;
    const span = Math.min(Math.max(Number(cell.getAttribute('colspan') ?? '1') || 1, 1), 50);
    for (let i = 0; i < span; i++) out.push(cell);
  }
  return out;
}

/** Rows of this table only (not of tables nested inside its cells). */
function ownRows(table: Element): Element[] {
  return Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
}

/**
 * Reads a table: the header row is the last row of `<thead>`, else the first row made of
 * `<th>` cells, else none (`headers` empty). Body rows are all other rows with `<td>` cells.
 */
export function readTable(table: Element): TableText {
  const rows = ownRows(table);
  let header: Element | undefined;
  const headRows = rows.filter((r) => r.parentElement?.tagName.toUpperCase() === 'THEAD');
  header = headRows[headRows.length - 1];
  if (!header) {
    header = rows.find((r) => {
      const cells = expandCells(r);
      return cells.length > 0 && cells.every((c) => c.tagName.toUpperCase() === 'TH');
    });
  }
  const headers = header ? expandCells(header).map((c) => textOf(c)) : [];
  const body = rows
    .filter((r) => r !== header && !headRows.includes(r))
    .map((r) => ({ element: r, cells: expandCells(r) }))
    .filter((r) => r.cells.some((c) => c.tagName.toUpperCase() === 'TD'));
  return { table, headers, rows: body };
}

/** Every table of a document or element (in document order). */
export function tablesOf(root: ParentNode): Element[] {
  return Array.from(root.querySelectorAll('table'));
}

/** Visible page headings (h1–h3) and the title, as text; for recognising and for diagnostics. */
export function headingsOf(root: Document | Element): string[] {
  const doc = 'documentElement' in root ? root : null;
  const out: string[] = [];
  for (const h of Array.from(root.querySelectorAll('h1, h2, h3, [role=heading]'))) {
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
  const t = ` ${foldLabel(text)} `;
  const p = foldLabel(phrase);
  return p !== '' && t.includes(` ${p} `);
}

/** The first phrase of the list that `text` contains (folded, whole words), or null. */
export function findPhrase(text: string, phrases: readonly string[]): string | null {
  return phrases.find((p) => containsPhrase(text, p)) ?? null;
}

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
  for (const label of labels) {
    const words = foldLabel(label).split(' ').filter(Boolean);
    if (words.length === 0) continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])[\\s:.\\-–]*`, 'u');
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i]!;
      const m = re.exec(plainOf(chunk));
      if (!m) continue;
      const rest = chunk.slice(m.index + m[0].length).trim();
      if (rest !== '') return rest;
      const next = chunks[i + 1];
      if (next !== undefined) return next;
    }
  }
  return null;
}

/** Lower case without diacritics, the SAME length as the input (index for index). */
function plainOf(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const base = ch.normalize('NFD').charAt(0).toLowerCase();
    out += base.length === 1 ? base : ch;
  }
  return out;
}

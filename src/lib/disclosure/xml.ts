import { ReadError, quoteList } from '../errors.ts';
import { readInputText } from '../encoding.ts';
import { foldLabel, splitCamel } from '../text/fold.ts';
import { matchLabel, matchLabelDetailed } from '../text/labels.ts';
import { detectXmlKind } from '../xml/kind.ts';
import { type XmlNode, parseXml } from '../xml/parse.ts';
import { hasName } from '../xml/query.ts';
import { DisclosureBuilder } from './builder.ts';
import {
  type ColumnField, type HeaderField, COLUMN_LABELS, HEADER_LABELS, NO_DATA_NAMES, NO_DATA_TEXTS,
  REQUIRED_COLUMN_NAMES, ROWS_CONTAINER_NAMES, ROW_ELEMENT_NAMES,
} from './labels.ts';
import type { Disclosure } from './model.ts';
import { type RowCells, toDisclosureRow } from './rows.ts';

/**
 * The XML disclosure (FORMATS.md). The layout is not published, so the reader does not
 * rely on it: it walks the tree in document order and feeds the same section builder as
 * the CSV reader —
 *
 * - an element or attribute whose (local, folded) name is a header key is that key
 *   (`<StevilkaPoizvedbe>`, `<Podatki od="…" do="…">`, `<Vlagatelj><DavcnaStevilka>`);
 * - an element named like a row (`Vrstica`), or with ≥ 3 leaf children/attributes naming
 *   different columns, is one row; its fields may be children or attributes;
 * - `<NiPodatkov/>`, or an element whose text reads "NI PODATKOV", marks a period without
 *   data, and so does a rows container (`<Podatki>`) without rows.
 */
export function readDisclosureXml(input: Uint8Array | string | XmlNode): Disclosure {
  const root = typeof input === 'object' && !(input instanceof Uint8Array) ? input : parseXml(readInputText(input));
  if (detectXmlKind(root) === 'certificate') {
    throw new ReadError('NOT_RECOGNISED', 'To je XML e-potrdila (eBOL/ePODK), ne »Podatki za izračun osnove«.', {
      expected: ['Podatki za izračun osnove'], found: [`<${root.name}>`],
    });
  }
  const b = new DisclosureBuilder();
  walk(root, null, b);
  if (!b.recognisedAnything) {
    throw new ReadError(
      'NOT_RECOGNISED',
      `XML ni prepoznan kot »Podatki za izračun osnove«: ni elementov, kot so StevilkaPoizvedbe, ObdobjeOsnoveOd, Vrstica. Korenski element: <${root.name}>, njegovi elementi: ${quoteList(root.children.slice(0, 8).map((c) => c.name))}.`,
      { expected: ['StevilkaPoizvedbe', 'ObdobjeOsnoveOd', 'ObdobjeOsnoveDo', 'Vrstica'], found: [root.name, ...root.children.slice(0, 8).map((c) => c.name)] },
    );
  }
  return b.finish();
}

function walk(node: XmlNode, parent: XmlNode | null, b: DisclosureBuilder): void {
  if (hasName(node, NO_DATA_NAMES)) { b.noData(); return; }
  if (isRowElement(node)) {
    const row = toDisclosureRow(rowCells(node), { xml: true });
    if (row) b.row(row);
    return;
  }
  for (const attr in node.attrs) {
    const field = headerFieldOf(attr, node.name);
    if (field) b.header(field, node.attrs[attr] ?? '');
  }
  if (node.children.length === 0) {
    const field = headerFieldOf(node.name, parent?.name ?? null);
    if (field) { b.header(field, node.text); return; }
  }
  if (isNoDataText(node.text)) { b.noData(); return; }
  const container = hasName(node, ROWS_CONTAINER_NAMES);
  const before = b.rowCount;
  for (const child of node.children) walk(child, node, b);
  if (container && b.rowCount === before && !subtreeHasNoData(node)) b.noData();
}

/** A header key by the element's own name, or by element + parent (`DavcnaStevilka` in `Vlagatelj`). */
function headerFieldOf(name: string, parentName: string | null): HeaderField | null {
  const own = matchLabel(name, HEADER_LABELS);
  if (own) return own;
  if (parentName === null) return null;
  // Only exact/compact matches here: "contains" over two names would find too much.
  return matchLabelDetailed(`${splitCamel(name)} ${splitCamel(parentName)}`, HEADER_LABELS, { allowContains: false })?.field ?? null;
}

function isRowElement(node: XmlNode): boolean {
  if (hasName(node, ROWS_CONTAINER_NAMES)) return false;
  if (hasName(node, ROW_ELEMENT_NAMES)) return true;
  const fields = new Set<ColumnField>();
  for (const c of node.children) {
    if (c.children.length > 0) continue;
    const f = matchLabel(c.name, COLUMN_LABELS);
    if (f) fields.add(f);
  }
  for (const a in node.attrs) {
    const f = matchLabel(a, COLUMN_LABELS);
    if (f) fields.add(f);
  }
  return fields.size >= 3;
}

/** A row's fields from leaf children and attributes; the first occurrence of a field wins. */
function rowCells(node: XmlNode): RowCells {
  const cells: RowCells = {};
  const found: string[] = [];
  for (const c of node.children) {
    found.push(c.name);
    const f = matchLabel(c.name, COLUMN_LABELS);
    if (f && cells[f] === undefined) cells[f] = c.text;
  }
  for (const a in node.attrs) {
    found.push(`@${a}`);
    const f = matchLabel(a, COLUMN_LABELS);
    if (f && cells[f] === undefined) cells[f] = node.attrs[a] ?? '';
  }
  // Empty elements may be left out of XML (→ blank amount/hours), but a row must say
  // which month, return and income type it is.
  const missing: string[] = [];
  if (cells.month === undefined) missing.push(REQUIRED_COLUMN_NAMES.period);
  if (cells.source === undefined) missing.push(REQUIRED_COLUMN_NAMES.source);
  if (cells.incomeType === undefined) missing.push(REQUIRED_COLUMN_NAMES.incomeType);
  if (missing.length > 0) {
    throw new ReadError(
      'MISSING_COLUMNS',
      `Vrstica <${node.name}> nima podatkov ${quoteList(missing)}. Pričakovani elementi: Leto + Mesec (ali Obdobje), Vir, VrstaDohodka, Znesek, Ure; najdeni: ${quoteList(found)}.`,
      { expected: ['Leto', 'Mesec', 'Vir', 'VrstaDohodka', 'Znesek', 'Ure'], found },
    );
  }
  return cells;
}

function isNoDataText(text: string): boolean {
  if (!/podatk/i.test(text)) return false;
  const folded = ` ${foldLabel(text)} `;
  return NO_DATA_TEXTS.some((t) => folded.includes(` ${t} `));
}

function subtreeHasNoData(node: XmlNode): boolean {
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop() as XmlNode;
    if (hasName(n, NO_DATA_NAMES) || isNoDataText(n.text)) return true;
    for (const c of n.children) stack.push(c);
  }
  return false;
}


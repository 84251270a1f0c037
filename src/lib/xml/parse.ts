import { ReadError } from '../errors.ts';
import { stripBom } from '../encoding.ts';
import { MAX_XML_DEPTH } from '../limits.ts';
import type { XmlNode } from './node.ts';
import { decodeEntities } from './entities.ts';
import { lineAt } from './position.ts';

export type { XmlNode } from './node.ts';

/**
 * A small, safe XML parser for the files this project reads (FURS disclosures, signed
 * eBOL/ePODK documents). Written by hand instead of using DOMParser because it must run in a
 * service worker and in Node too, and because it must be safe by construction:
 *
 * - any DTD (`<!DOCTYPE`, `<!ENTITY`, …) is refused with `XML_DTD_FORBIDDEN`, so external
 *   entities (XXE) and entity expansion ("billion laughs") cannot happen;
 * - only the five predefined entities and numeric character references are decoded;
 * - nesting deeper than `maxDepth` is refused (`XML_TOO_DEEP`); the parser is iterative,
 *   so no input can overflow the call stack;
 * - one linear pass over the text, `indexOf` to jump between markup.
 *
 * Processing instructions (incl. the XML declaration) and comments are skipped. Namespaces
 * are reduced to local names (the prefix is kept on the node).
 */
export interface XmlParseOptions {
  maxDepth?: number;
}

const NAME_START_RE = /^[A-Za-z_\u00c0-\uffff]/;
const NAME_RE = /^[A-Za-z_\u00c0-\uffff][\w.\-\u00b7\u00c0-\uffff]*(?::[A-Za-z_\u00c0-\uffff][\w.\-\u00b7\u00c0-\uffff]*)?$/;

export function parseXml(input: string, options: XmlParseOptions = {}): XmlNode {
  const maxDepth = options.maxDepth ?? MAX_XML_DEPTH;
  const src = stripBom(input);
  const n = src.length;
  const stack: XmlNode[] = [];
  const qnames: string[] = [];
  let root: XmlNode | null = null;
  let i = 0;

  function fail(what: string, pos: number): never {
    throw new ReadError('XML_MALFORMED', `XML ni pravilno oblikovan: ${what}.`, { line: lineAt(src, pos) });
  }

  while (i < n) {
    const lt = src.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const top = stack[stack.length - 1];
      if (top) top.text += decodeEntities(src, i, textEnd);
      else if (!isBlank(src, i, textEnd)) fail(root ? 'besedilo za koncem korenskega elementa' : 'besedilo pred korenskim elementom', i);
      if (lt < 0) break;
      i = lt;
    }
    const next = src.charCodeAt(i + 1);

    if (next === 0x3f /* ? */) {
      const end = src.indexOf('?>', i + 2);
      if (end < 0) fail('nezaključeno navodilo »<?«', i);
      i = end + 2;
      continue;
    }

    if (next === 0x21 /* ! */) {
      if (src.startsWith('<!--', i)) {
        const end = src.indexOf('-->', i + 4);
        if (end < 0) fail('nezaključen komentar »<!--«', i);
        i = end + 3;
        continue;
      }
      if (src.startsWith('<![CDATA[', i)) {
        const top = stack[stack.length - 1];
        if (!top) fail('CDATA zunaj korenskega elementa', i);
        const end = src.indexOf(']]>', i + 9);
        if (end < 0) fail('nezaključen razdelek »<![CDATA[«', i);
        top.text += src.slice(i + 9, end);
        i = end + 3;
        continue;
      }
      if (/^<!\s*(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i.test(src.slice(i, i + 12))) {
        throw new ReadError(
          'XML_DTD_FORBIDDEN',
          'XML vsebuje definicijo tipa dokumenta (<!DOCTYPE> ali <!ENTITY>), ki je iz varnostnih razlogov ne beremo. Pričakovana je datoteka brez DTD, kot jo izvozi portal.',
          { expected: ['XML brez <!DOCTYPE> in <!ENTITY>'], found: [src.slice(i, i + 9)], line: lineAt(src, i) },
        );
      }
      fail('neznana oznaka »<!«', i);
    }

    if (next === 0x2f /* / */) {
      const close = src.indexOf('>', i + 2);
      if (close < 0) fail('nezaključena končna oznaka', i);
      const qname = src.slice(i + 2, close).trimEnd();
      const open = qnames[qnames.length - 1];
      if (open === undefined) fail(`končna oznaka </${qname}> brez začetne`, i);
      if (qname !== open) fail(`pričakovana končna oznaka </${open}>, najdena </${qname}>`, i);
      stack.pop();
      qnames.pop();
      i = close + 1;
      continue;
    }

    // Start tag: `<name attr="v" …>` or `<name … />`.
    let j = i + 1;
    while (j < n && !isNameEnd(src.charCodeAt(j))) j++;
    const qname = src.slice(i + 1, j);
    if (!NAME_RE.test(qname)) fail(qname === '' || !NAME_START_RE.test(qname) ? 'znak »<« brez imena elementa' : `neveljavno ime elementa »${qname}«`, i);
    const node = makeNode(qname);
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpace(src.charCodeAt(j))) j++;
      if (j >= n) fail(`nezaključena oznaka <${qname}>`, i);
      const c = src.charCodeAt(j);
      if (c === 0x3e /* > */) { j++; break; }
      if (c === 0x2f /* / */) {
        if (src.charCodeAt(j + 1) !== 0x3e) fail(`pričakovan »/>« v oznaki <${qname}>`, j);
        selfClosing = true;
        j += 2;
        break;
      }
      const nameStart = j;
      while (j < n && !isNameEnd(src.charCodeAt(j))) j++;
      const attrName = src.slice(nameStart, j);
      if (!NAME_RE.test(attrName)) fail(`neveljaven atribut v oznaki <${qname}>`, nameStart);
      while (j < n && isSpace(src.charCodeAt(j))) j++;
      if (src.charCodeAt(j) !== 0x3d /* = */) fail(`atribut »${attrName}« brez vrednosti`, j);
      j++;
      while (j < n && isSpace(src.charCodeAt(j))) j++;
      const quote = src.charCodeAt(j);
      if (quote !== 0x22 && quote !== 0x27) fail(`vrednost atributa »${attrName}« ni v narekovajih`, j);
      const valueEnd = src.indexOf(quote === 0x22 ? '"' : "'", j + 1);
      if (valueEnd < 0) fail(`nezaključena vrednost atributa »${attrName}«`, j);
      const value = decodeEntities(src, j + 1, valueEnd);
      if (value.includes('<')) {
        // Only a literal `<` is forbidden; `&lt;` decodes to one legitimately.
        const raw = src.slice(j + 1, valueEnd).indexOf('<');
        if (raw >= 0) fail(`znak »<« v vrednosti atributa »${attrName}«`, j + 1 + raw);
      }
      j = valueEnd + 1;
      addAttribute(node, attrName, value);
      // Attributes must be separated by white space.
      const after = src.charCodeAt(j);
      if (j < n && !isSpace(after) && after !== 0x3e && after !== 0x2f) fail(`manjka presledek za atributom »${attrName}«`, j);
    }

    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else if (root) fail('več korenskih elementov', i);
    else root = node;
    if (stack.length + 1 > maxDepth) {
      throw new ReadError('XML_TOO_DEEP', `XML je pregloboko gnezden: več kot ${maxDepth} ravni elementov.`, {
        expected: [`največ ${maxDepth} ravni`], line: lineAt(src, i),
      });
    }
    if (!selfClosing) {
      stack.push(node);
      qnames.push(qname);
    }
    i = j;
  }

  const unclosed = qnames[qnames.length - 1];
  if (unclosed !== undefined) fail(`element <${unclosed}> ni zaprt`, n);
  if (!root) {
    if (isBlank(src, 0, n)) throw new ReadError('EMPTY', 'Datoteka je prazna.');
    fail('ni korenskega elementa', 0);
  }
  return root;
}

function makeNode(qname: string): XmlNode {
  const colon = qname.indexOf(':');
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  if (colon < 0) return { name: qname, attrs, children: [], text: '' };
  return { name: qname.slice(colon + 1), prefix: qname.slice(0, colon), attrs, children: [], text: '' };
}

function addAttribute(node: XmlNode, qname: string, value: string): void {
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  const local = colon < 0 ? qname : qname.slice(colon + 1);
  if (qname === 'xmlns' || prefix === 'xmlns') return; // namespace declarations are not data
  if (!(local in node.attrs)) node.attrs[local] = value; // on a local-name clash the first wins
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isNameEnd(c: number): boolean {
  return isSpace(c) || c === 0x3e || c === 0x2f || c === 0x3d || c === 0x3c || c === 0x22 || c === 0x27;
}

function isBlank(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isSpace(s.charCodeAt(k))) return false;
  return true;
}

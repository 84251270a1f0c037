import { isIsoDate, type IsoDate } from '../dates.ts';
import { ReadError, excerpt } from '../errors.ts';
import { Dec } from '../money.ts';
import { parseDate } from '../parse/date.ts';
import type { XmlNode } from '../xml/node.ts';
import { childByNames, childrenByNames, findAll, textOf } from '../xml/query.ts';
import { ESLOG_NAMES as N } from './names.ts';

/**
 * Small readers for the qualified segments of eSLOG 2.0. Each returns plain values with
 * their qualifier, so the invoice reader only decides which qualifier means what.
 */

/** The text at a path of direct children (`S_BGM`, `C_C106`, `D_1004`), or `''`. */
export function textAt(node: XmlNode, ...path: ReadonlyArray<readonly string[]>): string {
  let n: XmlNode | undefined = node;
  for (const names of path) {
    n = n ? childByNames(n, names) : undefined;
  }
  return textOf(n);
}

export interface Qualified<T> {
  qualifier: string;
  value: T;
}

/** `S_DTM/C_C507` → qualifier `D_2005`, date `D_2380`, for every `S_DTM` that is a direct child of `parent`. */
export function datesIn(parent: XmlNode): Qualified<string>[] {
  return childrenByNames(parent, N.dtm).map((dtm) => ({
    qualifier: textAt(dtm, N.dtmComposite, N.dtmQualifier),
    value: textAt(dtm, N.dtmComposite, N.dtmValue),
  }));
}

/**
 * A date as eSLOG writes it: `2025-06-05` (xs:date, the eSLOG 2.0 norm), EDIFACT
 * `20250605` (format 102) or `202506051200` (format 203); anything else through the
 * project's date parser. Blank → null.
 */
export function parseEslogDate(text: string, label: string): IsoDate | null {
  const s = text.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})(?:\d{4})?$/.exec(s);
  if (compact) {
    const iso = `${compact[1]}-${compact[2]}-${compact[3]}`;
    if (isIsoDate(iso)) return iso;
  }
  // Not a real date in the compact form either: the parser's message quotes the original.
  return parseDate(s, { label });
}

/** `S_MOA/C_C516` → qualifier `D_5025`, amount `D_5004`, for every `S_MOA` inside `parent` (not below nested lines). */
export function amountsIn(parent: XmlNode, label: string): Qualified<Dec>[] {
  return findAll(parent, N.moa).map((moa) => ({
    qualifier: textAt(moa, N.moaComposite, N.moaQualifier),
    value: parseAmount(textAt(moa, N.moaComposite, N.moaValue), label),
  }));
}

const AMOUNT_RE = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * An amount as an exact decimal. XML writes `1234.56` (xs:decimal); a decimal comma is
 * tolerated because hand-made files use it. Thousands separators are not: in an XML amount
 * they would be ambiguous, and no generator writes them.
 */
export function parseAmount(text: string, label: string): Dec {
  const s = text.trim();
  if (!AMOUNT_RE.test(s)) {
    throw new ReadError('BAD_NUMBER', `${label}: pričakovan znesek (npr. 123.45), najdeno »${excerpt(s)}«.`, {
      expected: ['znesek, npr. 123.45'], found: [s],
    });
  }
  return Dec.from(s.replace(',', '.'));
}

/** `S_RFF/C_C506` → qualifier `D_1153`, reference `D_1154`, for the `S_RFF` directly in each group. */
export function referencesIn(groups: readonly XmlNode[]): Qualified<string>[] {
  const out: Qualified<string>[] = [];
  for (const g of groups) {
    for (const rff of childrenByNames(g, N.rff)) {
      out.push({ qualifier: textAt(rff, N.rffComposite, N.rffQualifier), value: textAt(rff, N.rffComposite, N.rffValue) });
    }
  }
  return out;
}

/** All texts below a node (for free-text segments whose layout varies). */
export function allTexts(node: XmlNode): string[] {
  const out: string[] = [];
  const stack: XmlNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as XmlNode;
    const t = n.text.trim();
    if (t !== '') out.push(t);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as XmlNode);
  }
  return out;
}

/** Qualifiers are codes: compare them without case or surrounding space. */
export function sameCode(a: string, b: string): boolean {
  return a.trim().toUpperCase() === b.toUpperCase();
}

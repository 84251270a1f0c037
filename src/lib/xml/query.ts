import { compactLabel } from '../text/fold.ts';
import type { XmlNode } from './node.ts';

/**
 * Finding elements by name the way FORMATS.md asks: by local name, folded (case,
 * diacritics and punctuation do not matter: `StevilkaPoizvedbe` = `stevilka_poizvedbe`).
 */

// Element names repeat a lot within a file and between files; folding is memoised.
const keyMemo = new Map<string, string>();
const MEMO_LIMIT = 4096;

/** The folded, space-free key of an element or attribute name. */
export function nameKey(name: string): string {
  let k = keyMemo.get(name);
  if (k === undefined) {
    k = compactLabel(name);
    if (keyMemo.size >= MEMO_LIMIT) keyMemo.clear();
    keyMemo.set(name, k);
  }
  return k;
}

const setMemo = new WeakMap<readonly string[], ReadonlySet<string>>();

/** Name lists are usually module constants: fold each list once. */
function keySet(names: readonly string[]): ReadonlySet<string> {
  let s = setMemo.get(names);
  if (!s) {
    s = new Set(names.map(nameKey));
    setMemo.set(names, s);
  }
  return s;
}

export function hasName(node: XmlNode, names: readonly string[]): boolean {
  return keySet(names).has(nameKey(node.name));
}

/** The first direct child with one of the names. */
export function childByNames(node: XmlNode, names: readonly string[]): XmlNode | undefined {
  const keys = keySet(names);
  return node.children.find((c) => keys.has(nameKey(c.name)));
}

export function childrenByNames(node: XmlNode, names: readonly string[]): XmlNode[] {
  const keys = keySet(names);
  return node.children.filter((c) => keys.has(nameKey(c.name)));
}

export interface FindOptions {
  /** Subtrees under elements with these names are not searched (e.g. `Signature`). */
  skip?: readonly string[];
}

/** The first descendant (not `node` itself) with one of the names, depth-first in document order. */
export function findFirst(node: XmlNode, names: readonly string[], options: FindOptions = {}): XmlNode | undefined {
  const keys = keySet(names);
  const skip = options.skip ? keySet(options.skip) : null;
  const stack: XmlNode[] = [...node.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop() as XmlNode;
    const k = nameKey(n.name);
    if (keys.has(k)) return n;
    if (skip?.has(k)) continue;
    for (let c = n.children.length - 1; c >= 0; c--) stack.push(n.children[c] as XmlNode);
  }
  return undefined;
}

/** The shallowest descendant with one of the names (breadth-first): the closest to `node`. */
export function findNearest(node: XmlNode, names: readonly string[], options: FindOptions = {}): XmlNode | undefined {
  const keys = keySet(names);
  const skip = options.skip ? keySet(options.skip) : null;
  let level: XmlNode[] = node.children;
  while (level.length > 0) {
    const next: XmlNode[] = [];
    for (const n of level) {
      const k = nameKey(n.name);
      if (keys.has(k)) return n;
      if (!skip?.has(k)) for (const c of n.children) next.push(c); // no spread: huge lists
    }
    level = next;
  }
  return undefined;
}

/** Every descendant with one of the names, in document order; matches are not searched inside. */
export function findAll(node: XmlNode, names: readonly string[], options: FindOptions = {}): XmlNode[] {
  const keys = keySet(names);
  const skip = options.skip ? keySet(options.skip) : null;
  const out: XmlNode[] = [];
  const stack: XmlNode[] = [...node.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop() as XmlNode;
    const k = nameKey(n.name);
    if (keys.has(k)) { out.push(n); continue; }
    if (skip?.has(k)) continue;
    for (let c = n.children.length - 1; c >= 0; c--) stack.push(n.children[c] as XmlNode);
  }
  return out;
}

/** The element's own text, trimmed; `''` for a missing element. */
export function textOf(node: XmlNode | null | undefined): string {
  return node ? node.text.trim() : '';
}

/** An attribute by folded name. */
export function attrByNames(node: XmlNode, names: readonly string[]): string | undefined {
  const keys = keySet(names);
  for (const a in node.attrs) if (keys.has(nameKey(a))) return node.attrs[a];
  return undefined;
}

/**
 * A value that may be written as a child element or as an attribute (FORMATS.md: "values
 * may also come as attributes"). `null` when neither exists.
 */
export function valueOf(node: XmlNode, names: readonly string[]): string | null {
  const child = childByNames(node, names);
  if (child) return textOf(child);
  const attr = attrByNames(node, names);
  return attr === undefined ? null : attr.trim();
}

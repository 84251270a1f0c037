import { foldLabel, splitCamel } from './fold.ts';

/**
 * Label tables: for each field a reader knows, the labels (synonyms) it may appear under.
 * Every reader and page adapter keeps exactly one table, so adapting to a changed portal is
 * a one-file change (FORMATS.md rule 1).
 */
export type LabelTable<F extends string> = Record<F, readonly string[]>;

export type LabelMatchKind = 'exact' | 'compact' | 'contains';

export interface LabelMatch<F extends string> {
  field: F;
  kind: LabelMatchKind;
  /** The synonym (as written in the table) that matched. */
  synonym: string;
  /** Higher is better: exact > compact > contains; among contains, a longer synonym wins. */
  score: number;
}

/**
 * Matching rule, in this order (the first step that gives an answer decides):
 *
 * 1. **exact** — the folded text equals a folded synonym (`Število ur:` = `število ur`);
 * 2. **compact** — equal after also removing spaces (`SteviloUr`, `Število-ur`, `ZZZSŠtevilka`);
 * 3. **contains** — a folded synonym occurs in the folded text as whole words
 *    (`Znesek v EUR` contains `znesek`). The longest such synonym wins; if the longest
 *    synonyms found belong to two different fields, the text is ambiguous and matches
 *    nothing. Synonyms shorter than 3 characters (`od`, `do`) never match by containment,
 *    only exactly.
 *
 * A synonym listed under two fields is a programming error and throws when the table is
 * first used, so no table can make a label ambiguous by itself.
 */
export function matchLabel<F extends string>(text: string, table: LabelTable<F>): F | null {
  return matchLabelDetailed(text, table)?.field ?? null;
}

export function matchLabelDetailed<F extends string>(
  text: string,
  table: LabelTable<F>,
  options: { allowContains?: boolean } = {},
): LabelMatch<F> | null {
  const c = compiled(table);
  // The same labels come back in every file of a batch: remember the answers (bounded).
  const memo = options.allowContains === false ? c.memoExact : c.memo;
  const known = memo.get(text);
  if (known !== undefined) return known;
  const result = matchUncached(text, c, options.allowContains !== false);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, result === null ? null : Object.freeze(result));
  return result;
}

const MEMO_LIMIT = 2048;

function matchUncached<F extends string>(text: string, c: CompiledTable<F>, allowContains: boolean): LabelMatch<F> | null {
  const folded = foldLabel(text);
  if (folded === '') return null;
  const exact = c.exact.get(folded);
  if (exact) return { field: exact.field, kind: 'exact', synonym: exact.synonym, score: 3000 };
  const compact = c.compact.get(folded.replace(/ /g, ''));
  if (compact) return { field: compact.field, kind: 'compact', synonym: compact.synonym, score: 2000 };
  if (!allowContains) return null;

  const camel = foldLabel(splitCamel(text));
  const haystacks = camel === folded ? [` ${folded} `] : [` ${folded} `, ` ${camel} `];
  let best: CompiledSynonym<F> | null = null;
  let ambiguous = false;
  for (const syn of c.words) {
    // Sorted by length, longest first: once shorter than the best, nothing better follows.
    if (best && syn.folded.length < best.folded.length) break;
    if (!haystacks.some((h) => h.includes(syn.padded))) continue;
    if (!best) best = syn;
    else if (syn.field !== best.field) ambiguous = true;
  }
  if (!best || ambiguous) return null;
  return { field: best.field, kind: 'contains', synonym: best.synonym, score: 1000 + best.folded.length };
}

export interface HeaderMatch<F extends string> {
  /** Column index per recognised field. */
  columns: Partial<Record<F, number>>;
  /** Header texts (as found) that are no field, or lost to a better header for the same field. */
  unmatched: string[];
}

/**
 * Maps a table's header cells to fields. When two headers match the same field, the better
 * match wins (exact over compact over contains, then the longer synonym, then the leftmost
 * column); the other header is reported in `unmatched`. Blank headers are ignored.
 */
export function matchHeaders<F extends string>(headers: readonly string[], table: LabelTable<F>): HeaderMatch<F> {
  const best = new Map<F, { column: number; score: number }>();
  const matches: Array<LabelMatch<F> | null> = headers.map((h) => matchLabelDetailed(h, table));
  matches.forEach((m, column) => {
    if (!m) return;
    const prev = best.get(m.field);
    if (!prev || m.score > prev.score) best.set(m.field, { column, score: m.score });
  });
  const columns: Partial<Record<F, number>> = {};
  const used = new Set<number>();
  for (const [field, { column }] of best) {
    columns[field] = column;
    used.add(column);
  }
  const unmatched: string[] = [];
  headers.forEach((h, i) => {
    if (!used.has(i) && h.trim() !== '') unmatched.push(h.trim());
  });
  return { columns, unmatched };
}

/** All synonyms of the given fields, for "expected …" messages (first synonym = display name). */
export function displayNames<F extends string>(table: LabelTable<F>, fields: readonly F[]): string[] {
  return fields.map((f) => table[f][0] ?? f);
}

// ---- compiled tables (cached per table object) ----

interface CompiledSynonym<F extends string> {
  field: F;
  synonym: string;
  folded: string;
  padded: string;
}

interface CompiledTable<F extends string> {
  exact: Map<string, CompiledSynonym<F>>;
  compact: Map<string, CompiledSynonym<F>>;
  /** Synonyms of ≥ 3 characters usable for the contains rule, longest first. */
  words: CompiledSynonym<F>[];
  /** Results by raw text (match results are immutable). */
  memo: Map<string, LabelMatch<F> | null>;
  memoExact: Map<string, LabelMatch<F> | null>;
}

const cache = new WeakMap<object, CompiledTable<string>>();

function compiled<F extends string>(table: LabelTable<F>): CompiledTable<F> {
  const hit = cache.get(table);
  // The cache is keyed by the table object itself, so the field type is the table's.
  if (hit) return hit as CompiledTable<F>;
  const c = compileTable(table);
  cache.set(table, c as CompiledTable<string>);
  return c;
}

function compileTable<F extends string>(table: LabelTable<F>): CompiledTable<F> {
  const exact = new Map<string, CompiledSynonym<F>>();
  const compact = new Map<string, CompiledSynonym<F>>();
  const words: CompiledSynonym<F>[] = [];
  for (const field of Object.keys(table) as F[]) {
    for (const synonym of table[field]) {
      const folded = foldLabel(synonym);
      if (folded === '') continue;
      const entry: CompiledSynonym<F> = { field, synonym, folded, padded: ` ${folded} ` };
      const clash = exact.get(folded) ?? compact.get(folded.replace(/ /g, ''));
      if (clash && clash.field !== field) {
        throw new Error(`Label table: "${synonym}" (${field}) clashes with "${clash.synonym}" (${clash.field})`);
      }
      exact.set(folded, entry);
      compact.set(folded.replace(/ /g, ''), entry);
      if (folded.length >= 3) words.push(entry);
    }
  }
  words.sort((a, b) => b.folded.length - a.folded.length);
  return { exact, compact, words, memo: new Map(), memoExact: new Map() };
}

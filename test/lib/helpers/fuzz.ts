import fc from 'fast-check';
import { expect } from 'vitest';
import { ReadError } from '../../../src/lib/errors.ts';

/** Generous per-input budget: real files parse in well under a millisecond. */
export const PER_INPUT_MS = 1000;

export type Mutation =
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'duplicateChars'; at: number; length: number }
  | { op: 'duplicateLine'; line: number }
  | { op: 'deleteLine'; line: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'replaceAll'; from: string; to: string };

const NASTY = ['<', '>', '/', '&', ';', '"', "'", '\t', ',', '.', '-', '\n', '\r\n', '=', ':', ' ', '\u00a0', '0', '9', 'č', '&amp;', '&#0;', ']]>', '<!--', '<![CDATA[', '<!DOCTYPE x>', 'NI PODATKOV', 'Skupaj', '1.234,56', '2024', '13', '31.02.2025', '\uFEFF', '\u0000'];

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 8 })) }),
  fc.record({ op: fc.constant('duplicateChars' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ op: fc.constant('duplicateLine' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('deleteLine' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('replaceAll' as const), from: fc.constantFrom(';', ',', '\t', '.', '\n', '<', '"'), to: fc.constantFrom(';', ',', '\t', '.', '', ' ', '\n', '"') }),
);

export function mutate(text: string, mutations: readonly Mutation[]): string {
  let s = text;
  for (const m of mutations) {
    const at = s.length === 0 ? 0 : ('at' in m ? m.at % (s.length + 1) : 0);
    const lines = s.split('\n');
    const li = (n: number): number => n % lines.length;
    switch (m.op) {
      case 'delete': s = s.slice(0, at) + s.slice(at + m.length); break;
      case 'insert': s = s.slice(0, at) + m.text + s.slice(at); break;
      case 'duplicateChars': s = s.slice(0, at) + s.slice(at, at + m.length) + s.slice(at); break;
      case 'duplicateLine': lines.splice(li(m.line), 0, lines[li(m.line)] ?? ''); s = lines.join('\n'); break;
      case 'deleteLine': lines.splice(li(m.line), 1); s = lines.join('\n'); break;
      case 'swapLines': {
        const a = li(m.a), b = li(m.b);
        [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
        s = lines.join('\n');
        break;
      }
      case 'replaceAll': s = s.split(m.from).join(m.to); break;
    }
  }
  return s;
}

/** Every number anywhere in a result is finite (no NaN/Infinity slipped through). */
export function expectFiniteNumbers(value: unknown): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) stack.push(x);
  }
}

/**
 * Runs `read` and checks the contract every reader has: a result that passes `check`, or a
 * `ReadError` — never any other exception — within the time budget.
 */
export function expectResultOrReadError<T>(read: () => T, check: (result: T) => void): void {
  const started = performance.now();
  let result: T | undefined;
  let error: unknown = null;
  try {
    result = read();
  } catch (e) {
    error = e;
  }
  const elapsed = performance.now() - started;
  expect(elapsed).toBeLessThan(PER_INPUT_MS);
  if (error !== null) {
    if (!(error instanceof ReadError)) throw error;
    expect(typeof error.code).toBe('string');
    expect(error.message.length).toBeGreaterThan(0);
    return;
  }
  check(result as T);
  expectFiniteNumbers(result);
}

export interface TextEdit {
  node: number;
  text: string;
}

/** Values that readers must cope with (or refuse cleanly) when they appear as element text. */
export const textEditArb: fc.Arbitrary<TextEdit> = fc.record({
  node: fc.nat(),
  text: fc.oneof(
    fc.constantFrom('', ' ', 'NI PODATKOV', '13', '0', '-', '1.234,56', '1,5', '99999999999999999999', '2024-02-30', '31.12.2024', 'REK-O', 'x', '&amp;', 'Preklican', '01 - bolezen', 'da', '24', '2025-03-01T00:00:00Z'),
    fc.string({ maxLength: 10, unit: fc.constantFrom('1', '0', '.', ',', '-', ' ', 'a', '/', ':') }),
  ),
});

/**
 * Replaces the text of some elements, keeping the markup valid: exercises the readers'
 * value handling instead of the XML parser's error paths.
 */
export function editXmlText(xml: string, edits: readonly TextEdit[]): string {
  const parts = xml.split(/(>[^<]*<)/);
  const slots = parts.map((p, i) => (p.startsWith('>') && p.endsWith('<') ? i : -1)).filter((i) => i >= 0);
  if (slots.length === 0) return xml;
  for (const e of edits) {
    const at = slots[e.node % slots.length] as number;
    parts[at] = `>${e.text.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}<`;
  }
  return parts.join('');
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Delimiter, sniffDelimiter } from '../../../src/lib/disclosure/delimiter.ts';
import { ReadError } from '../../../src/lib/errors.ts';

/** The rule, counted char by char: how many of the first 200 lines hold each separator. */
function countedByChar(text: string): Delimiter | 'unsure' {
  let semis = 0, tabs = 0, commas = 0, lines = 0;
  let semi = false, tab = false, comma = false;
  for (let i = 0; i <= text.length && lines < 200; i++) {
    const c = i < text.length ? text[i] : '\n';
    if (c === '\n') {
      if (semi) semis++;
      if (tab) tabs++;
      if (comma) commas++;
      semi = tab = comma = false;
      lines++;
    } else if (c === ';') semi = true;
    else if (c === '\t') tab = true;
    else if (c === ',') comma = true;
  }
  if (semis > 0 || tabs > 0) return tabs > semis ? '\t' : ';';
  return commas === 0 ? ';' : 'unsure';
}

function sniffed(text: string): Delimiter | 'unsure' | 'refused' {
  const counted = countedByChar(text);
  try {
    const d = sniffDelimiter(text);
    return counted === 'unsure' ? 'unsure' : d; // commas: decided by the field counts, not by counting
  } catch (e) {
    if (e instanceof ReadError && counted === 'unsure') return 'unsure';
    return 'refused';
  }
}

describe('sniffDelimiter', () => {
  it('picks ; over tab unless tabs are on more lines, and , only when the field counts agree', () => {
    expect(sniffDelimiter('a;b\nc;d')).toBe(';');
    expect(sniffDelimiter('a\tb\nc\td\ne;f')).toBe('\t');
    expect(sniffDelimiter('Leto,Mesec,Znesek\n2024,1,5')).toBe(',');
    expect(() => sniffDelimiter('Leto,Mesec,Znesek\n2024,1,2,5')).toThrow(ReadError);
    expect(sniffDelimiter('no separators')).toBe(';');
  });

  it('counts lines (only the first 200) the same as a count char by char', () => {
    const unit = fc.constantFrom(';', '\t', ',', '\n', '\r\n', 'x', ' ', '"');
    fc.assert(fc.property(fc.string({ unit, maxLength: 80 }), (text) => {
      expect(sniffed(text)).toBe(countedByChar(text));
    }), { numRuns: 2000 });
    const long = (head: string, tail: string): string => `${'x\n'.repeat(199)}${head}\n${tail}`;
    for (const text of [long('a;b', 'c\td\ne\tf'), long('a\tb', 'c;d'), long('x', 'a;b'), `${'a\tb\n'.repeat(150)}${'c;d\n'.repeat(100)}`]) {
      expect(sniffed(text)).toBe(countedByChar(text));
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineEndingOf, papaCells, trimmedCells } from '../../../src/lib/disclosure/cells.ts';
import type { Delimiter } from '../../../src/lib/disclosure/delimiter.ts';
import { readDisclosure, readDisclosureCsv } from '../../../src/lib/disclosure/index.ts';
import { ReadError } from '../../../src/lib/errors.ts';
import { encodeCp1250, fursText } from '../helpers/fixtures.ts';
import { mutate, mutationArb } from '../helpers/fuzz.ts';

/** A result or the error it ends in, comparable with toEqual. */
function outcome(f: () => unknown): unknown {
  try {
    return { ok: f() };
  } catch (e) {
    if (e instanceof ReadError) return { code: e.code, message: e.message, line: e.line };
    throw e;
  }
}

const DELIMITERS: Delimiter[] = [';', '\t', ','];

// A quote-free text takes the hand split; the same text through papaparse is the reference.
describe('trimmedCells: the hand split gives what papaparse gives', () => {
  it.each([
    ['a;b\r\nc;d\r\n'], ['a;b\nc;d'], ['a;b\rc;d\r'], ['\ufeffLeto;Mesec\r\n2024;1'], ['\ufeff'], ['x'], [';;;\r\n\r\n;'],
    [' a ; b \t;\u00a0c\u00a0\r\n'], ['a;b\r\nlone\nLF;and\rCR\r\n'], ['NI PODATKOV\r\n\r\n'], ['Leto,Mesec,Znesek\n2024,1,"1.234,56"'],
    ['Leto\tMesec\tZnesek\n2024\t1\t1.234,56\n'], ['a;"b;c"\r\nd'],
  ])('%j', (text) => {
    for (const delimiter of DELIMITERS) {
      for (const newline of ['\r\n', '\n', '\r'] as const) {
        expect(trimmedCells(text, delimiter, newline)).toEqual(papaCells(text, delimiter, newline));
      }
    }
  });

  it('on random quote-free text, with the line ending the reader picks', () => {
    const unit = fc.constantFrom(';', '\t', ',', '\r\n', '\n', '\r', ' ', '\u00a0', '\ufeff', 'x', 'č', 'NI PODATKOV', '1.234,56', '2024', '');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), fc.constantFrom(...DELIMITERS), (text, delimiter) => {
        const newline = lineEndingOf(text);
        expect(trimmedCells(text, delimiter, newline)).toEqual(papaCells(text, delimiter, newline));
      }),
      { numRuns: 1000 },
    );
  });

  it('goes to papaparse when there is a quote', () => {
    expect(trimmedCells('a;"b;c"\r\nd', ';', '\r\n')).toEqual([['a', 'b;c'], ['d']]);
  });
});

/**
 * The whole reader, both ways: a `""` as the (otherwise empty) last line sends the text to
 * papaparse and changes nothing else — its one cell is blank, as the empty last line is.
 */
describe('readDisclosureCsv reads the same with and without the hand split', () => {
  const seeds = ['full-year.csv', 'two-sections.csv', 'blank-cells.csv', 'reordered-extra.csv', 'obdobje-column.csv', 'tab-delimited.tsv', 'bom-crlf.csv', 'wrong-columns.csv']
    .map(fursText)
    .filter((t) => !t.includes('"'));
  const viaPapa = (text: string): string => `${text}""`;
  const endsWithLine = (text: string): boolean => text.endsWith(lineEndingOf(text));

  it('on the fixtures', () => {
    expect(seeds.length).toBeGreaterThan(5);
    for (const text of seeds) {
      expect(endsWithLine(text)).toBe(true);
      expect(outcome(() => readDisclosureCsv(text))).toEqual(outcome(() => readDisclosureCsv(viaPapa(text))));
    }
  });

  it('on mutated fixtures: text, Windows-1250 bytes and UTF-8 with BOM', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), (seed, ms) => {
        const text = mutate(seed, ms);
        // (A blank text is EMPTY before it is split, a `""` is not blank: those are left out.)
        fc.pre(!text.includes('"') && endsWithLine(text) && /\S/.test(text));
        expect(outcome(() => readDisclosureCsv(text))).toEqual(outcome(() => readDisclosureCsv(viaPapa(text))));
        if (/^[\u0000-\u007fčšžČŠŽ–]*$/.test(text)) {
          expect(outcome(() => readDisclosure(encodeCp1250(text)))).toEqual(outcome(() => readDisclosure(encodeCp1250(viaPapa(text)))));
        }
        const bom = (t: string): Uint8Array => new TextEncoder().encode(`\ufeff${t}`);
        expect(outcome(() => readDisclosure(bom(text)))).toEqual(outcome(() => readDisclosure(bom(viaPapa(text)))));
      }),
      { numRuns: 400 },
    );
  });

  it('blank cells, NI PODATKOV and every line ending', () => {
    const lines = [
      'Obdobje osnove;01.01.2024 - 31.12.2024', 'Vrsta osnove;Osnova v breme ZZZS', '',
      'Leto;Mesec;Vir;Vrsta dohodka;Znesek;Ure', '2024;1;REK-O;1001;2.345,67;', '2024;2;;1001;;184', ' 2024 ; 3 ;REK-1b;005; 1 234,56 ;40',
      '', 'Obdobje osnove;01.01.2025 - 28.02.2025', 'NI PODATKOV', '',
    ];
    for (const newline of ['\r\n', '\n', '\r']) {
      const text = lines.join(newline);
      const d = readDisclosureCsv(text);
      expect(d.sections.map((s) => s.noData)).toEqual([false, true]);
      expect(d.warnings).toEqual(['BLANK_CELLS', 'NO_DATA_IN_DISCLOSURE', 'AMOUNT_WITHOUT_HOURS']);
      expect(outcome(() => readDisclosureCsv(text))).toEqual(outcome(() => readDisclosureCsv(viaPapa(text))));
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../../src/lib/dates.ts';
import { type Disclosure, readDisclosure, readDisclosureCsv, readDisclosureXml } from '../../../src/lib/disclosure/index.ts';
import { encodeCp1250, fursText } from '../helpers/fixtures.ts';
import { editXmlText, expectResultOrReadError, mutate, mutationArb, textEditArb } from '../helpers/fuzz.ts';

/** What every returned disclosure must satisfy, however odd the input was. */
function checkDisclosure(d: Disclosure): void {
  expect(d.type).toBe('disclosure');
  for (const s of d.sections) {
    for (const r of s.rows) {
      expect(r.month).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      expect(r.amount === null || Number.isFinite(r.amount)).toBe(true);
      expect(r.hours === null || Number.isFinite(r.hours)).toBe(true);
    }
    if (s.noData) expect(s.rows).toEqual([]);
    for (const date of [s.basePeriod.from, s.basePeriod.to]) if (date !== null) expect(isIsoDate(date)).toBe(true);
  }
  expect(new Set(d.warnings).size).toBe(d.warnings.length);
}

const CSV_SEEDS = ['full-year.csv', 'two-sections.csv', 'blank-cells.csv', 'reordered-extra.csv', 'obdobje-column.csv', 'tab-delimited.tsv', 'bom-crlf.csv', 'wrong-columns.csv'].map(fursText);
const XML_SEEDS = ['disclosure.xml', 'disclosure-ns-attrs.xml'].map(fursText);

describe('disclosure readers under fuzzing', () => {
  it('CSV: mutated fixtures end in a disclosure or a ReadError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CSV_SEEDS), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), (seed, ms) => {
        expectResultOrReadError(() => readDisclosureCsv(mutate(seed, ms)), checkDisclosure);
      }),
      { numRuns: 500 },
    );
  });

  it('CSV: random text and random bytes end in a disclosure or a ReadError', () => {
    const unit = fc.constantFrom(';', '\t', ',', '\n', '\r\n', '"', ' ', 'Leto', 'Mesec', 'Vir', 'Znesek', 'Ure', 'Vrsta dohodka', 'Obdobje osnove', 'NI PODATKOV', '2024', '1', '13', '1.234,56', '-', 'REK-O', 'Skupaj', 'x');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (s) => {
        expectResultOrReadError(() => readDisclosureCsv(s), checkDisclosure);
      }),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expectResultOrReadError(() => readDisclosure(bytes), checkDisclosure);
      }),
      { numRuns: 300 },
    );
  });

  it('CSV: Windows-1250 bytes of mutated fixtures', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CSV_SEEDS.slice(0, 3)), fc.array(mutationArb.filter((m) => m.op !== 'insert'), { maxLength: 3 }), (seed, ms) => {
        expectResultOrReadError(() => readDisclosure(encodeCp1250(mutate(seed, ms))), checkDisclosure);
      }),
      { numRuns: 200 },
    );
  });

  it('XML: mutated fixtures end in a disclosure or a ReadError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...XML_SEEDS), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), (seed, ms) => {
        expectResultOrReadError(() => readDisclosureXml(mutate(seed, ms)), checkDisclosure);
      }),
      { numRuns: 500 },
    );
  });

  it('XML: valid markup with odd values ends in a disclosure or a ReadError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...XML_SEEDS), fc.array(textEditArb, { minLength: 1, maxLength: 4 }), (seed, edits) => {
        expectResultOrReadError(() => readDisclosureXml(editXmlText(seed, edits)), checkDisclosure);
      }),
      { numRuns: 300 },
    );
  });
});

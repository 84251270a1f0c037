import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReadError } from '../../../src/lib/errors.ts';
import { parseDecimal } from '../../../src/lib/parse/number.ts';

describe('parseDecimal', () => {
  it.each([
    ['1.234,56', 1234.56], ['1234.56', 1234.56], ['1 234,56', 1234.56], ['1\u00a0234,56', 1234.56],
    ['1\u202f234,56', 1234.56], ['2.301,10', 2301.1], ['1234,5', 1234.5], ['-12,00', -12], ['184', 184],
    ['0', 0], ['-0,00', 0], ['1,5', 1.5], ['1,234', 1.234], ['1.234', 1234], ['12.500', 12500],
    ['0.125', 0.125], ['1.5', 1.5], ['2345.670', 2345.67], ['1.234.567,89', 1234567.89], ['1,234.56', 1234.56],
    ['1,234,567', 1234567], [' 42 ', 42], [',5', 0.5], ['2.345,67 €', 2345.67], ['EUR 10', 10], ['+5', 5],
    ['\u22127,5', -7.5], ['0,1', 0.1],
  ])('%s → %d', (text, expected) => {
    expect(parseDecimal(text)).toBe(expected);
  });

  it('reads blank cells as null, not 0', () => {
    for (const t of ['', '   ', '-', '–', '—']) expect(parseDecimal(t)).toBeNull();
  });

  it('reads XML decimals with a dot as decimals', () => {
    expect(parseDecimal('123.456', { xml: true })).toBe(123.456);
    expect(parseDecimal('1.234', { xml: true })).toBe(1.234);
    expect(parseDecimal('2.345,67', { xml: true })).toBe(2345.67);
  });

  it.each(['abc', '12a', '1.2.3', '1,23,4', '1..2', '1 23,4', '12e3', '--1', '5.', 'NaN', 'Infinity', '1.234,5.6', '9'.repeat(41)])(
    'refuses garbage %s with BAD_NUMBER naming what it found',
    (text) => {
      try {
        parseDecimal(text, { label: 'Znesek', line: 7 });
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ReadError);
        expect((e as ReadError).code).toBe('BAD_NUMBER');
        expect((e as ReadError).message).toContain('Znesek');
        expect((e as ReadError).message).toContain('vrstica 7');
        expect((e as ReadError).found).toEqual([text]);
      }
    },
  );

  it('gives the same double as the decimal literal (no float arithmetic)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 99 }), (int, cents) => {
        const frac = String(cents).padStart(2, '0');
        const expected = Number(`${int}.${frac}`);
        const grouped = int.toLocaleString('de-DE'); // 1.234.567
        expect(parseDecimal(`${grouped},${frac}`)).toBe(expected);
        expect(parseDecimal(`${int}.${frac}`)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('never returns NaN and never throws anything but ReadError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20, unit: fc.constantFrom('1', '0', '.', ',', ' ', '-', '+', 'e', '€', '\u00a0', 'x') }), (s) => {
        try {
          const n = parseDecimal(s);
          expect(n === null || Number.isFinite(n)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(ReadError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

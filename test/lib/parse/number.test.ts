import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReadError } from '../../../src/lib/errors.ts';
import { commonDecimal, parseDecimal, parseDecimalGeneral } from '../../../src/lib/parse/number.ts';

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

/** A value or the error's code and message, comparable with toEqual (Object.is for numbers, so -0 ≠ 0). */
function outcome(f: () => number | null): unknown {
  try {
    return { value: f() };
  } catch (e) {
    if (e instanceof ReadError) return { code: e.code, message: e.message, found: e.found };
    throw e;
  }
}

// commonDecimal is parseDecimal's shortcut for `184`, `2345,67`, `2.345,67`: wherever it
// answers, the general path must give the very same value, and parseDecimal must agree
// with the general path on everything.
describe('commonDecimal: the shortcut agrees with the general path', () => {
  const forms = [
    '', '0', '00', '007', '184', '2345,67', '2.345,67', '0,5', '0,000001', '1,1234567', '12.500', '1.234', '1.234,5', '12.34,5',
    '1.2345,6', '1..234,5', '.5', ',5', '1,', '1,2,3', '1.234.567,89', '123456789012345', '1234567890123456', '12345678901234,5',
    '123456789012345,6', '999.999.999.999.999', '999.999.999.999,999', '1.234.567.890.123,45', '9.007.199.254.740,993', '-', '–', '—',
    '-1,5', '+1', '1 234,56', '1\u00a0234', '1e3', '٣', '1,23a', '0,00',
  ];

  it.each(forms)('%j', (s) => {
    const quick = commonDecimal(s.trim());
    if (quick !== undefined) expect(Object.is(quick, parseDecimalGeneral(s))).toBe(true);
    expect(outcome(() => parseDecimal(s, { label: 'Znesek', line: 3 }))).toEqual(outcome(() => parseDecimalGeneral(s, { label: 'Znesek', line: 3 })));
  });

  it('on random digit strings with dots and commas', () => {
    const unit = fc.constantFrom('0', '1', '2', '5', '9', '9', '.', ',', ' ', '-', '\u00a0', '€', 'e');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 24 }), fc.boolean(), (s, xml) => {
        const quick = commonDecimal(s.trim());
        if (quick !== undefined) expect(Object.is(quick, parseDecimalGeneral(s))).toBe(true);
        expect(outcome(() => parseDecimal(s, { xml }))).toEqual(outcome(() => parseDecimalGeneral(s, { xml })));
      }),
      { numRuns: 3000 },
    );
  });

  it('on money of every size, grouped and not', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 16n }), fc.integer({ min: 1, max: 6 }), (n, places) => {
        const digits = n.toString().padStart(places + 1, '0');
        const int = digits.slice(0, -places), frac = digits.slice(-places);
        const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        for (const s of [`${int},${frac}`, `${grouped},${frac}`, int, digits]) {
          const quick = commonDecimal(s);
          if (quick !== undefined) expect(quick).toBe(Number(s.replace(/\./g, '').replace(',', '.')));
          expect(outcome(() => parseDecimal(s))).toEqual(outcome(() => parseDecimalGeneral(s)));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { ReadError } from '../../../src/lib/errors.ts';
import { monthOf, parseDate, parseMonth, parsePeriod } from '../../../src/lib/parse/date.ts';

function code(f: () => unknown): string | undefined {
  try { f(); } catch (e) { return e instanceof ReadError ? e.code : 'OTHER'; }
  return undefined;
}

describe('parseDate', () => {
  it.each([
    ['15.03.2025', '2025-03-15'], ['15. 3. 2025', '2025-03-15'], ['15.3.2025', '2025-03-15'], ['15.3.2025.', '2025-03-15'],
    ['2025-03-15', '2025-03-15'], ['2025-03-15T10:00:00', '2025-03-15'], ['2025-03-15+01:00', '2025-03-15'],
    ['2025-03-15T10:00:00.000Z', '2025-03-15'], ['15/03/2025', '2025-03-15'], ['29.02.2024', '2024-02-29'], ['15.03.2025 10:30', '2025-03-15'],
  ])('%s → %s', (text, iso) => expect(parseDate(text)).toBe(iso));

  it('blank → null', () => expect(parseDate('  ')).toBeNull());

  it.each(['31.02.2025', '29.02.2025', '2025-13-01', '15.03.25', 'včeraj', '2025-3-15x'])('refuses %s', (t) => {
    expect(code(() => parseDate(t))).toBe('BAD_DATE');
  });

  it('says what it expected and found, and where', () => {
    try { parseDate('32.01.2025', { label: 'Datum priprave', line: 4 }); } catch (e) {
      expect((e as Error).message).toMatch(/Datum priprave.*datum.*32\.01\.2025.*vrstica 4/);
    }
  });
});

describe('parseMonth and monthOf', () => {
  it.each([
    ['2024-01', '2024-01'], ['01/2024', '2024-01'], ['1/2024', '2024-01'], ['1.2024', '2024-01'], ['01.2024', '2024-01'],
    ['2024/01', '2024-01'], ['12. 2024', '2024-12'], ['januar 2024', '2024-01'], ['Avgust 2024', '2024-08'],
  ])('%s → %s', (text, month) => expect(parseMonth(text)).toBe(month));

  it('refuses month 13 and words', () => {
    expect(code(() => parseMonth('13/2024'))).toBe('BAD_DATE');
    expect(code(() => parseMonth('nekoč'))).toBe('BAD_DATE');
  });

  it('joins Leto and Mesec cells', () => {
    expect(monthOf(2024, 1)).toBe('2024-01');
    expect(monthOf('2024', '01')).toBe('2024-01');
    expect(monthOf('2024', 'marec')).toBe('2024-03');
    expect(monthOf('2024', '2024-05')).toBe('2024-05');
    expect(code(() => monthOf('2024', '0'))).toBe('BAD_DATE');
    expect(code(() => monthOf('24', '1'))).toBe('BAD_DATE');
  });
});

describe('parsePeriod', () => {
  it.each([
    ['01.01.2024 - 31.12.2024'], ['01.01.2024 – 31.12.2024'], ['01.01.2024—31.12.2024'], ['od 01.01.2024 do 31.12.2024'],
    ['1. 1. 2024 - 31. 12. 2024'], ['2024-01-01 - 2024-12-31'], ['2024-01-01 do 2024-12-31'],
  ])('%s', (text) => expect(parsePeriod(text)).toEqual({ from: '2024-01-01', to: '2024-12-31' }));

  it('refuses one date, three dates, reversed periods and junk between the dates', () => {
    expect(code(() => parsePeriod('01.01.2024'))).toBe('BAD_DATE');
    expect(code(() => parsePeriod('01.01.2024 - 31.12.2024 - 01.01.2025'))).toBe('BAD_DATE');
    expect(code(() => parsePeriod('31.12.2024 - 01.01.2024'))).toBe('BAD_DATE');
    expect(code(() => parsePeriod('01.01.2024 in nekaj 31.12.2024'))).toBe('BAD_DATE');
  });
  it('blank → null', () => expect(parsePeriod('')).toBeNull());
});

import { describe, expect, it } from 'vitest';
import { ReadError } from '../../../src/lib/errors.ts';
import { monthOf, monthOfGeneral, parseDate, parseDateGeneral, parseMonth, parsePeriod, parsePeriodGeneral } from '../../../src/lib/parse/date.ts';

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

/** A value or the error's code and message, comparable with toEqual. */
function outcome(f: () => unknown): unknown {
  try {
    return { value: f() };
  } catch (e) {
    if (e instanceof ReadError) return { code: e.code, message: e.message, found: e.found, line: e.line };
    throw e;
  }
}

// parseDate, monthOf and parsePeriod read the forms FURS writes without a RegExp and ask the
// general path for the rest: both must give the same answer (and the same error) everywhere.
describe('the shortcuts for FURS dates agree with the general path', () => {
  const dd = Array.from({ length: 40 }, (_, i) => String(i).padStart(2, '0'));
  const mm = Array.from({ length: 20 }, (_, i) => String(i).padStart(2, '0'));
  const years = ['0000', '1999', '2023', '2024', '2100', '9999'];

  it('dd.mm.yyyy, every day and month number, leap years included', () => {
    const ctx = { label: 'Datum priprave', line: 4 };
    for (const y of years) {
      for (const m of mm) {
        for (const d of dd) {
          const text = `${d}.${m}.${y}`;
          expect(outcome(() => parseDate(text, ctx))).toEqual(outcome(() => parseDateGeneral(text, ctx)));
        }
      }
    }
    for (const text of ['15.03.2025 ', ' 15.03.2025', '15.03.20255', '15,03.2025', '1a.03.2025', '15.03.2025.', '2025-03-15', '']) {
      expect(outcome(() => parseDate(text, ctx))).toEqual(outcome(() => parseDateGeneral(text, ctx)));
    }
  });

  it('Leto + Mesec cells', () => {
    const yearCells: Array<string | number> = ['2024', '0000', '0123', '202a', ' 2024', '24', '20245', 2024];
    const monthCells: Array<string | number> = ['', '0', '1', '9', '00', '01', '09', '10', '12', '13', '99', '3.', '1 ', ' 1', 'a', '1a', 'marec', '2024-05', 3];
    for (const y of yearCells) {
      for (const m of monthCells) {
        expect(outcome(() => monthOf(y, m, { line: 9 }))).toEqual(outcome(() => monthOfGeneral(y, m, { line: 9 })));
      }
    }
  });

  it('dd.mm.yyyy - dd.mm.yyyy periods', () => {
    const dates = ['01.01.2024', '31.12.2024', '29.02.2024', '29.02.2023', '31.04.2024', '00.01.2024', '15.13.2024', '01.01.2025'];
    for (const a of dates) {
      for (const b of dates) {
        for (const glue of [' - ', ' – ', '-', '  -  ', ' / ', ' x ']) {
          const text = `${a}${glue}${b}`;
          expect(outcome(() => parsePeriod(text, { label: 'Obdobje osnove' }))).toEqual(outcome(() => parsePeriodGeneral(text, { label: 'Obdobje osnove' })));
        }
      }
    }
  });
});

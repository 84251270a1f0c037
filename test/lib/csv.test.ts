import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import fc from 'fast-check';
import { exportFileName, neutraliseFormula, toCsv, type Column } from '../../src/lib/csv.ts';

type Row = { name: string; amount: number; from: string; note: string | null };
const columns: Column<Row>[] = [
  { header: 'Delavec', value: (r) => r.name },
  { header: 'Znesek', value: (r) => ({ decimal: r.amount, places: 2 }) },
  { header: 'Od', value: (r) => ({ date: r.from }) },
  { header: 'Opomba', value: (r) => r.note },
];
const rows: Row[] = [
  { name: '=HYPERLINK("x")', amount: -12.5, from: '2025-03-04', note: null },
  { name: 'Novak; Ana "Ančka"', amount: 2052.86, from: '2025-04-01', note: '  +1 dan' },
];

describe('CSV export', () => {
  it('writes Excel (SI): BOM, semicolons, decimal comma, Slovenian dates, CRLF', () => {
    const text = toCsv(rows, columns, 'excel-si');
    expect(text.startsWith('\ufeffDelavec;Znesek;Od;Opomba\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ';' }).data;
    expect(parsed[1]).toEqual(["'=HYPERLINK(\"x\")", '-12,50', '04.03.2025', '']);
    expect(parsed[2]).toEqual(['Novak; Ana "Ančka"', '2052,86', '01.04.2025', "'  +1 dan"]);
  });

  it('writes standard CSV with numbers as numbers', () => {
    const text = toCsv(rows, columns, 'csv');
    expect(text.startsWith('Delavec,Znesek')).toBe(true);
    const parsed = Papa.parse<string[]>(text, { delimiter: ',' }).data;
    expect(parsed[1]).toEqual(["'=HYPERLINK(\"x\")", '-12.50', '2025-03-04', '']);
  });

  it('neutralises every formula start, also after spaces, and nothing else', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '   =cmd', '\u00a0@x']) expect(neutraliseFormula(s).startsWith("'")).toBe(true);
    for (const s of ['Novak', '12', 'a=b', '', "'x"]) expect(neutraliseFormula(s)).toBe(s);
    fc.assert(fc.property(fc.string(), (s) => {
      const out = neutraliseFormula(s);
      expect(/^[\s\u00a0]*[=+\-@\t\r]/.test(out)).toBe(false);
    }));
  });

  it('round-trips any text through a CSV parser unchanged apart from the prefix', () => {
    fc.assert(fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (names) => {
      const text = toCsv(names.map((n) => ({ name: n, amount: 1, from: '2025-01-01', note: null })), columns, 'csv');
      const parsed = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n' }).data;
      names.forEach((n, i) => expect(parsed[i + 1]![0]).toBe(neutraliseFormula(n)));
    }), { numRuns: 200 });
  });

  it('makes safe file names with the employer and date', () => {
    expect(exportFileName('izračun', 'Mizarstvo Žagar d.o.o.', '2026-11-21')).toBe('spot-pomocnik_izracun_Mizarstvo-Zagar-d-o-o_2026-11-21.csv');
    expect(exportFileName('potrdila', '../../etc', '2026-11-21')).toBe('spot-pomocnik_potrdila_etc_2026-11-21.csv');
  });
});

import { describe, expect, it } from 'vitest';
import {
  headerSignature, mappedColumns, mappingProblems, readDisclosure, readDisclosureCsv, type ColumnMapping,
} from '../../../src/lib/disclosure/index.ts';
import { ReadError } from '../../../src/lib/errors.ts';
import { furs } from '../helpers/fixtures.ts';

function errorOf(f: () => unknown): ReadError {
  try { f(); } catch (e) { if (e instanceof ReadError) return e; throw e; }
  throw new Error('no error');
}

// wrong-columns.csv: "Datum;Opis;Vrednost;Količina" under a query header.
const WRONG: ColumnMapping = { Datum: 'month', Opis: 'source', Vrednost: 'amount', 'Količina': 'hours' };

describe('column mapping made by hand', () => {
  it('reads a file whose columns the label table does not know', () => {
    const plain = errorOf(() => readDisclosure(furs('wrong-columns.csv')));
    expect(plain.code).toBe('MISSING_COLUMNS');

    const d = readDisclosure(furs('wrong-columns.csv'), 'osnova.csv', { columnMapping: WRONG });
    expect(d.queryNumber).toBe('P-2025-000001002');
    expect(d.sections).toHaveLength(1);
    expect(d.sections[0]!.basePeriod).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    // A date in the period column gives its month; "plača" is kept as the (unknown) source.
    expect(d.sections[0]!.rows).toEqual([{ month: '2024-01', source: 'PLAČA', sourceRaw: 'plača', incomeType: '', amount: 2345.67, hours: 184 }]);
  });

  it('keys mappings by the folded header the error reports, so a re-saved file finds its mapping', () => {
    const e = errorOf(() => readDisclosure(furs('wrong-columns.csv')));
    expect(headerSignature(e.found!)).toBe('datum|opis|vrednost|kolicina');
    expect(headerSignature([' DATUM ', '', 'Opis', 'vrednost', 'KOLIČINA'])).toBe('datum|opis|vrednost|kolicina');
  });

  it('compares mapped labels folded and takes year + month from two columns', () => {
    const csv = 'Številka poizvedbe;P-1\nObdobje osnove;2024\n\nLETO;MES.;Bruto EUR;Št.ur;Obr.\n2024;1;1.000,50;160;REK-O\n2024;2;1.100,00;168;REK-O\n';
    const mapping: ColumnMapping = { leto: 'year', 'mes': 'month', 'bruto eur': 'amount', 'st ur': 'hours', 'obr': 'source' };
    expect(mappedColumns(['LETO', 'MES.', 'Bruto EUR', 'Št.ur', 'Obr.'], mapping)).toEqual({ year: 0, month: 1, amount: 2, hours: 3, source: 4 });
    const d = readDisclosureCsv(csv, { columnMapping: mapping });
    expect(d.sections[0]!.rows.map((r) => [r.month, r.source, r.amount, r.hours])).toEqual([
      ['2024-01', 'REK', 1000.5, 160],
      ['2024-02', 'REK', 1100, 168],
    ]);
    expect(d.sections[0]!.totals).toEqual({ amount: 2100.5, hours: 328 });
  });

  it('leaves files of another shape to the label table', () => {
    // The mapping names "Datum", which full-year.csv does not have: read as usual.
    const d = readDisclosure(furs('full-year.csv'), undefined, { columnMapping: WRONG });
    expect(d.sections[0]!.rows).toHaveLength(12);
    expect(mappedColumns(['Leto', 'Mesec', 'Vir'], WRONG)).toBeNull();
  });

  it('refuses an incomplete mapping before reading, naming what is missing', () => {
    expect(mappingProblems({ Datum: 'month' })).toEqual(['Določite stolpec za »Znesek«.']);
    expect(mappingProblems({ Vrednost: 'amount', Opis: 'amount' })).toEqual([
      'Določite stolpec za »Leto + Mesec (ali Obdobje)«.',
      'Polje »amount« je določeno za več stolpcev.',
    ]);
    const e = errorOf(() => readDisclosure(furs('wrong-columns.csv'), undefined, { columnMapping: { Vrednost: 'amount' } }));
    expect(e.code).toBe('MISSING_COLUMNS');
    expect(e.message).toMatch(/Leto \+ Mesec/);
  });

  it('still reports bad cells in mapped columns with their line', () => {
    const csv = 'Obdobje osnove;2024\n\nDatum;Opis;Vrednost;Količina\n2024-01-31;plača;dva tisoč;184\n';
    const e = errorOf(() => readDisclosureCsv(csv, { columnMapping: WRONG }));
    expect(e.code).toBe('BAD_NUMBER');
    expect(e.line).toBe(4);
  });
});

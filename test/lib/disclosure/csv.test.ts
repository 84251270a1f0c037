import { describe, expect, it, vi } from 'vitest';
import { readDisclosure, readDisclosureCsv } from '../../../src/lib/disclosure/index.ts';
import { ReadError } from '../../../src/lib/errors.ts';
import { encodeCp1250, furs, fursText } from '../helpers/fixtures.ts';

function errorOf(f: () => unknown): ReadError {
  try { f(); } catch (e) { if (e instanceof ReadError) return e; throw e; }
  throw new Error('no error');
}

describe('readDisclosureCsv', () => {
  it('reads a full header and twelve monthly rows', () => {
    const d = readDisclosure(furs('full-year.csv'));
    expect(d).toMatchObject({
      type: 'disclosure', queryNumber: 'P-2025-000123456', employerTaxNumber: '12345679', workerTaxNumber: '87654326',
      preparedOn: '2025-03-15', validUntil: '2025-03-14', warnings: [],
    });
    expect(d.sections).toHaveLength(1);
    const s = d.sections[0]!;
    expect(s.basePeriod).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(s.payer).toBe('zzzs');
    expect(s.noData).toBe(false);
    expect(s.rows.map((r) => r.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`));
    expect(s.rows[0]).toEqual({ month: '2024-01', source: 'REK', sourceRaw: 'REK-O', incomeType: '1001', amount: 2345.67, hours: 184 });
    expect(s.rows[11]).toMatchObject({ source: 'REK', sourceRaw: 'REK-1', amount: 2820.7 });
    // 2345.67+2301.10+2310.00+2298.45+2401.00+2355.20+2512.33+2287.91+2344.00+2390.10+2365.55+2820.70
    expect(s.totals).toEqual({ amount: 28732.01, hours: 2072 });
  });

  it('reads two sections, the second "NI PODATKOV", with header fields applying to both', () => {
    const d = readDisclosure(furs('two-sections.csv'));
    expect(d.sections).toHaveLength(2);
    const [prev, curr] = d.sections;
    expect(prev!.rows).toHaveLength(3);
    expect(prev!.rows[2]).toEqual({ month: '2024-12', source: 'OPSV', sourceRaw: 'OPSVZ', incomeType: '005', amount: 1203.36, hours: 40 });
    expect(prev!.totals).toEqual({ amount: 5850.13, hours: 224 });
    expect(curr).toEqual({ basePeriod: { from: '2025-01-01', to: '2025-02-28' }, payer: 'zzzs', noData: true, rows: [], totals: { amount: 0, hours: 0 } });
    expect(d.workerTaxNumber).toBe('87654326');
    expect(d.warnings).toEqual(['BLANK_CELLS', 'NO_DATA_IN_DISCLOSURE', 'AMOUNT_WITHOUT_HOURS']);
  });

  it('keeps blank cells as null, counts them as 0 and warns', () => {
    const d = readDisclosure(furs('blank-cells.csv'));
    const s = d.sections[0]!;
    expect(s.payer).toBe('employer');
    expect(s.rows.map((r) => [r.amount, r.hours])).toEqual([[1500, 40], [null, 160], [1800, null], [1800, 168]]);
    expect(s.totals).toEqual({ amount: 5100, hours: 368 });
    expect(d.warnings).toEqual(['BLANK_CELLS', 'AMOUNT_WITHOUT_HOURS', 'PARENTAL_40_HOURS_2023']);
  });

  it('finds reordered columns among extra ones, and a period given as od/do lines', () => {
    const d = readDisclosure(furs('reordered-extra.csv'));
    const s = d.sections[0]!;
    expect(s.basePeriod).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(s.rows).toEqual([
      { month: '2024-01', source: 'REK', sourceRaw: 'REK-O', incomeType: '1001', amount: 2345.67, hours: 184 },
      { month: '2024-02', source: 'REK', sourceRaw: 'REK-O', incomeType: '1001', amount: 2301.1, hours: 168 },
      { month: '2024-02', source: 'OPSV', sourceRaw: 'OPSVL', incomeType: '019', amount: 1203.36, hours: 40 },
    ]);
    expect(d.employerTaxNumber).toBe('12345679');
  });

  it('reads a single Obdobje column in several month notations and skips the Skupaj line', () => {
    const s = readDisclosure(furs('obdobje-column.csv')).sections[0]!;
    expect(s.rows.map((r) => r.month)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(s.rows.map((r) => r.amount)).toEqual([1234.56, 1200, 1250, 1250]);
    expect(s.rows[0]!.incomeType).toBe('001');
    expect(s.payer).toBeNull();
    expect(s.totals.amount).toBe(4934.56);
  });

  it('reads tab-delimited text', () => {
    const d = readDisclosure(furs('tab-delimited.tsv'));
    expect(d.sections[0]!.rows).toHaveLength(2);
    expect(d.sections[0]!.totals).toEqual({ amount: 4646.77, hours: 352 });
  });

  it('reads a UTF-8 file with BOM and CRLF line ends', () => {
    const bytes = furs('bom-crlf.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const d = readDisclosure(bytes);
    expect(d.queryNumber).toBe('P-2025-000001001');
    expect(d.sections[0]!.rows.map((r) => r.hours)).toEqual([184, 168]);
  });

  it('reads Windows-1250 bytes with č/š/ž in the labels', () => {
    const text = fursText('two-sections.csv').replace('Obdobje osnove;01.01.2024', 'Obdobje osnove;01.01.2024').replace(/\n/g, '\r\n');
    const bytes = encodeCp1250(text.replace('NI PODATKOV', 'NI PODATKOV – za obdobje ni obračunov'));
    expect(bytes.includes(0x9a)).toBe(true); // š in "Davčna številka"
    const d = readDisclosure(bytes);
    expect(d.employerTaxNumber).toBe('12345679');
    expect(d.sections[1]!.noData).toBe(true);
  });

  it('accepts a comma delimiter only when the field counts agree', () => {
    const ok = 'Številka poizvedbe,P-1\nObdobje osnove,01.01.2024 - 31.12.2024\n\nLeto,Mesec,Vir,Vrsta dohodka,Znesek,Ure\n2024,1,REK-O,1001,"2.345,67",184\n2024,2,REK-O,1001,2301,168\n';
    expect(readDisclosureCsv(ok).sections[0]!.rows.map((r) => r.amount)).toEqual([2345.67, 2301]);
    const ambiguous = ok.replace('"2.345,67"', '2345,67');
    const e = errorOf(() => readDisclosureCsv(ambiguous));
    expect(e.code).toBe('NOT_RECOGNISED');
    expect(e.message).toMatch(/vejic/);
  });

  it('accepts strings as well as bytes, and header keys written as "key: value"', () => {
    const d = readDisclosureCsv('Številka poizvedbe: P-9\nObdobje osnove: 2024\n\nLeto;Mesec;Vir;Šifra;Bruto;Št. ur\n2024;januar;REK-O;1001;100;8\n');
    expect(d.queryNumber).toBe('P-9');
    expect(d.sections[0]!.basePeriod).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(d.sections[0]!.rows[0]!.month).toBe('2024-01');
  });

  it('keeps a table going over a blank line, and reads a header-only table as no data', () => {
    const gap = readDisclosureCsv('Obdobje osnove;2024\n\nLeto;Mesec;Vir;Vrsta dohodka;Znesek;Ure\n2024;1;REK-O;1001;1;8\n\n2024;2;REK-O;1001;2;8\nPodpis;\n');
    expect(gap.sections).toHaveLength(1);
    expect(gap.sections[0]!.rows.map((r) => r.month)).toEqual(['2024-01', '2024-02']);
    const empty = readDisclosureCsv('Obdobje osnove;2024\n\nLeto;Mesec;Vir;Vrsta dohodka;Znesek;Ure\n');
    expect(empty.sections[0]).toMatchObject({ noData: true, rows: [] });
    expect(empty.warnings).toEqual(['NO_DATA_IN_DISCLOSURE']);
  });

  it('does not take a remark "ni podatkov" in a data row for a NI PODATKOV section', () => {
    const d = readDisclosureCsv('Obdobje osnove;2024\n\nLeto;Mesec;Vir;Vrsta dohodka;Znesek;Ure;Opomba\n2024;1;REK-O;1001;1;;ni podatkov o urah\n');
    expect(d.sections[0]!.noData).toBe(false);
    expect(d.sections[0]!.rows).toHaveLength(1);
  });

  it('refuses wrong columns with MISSING_COLUMNS naming the expected and found labels', () => {
    const e = errorOf(() => readDisclosure(furs('wrong-columns.csv'), 'osnova.csv'));
    expect(e.code).toBe('MISSING_COLUMNS');
    expect(e.expected).toEqual(['Leto + Mesec (ali Obdobje)', 'Vir', 'Vrsta dohodka / zavarovalna podlaga', 'Znesek', 'Ure']);
    expect(e.found).toEqual(['Datum', 'Opis', 'Vrednost', 'Količina']);
    expect(e.message).toContain('»Vrednost«');
    expect(e.message).toContain('»Znesek«');
    expect(e.line).toBe(4);
    expect(e.fileName).toBe('osnova.csv');
  });

  it('names the one missing column of an otherwise good table', () => {
    const e = errorOf(() => readDisclosureCsv('Obdobje osnove;2024\n\nLeto;Mesec;Vir;Vrsta dohodka;Znesek\n2024;1;REK-O;1001;1\n'));
    expect(e.code).toBe('MISSING_COLUMNS');
    expect(e.message).toMatch(/nima stolpcev »Ure«/);
  });

  it('refuses garbage with NOT_RECOGNISED quoting the start of the file', () => {
    const e = errorOf(() => readDisclosure('Dragi Janez,\nv prilogi pošiljam račun.\nLep pozdrav'));
    expect(e.code).toBe('NOT_RECOGNISED');
    expect(e.message).toContain('Dragi Janez');
    expect(e.expected).toContain('Obdobje osnove');
  });

  it('refuses an empty file, a header without a table, and bad cells with their line', () => {
    expect(errorOf(() => readDisclosure(new Uint8Array())).code).toBe('EMPTY');
    expect(errorOf(() => readDisclosure('Številka poizvedbe;P-1\nObdobje osnove;01.01.2024 - 31.12.2024\n')).code).toBe('NOT_RECOGNISED');
    const bad = errorOf(() => readDisclosure('Obdobje osnove;2024\n\nLeto;Mesec;Vir;Vrsta dohodka;Znesek;Ure\n2024;1;REK-O;1001;dva tisoč;184\n'));
    expect(bad.code).toBe('BAD_NUMBER');
    expect(bad.line).toBe(4);
    expect(bad.message).toContain('dva tisoč');
    const month = errorOf(() => readDisclosure('Obdobje osnove;2024\n\nLeto;Mesec;Vir;Vrsta dohodka;Znesek;Ure\n2024;13;REK-O;1001;1;184\n'));
    expect(month.code).toBe('BAD_DATE');
  });

  it('refuses two different query numbers in one file', () => {
    const text = `${fursText('full-year.csv')}\nŠtevilka poizvedbe;P-OTHER\nObdobje osnove;2023\nNI PODATKOV\n`;
    expect(errorOf(() => readDisclosure(text)).code).toBe('CONFLICTING_HEADER');
  });

  it('sums exactly: 0.1 + 0.2 over many rows is not a float sum', () => {
    const rows: string[] = [];
    for (let i = 0; i < 1000; i++) rows.push(`2024;${(i % 12) + 1};REK-O;1001;${i % 2 === 0 ? '0,1' : '0,2'};${i % 2 === 0 ? '0,1' : '7,3'}`);
    const d = readDisclosureCsv(`Obdobje osnove;2024\n\nLeto;Mesec;Vir;Vrsta dohodka;Znesek;Ure\n${rows.join('\n')}\n`);
    let float = 0;
    for (const r of d.sections[0]!.rows) float += r.amount ?? 0;
    expect(float).not.toBe(150); // what naive accumulation gets wrong
    expect(d.sections[0]!.totals).toEqual({ amount: 150, hours: 3700 });
    expect(readDisclosureCsv('Obdobje osnove;2024\n\nLeto;Mesec;Vir;Vrsta dohodka;Znesek;Ure\n2024;1;REK;1;0,1;1\n2024;2;REK;1;0,2;1\n').sections[0]!.totals.amount).toBe(0.3);
  });

  // Speed is measured by `npm run bench` (spot-companion bases over 1 000 files), not asserted here.
  it('reads a large table whole, with exact totals', () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `2024;${(i % 12) + 1};REK-O;1001;1.234,56;8`);
    const text = `Obdobje osnove;2024\n\nLeto;Mesec;Vir;Vrsta dohodka;Znesek;Ure\n${rows.join('\n')}\n`;
    const d = readDisclosureCsv(text);
    expect(d.sections[0]!.rows).toHaveLength(40_000);
    expect(d.sections[0]!.totals.amount).toBe(49_382_400);
  });
});

describe('footers after the table', () => {
  it('ignores a footer line with digits after a blank line (e.g. a legal reference)', async () => {
    const { readDisclosureCsv } = await import('../../../src/lib/disclosure/csv.ts');
    const text = [
      'Enolična številka poizvedbe;P-2025-000999',
      'Obdobje osnove;01.01.2024 - 31.12.2024',
      '',
      'Leto;Mesec;Vir;Vrsta dohodka;Znesek;Ure',
      '2024;1;REK-O;1001;2.345,67;184',
      '2024;2;REK-O;1001;2.301,10;160',
      '',
      '(ZDavP-2, 15. člen)',
      'Podatki so davčna tajnost. Stran 1 od 1',
    ].join('\r\n');
    const d = readDisclosureCsv(text);
    expect(d.sections[0]!.rows.map((r) => r.month)).toEqual(['2024-01', '2024-02']);
  });
});

describe('answers kept between files', () => {
  const lines = ['Obdobje osnove;01.01.2024 - 31.12.2024', 'Vrsta osnove;Osnova v breme delodajalca', '', 'Leto;Mesec;Vir;Vrsta dohodka;Znesek;Ure', '2024;1;REK-O;1001;2.345,67;184'];
  // Joined with U+0000 (the key a header line is remembered under), these two lines are one text.
  const lookAlike = lines.map((l) => l.replace('Vir;Vrsta dohodka', 'Vir\u0000Vrsta dohodka')).join('\n');
  const outcome = (f: () => unknown): unknown => {
    // The fresh module has its own ReadError class: told by its code, not by instanceof.
    try { return f(); } catch (e) { const { code, message } = e as ReadError; if (code === undefined) throw e; return { code, message }; }
  };

  it('read a header line and a payer wording the same the second time, and never mistake a look-alike line', async () => {
    vi.resetModules();
    const fresh = await import('../../../src/lib/disclosure/csv.ts');
    const truth = outcome(() => fresh.readDisclosureCsvText(lookAlike));
    expect(truth).toMatchObject({ code: 'MISSING_COLUMNS' });
    const first = fresh.readDisclosureCsvText(lines.join('\n'));
    expect(first.sections[0]!.payer).toBe('employer');
    expect(fresh.readDisclosureCsvText(lines.join('\r\n'))).toEqual(first);
    expect(outcome(() => fresh.readDisclosureCsvText(lookAlike))).toEqual(truth);
  });
});

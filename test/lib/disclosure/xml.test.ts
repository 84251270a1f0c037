import { describe, expect, it } from 'vitest';
import { readDisclosure, readDisclosureXml } from '../../../src/lib/disclosure/index.ts';
import { ReadError } from '../../../src/lib/errors.ts';
import { ebol, furs, fursText } from '../helpers/fixtures.ts';

function errorOf(f: () => unknown): ReadError {
  try { f(); } catch (e) { if (e instanceof ReadError) return e; throw e; }
  throw new Error('no error');
}

describe('readDisclosureXml', () => {
  it('reads the FORMATS.md layout', () => {
    const d = readDisclosure(furs('disclosure.xml'));
    expect(d).toMatchObject({
      type: 'disclosure', queryNumber: 'P-2025-000123456', employerTaxNumber: '12345679', workerTaxNumber: '87654326',
      preparedOn: '2025-03-15', validUntil: '2025-03-14',
    });
    expect(d.sections).toHaveLength(1);
    expect(d.sections[0]).toMatchObject({ basePeriod: { from: '2024-01-01', to: '2024-12-31' }, payer: 'zzzs', noData: false });
    expect(d.sections[0]!.rows).toEqual([
      { month: '2024-01', source: 'REK', sourceRaw: 'REK-O', incomeType: '1001', amount: 2345.67, hours: 184 },
      { month: '2024-02', source: 'REK', sourceRaw: 'REK-O', incomeType: '1001', amount: 2301.1, hours: null },
      { month: '2024-02', source: 'OPSV', sourceRaw: 'OPSVZ', incomeType: '005', amount: 1203.36, hours: 40 },
    ]);
    expect(d.sections[0]!.totals).toEqual({ amount: 5850.13, hours: 224 });
    expect(d.warnings).toEqual(['BLANK_CELLS', 'AMOUNT_WITHOUT_HOURS']);
  });

  it('reads namespaces, prefixes, attributes, CDATA, nested blocks and a <NiPodatkov/> section', () => {
    const d = readDisclosure(furs('disclosure-ns-attrs.xml'));
    expect(d.queryNumber).toBe('P-2025-000555000');
    expect(d.employerTaxNumber).toBe('12345679'); // "SI 12345679"
    expect(d.workerTaxNumber).toBe('87654326'); // <prejemnik><davcnaStevilka>
    expect(d.preparedOn).toBe('2025-03-15');
    expect(d.sections.map((s) => [s.basePeriod, s.payer, s.noData, s.rows.length])).toEqual([
      [{ from: '2024-01-01', to: '2024-12-31' }, 'zzzs', false, 3],
      [{ from: '2025-01-01', to: '2025-02-28' }, 'zzzs', true, 0],
    ]);
    expect(d.sections[0]!.rows[1]).toEqual({ month: '2024-12', source: 'REK', sourceRaw: 'REK-O', incomeType: '1001', amount: 2301.1, hours: 168 });
    expect(d.warnings).toEqual(['NO_DATA_IN_DISCLOSURE']);
  });

  it('reads "NI PODATKOV" as text and an empty <Podatki/> as no data', () => {
    const text = '<Osnova><ObdobjeOsnoveOd>01.01.2024</ObdobjeOsnoveOd><ObdobjeOsnoveDo>31.12.2024</ObdobjeOsnoveDo><Podatki>NI PODATKOV</Podatki></Osnova>';
    expect(readDisclosureXml(text).sections[0]).toMatchObject({ noData: true, rows: [], totals: { amount: 0, hours: 0 } });
    const empty = '<Osnova><StevilkaPoizvedbe>P</StevilkaPoizvedbe><Podatki/></Osnova>';
    expect(readDisclosureXml(empty).warnings).toEqual(['NO_DATA_IN_DISCLOSURE']);
  });

  it('reads rows with a single Obdobje element and Slovenian numbers', () => {
    const d = readDisclosureXml('<X><Podatki><Zapis><Obdobje>03/2024</Obdobje><Vir>REK-O</Vir><Sifra>1001</Sifra><Bruto>2.345,67</Bruto><SteviloUr>184</SteviloUr></Zapis></Podatki></X>');
    expect(d.sections[0]!.rows).toEqual([{ month: '2024-03', source: 'REK', sourceRaw: 'REK-O', incomeType: '1001', amount: 2345.67, hours: 184 }]);
  });

  it('names the missing row fields (MISSING_COLUMNS)', () => {
    const e = errorOf(() => readDisclosureXml('<X><Podatki><Vrstica><Datum>2024-01-31</Datum><Znesek>1</Znesek></Vrstica></Podatki></X>'));
    expect(e.code).toBe('MISSING_COLUMNS');
    expect(e.found).toEqual(['Datum', 'Znesek']);
    expect(e.message).toContain('»Vir«');
  });

  it('refuses XML that is not a disclosure, and an eBOL given as a disclosure', () => {
    const e = errorOf(() => readDisclosure('<?xml version="1.0"?><Racun><Postavka1/></Racun>'));
    expect(e.code).toBe('NOT_RECOGNISED');
    expect(e.message).toContain('<Racun>');
    expect(errorOf(() => readDisclosure(ebol('ebol-signed.xml'))).message).toMatch(/e-potrdila/);
  });

  it('refuses XXE and billion laughs before reading anything', () => {
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<PodatkiZaIzracunOsnove><StevilkaPoizvedbe>&e;</StevilkaPoizvedbe></PodatkiZaIzracunOsnove>';
    const e = errorOf(() => readDisclosure(xxe));
    expect(e.code).toBe('XML_DTD_FORBIDDEN');
    expect(e.message).not.toContain('root:');
    const lol = `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]><l>&j;</l>`;
    expect(errorOf(() => readDisclosure(lol)).code).toBe('XML_DTD_FORBIDDEN');
  });

  it('reports a saved HTML page as UNKNOWN_FORMAT, not as broken XML', () => {
    expect(errorOf(() => readDisclosure('<!DOCTYPE html><html><body>SPOT</body></html>')).code).toBe('UNKNOWN_FORMAT');
  });

  it('gives the same rows as the CSV of the same data', () => {
    const fromXml = readDisclosure(furs('disclosure.xml'));
    const csv = fursText('two-sections.csv').split('\n\nObdobje osnove;01.01.2025')[0]!.replace('2024;11;', '2024;1;').replace(/2024;12;/g, '2024;2;');
    const fromCsv = readDisclosure(csv);
    expect(fromCsv.sections[0]!.rows).toEqual(fromXml.sections[0]!.rows);
    expect(fromCsv.sections[0]!.totals).toEqual(fromXml.sections[0]!.totals);
  });
});

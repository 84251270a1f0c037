import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReadError } from '../../src/lib/errors.ts';
import { ESLOG_WARNINGS, isEslogInvoice, readEslogInvoice } from '../../src/lib/eslog/index.ts';
import { parseXml } from '../../src/lib/xml/parse.ts';

const fixture = (name: string): Uint8Array => readFileSync(new URL(`../fixtures/eslog/${name}`, import.meta.url));
const fixtureText = (name: string): string => readFileSync(new URL(`../fixtures/eslog/${name}`, import.meta.url), 'utf8');

function errorOf(f: () => unknown): ReadError {
  try { f(); } catch (e) { if (e instanceof ReadError) return e; throw e; }
  throw new Error('no error thrown');
}

const FURS = {
  name: 'Republika Slovenija, Finančna uprava',
  address: 'Šmartinska cesta 55, 1000 Ljubljana',
  taxNumber: '13579240',
  iban: 'SI56011000000000019',
};

describe('readEslogInvoice: FURS collective contribution invoice', () => {
  it('reads the header, parties, reference, lines and the amount due of a May 2025 invoice', () => {
    expect(readEslogInvoice(fixture('furs-2025-05.xml'))).toEqual({
      type: 'invoice',
      number: 'ZR-2025-0600123456',
      issuedOn: '2025-06-05',
      dueOn: '2025-06-20',
      currency: 'EUR',
      issuer: FURS,
      recipient: { name: 'Frizerski salon Škarjica, Mojca Kovač s.p.', taxNumber: '87654326' },
      paymentReference: 'SI19 87654326-47000',
      total: 585.94,
      lines: [
        { description: 'Prispevek za pokojninsko in invalidsko zavarovanje', amount: 349.81 },
        { description: 'Prispevek za zdravstveno zavarovanje', amount: 193.22 },
        { description: 'Prispevek za starševsko varstvo', amount: 2.87 },
        { description: 'Prispevek za zaposlovanje', amount: 2.87 },
        { description: 'Obvezni zdravstveni prispevek', amount: 37.17 },
      ],
      warnings: [],
    });
  });

  it('reads the long-term care line of a February 2026 invoice; the lines add up to 648,85 €', () => {
    const inv = readEslogInvoice(fixture('furs-2026-02-dolgotrajna-oskrba.xml'));
    expect(inv.total).toBe(648.85);
    expect(inv.lines).toHaveLength(6);
    expect(inv.lines[4]).toEqual({ description: 'Prispevek za dolgotrajno oskrbo', amount: 30.43 });
    expect(inv.dueOn).toBe('2026-03-20');
    expect(inv.warnings).toEqual([]);
  });

  it('reads a namespace-prefixed file: compact issue date, due date under S_PAT, reference only in free text', () => {
    const inv = readEslogInvoice(fixture('furs-2025-09-predpona.xml'));
    expect(inv).toMatchObject({
      number: 'ZR-2025-1000234567', issuedOn: '2025-10-06', dueOn: '2025-10-20',
      paymentReference: 'SI19 87654326-47009', total: 614.67, issuer: FURS,
    });
    expect(inv.lines.map((l) => l.amount)).toEqual([349.81, 193.22, 2.87, 2.87, 28.73, 37.17]);
    expect(inv.warnings).toEqual([]);
  });

  it('keeps a late-payment interest line as a line of its own', () => {
    const inv = readEslogInvoice(fixture('furs-2025-09-zamudne-obresti.xml'));
    expect(inv.lines.at(-1)).toEqual({ description: 'Zamudne obresti', amount: 2.14 });
    expect(inv.total).toBe(588.08);
  });

  it('sums exactly: 0.1 + 0.2 style amounts do not drift', () => {
    const text = fixtureText('furs-2025-05.xml')
      .replace('<D_5004>349.81</D_5004>', '<D_5004>0.1</D_5004>')
      .replace('<D_5004>193.22</D_5004>', '<D_5004>0.2</D_5004>')
      .replace('<D_5004>2.87</D_5004>', '<D_5004>0</D_5004>')
      .replace('<D_5004>2.87</D_5004>', '<D_5004>0</D_5004>')
      .replace('<D_5004>37.17</D_5004>', '<D_5004>0</D_5004>')
      .replaceAll('<D_5004>585.94</D_5004>', '<D_5004>0.30</D_5004>');
    const inv = readEslogInvoice(text);
    expect(inv.total).toBe(0.3);
    expect(inv.warnings).toEqual([]);
  });
});

describe('readEslogInvoice: warnings', () => {
  it('warns LINES_DO_NOT_ADD_UP when a line was changed but the total was not', () => {
    const text = fixtureText('furs-2025-05.xml').replace('<D_5004>37.17</D_5004>', '<D_5004>35.00</D_5004>');
    const inv = readEslogInvoice(text);
    expect(inv.total).toBe(585.94);
    expect(inv.warnings).toEqual(['LINES_DO_NOT_ADD_UP']);
    expect(ESLOG_WARNINGS.LINES_DO_NOT_ADD_UP.sl).toMatch(/ne ujema/);
  });

  it('falls back to the total with tax (388) when the amount due (9) is missing, and says so', () => {
    const text = fixtureText('furs-2025-05.xml').replace(/\s*<G_SG50><S_MOA><C_C516><D_5025>9<\/D_5025>.*<\/G_SG50>/, '');
    const inv = readEslogInvoice(text);
    expect(inv.total).toBe(585.94);
    expect(inv.warnings).toEqual(['AMOUNT_DUE_MISSING']);
  });

  it('subtracts an advance payment (113) when checking the lines against the amount due', () => {
    const text = fixtureText('furs-2025-05.xml')
      .replace('<D_5025>9</D_5025><D_5004>585.94</D_5004>', '<D_5025>9</D_5025><D_5004>500.00</D_5004>')
      .replace('</M_INVOIC>', '  <G_SG50><S_MOA><C_C516><D_5025>113</D_5025><D_5004>85.94</D_5004></C_C516></S_MOA></G_SG50>\n  </M_INVOIC>');
    const inv = readEslogInvoice(text);
    expect(inv.total).toBe(500);
    expect(inv.warnings).toEqual([]);
  });

  it('warns about a missing due date, reference and issuer, and a foreign currency', () => {
    const text = fixtureText('furs-2025-05.xml')
      .replace(/<G_SG1>[\s\S]*?<\/G_SG1>/, '')
      .replace(/<S_DTM><C_C507><D_2005>13<\/D_2005>.*?<\/S_DTM>/, '')
      .replace('<D_3035>SE</D_3035>', '<D_3035>XX</D_3035>')
      .replace('<D_6345>EUR</D_6345>', '<D_6345>USD</D_6345>');
    const inv = readEslogInvoice(text);
    expect(inv.warnings).toEqual(['NO_DUE_DATE', 'CURRENCY_NOT_EUR', 'NO_ISSUER', 'NO_PAYMENT_REFERENCE']);
    expect(inv.issuer).toEqual({ name: null, address: null, taxNumber: null, iban: FURS.iban });
    expect(inv.currency).toBe('USD');
  });
});

describe('readEslogInvoice: bad input', () => {
  it('refuses a malformed file (an element left open) with XML_MALFORMED and the line', () => {
    const e = errorOf(() => readEslogInvoice(fixture('pokvarjen.xml'), 'pokvarjen.xml'));
    expect(e.code).toBe('XML_MALFORMED');
    expect(e.message).toMatch(/D_7008/);
    expect(e.line).toBeGreaterThan(1);
    expect(e.fileName).toBe('pokvarjen.xml');
  });

  it('refuses an invoice without a total, naming the missing amount due', () => {
    const e = errorOf(() => readEslogInvoice(fixture('brez-zneska.xml')));
    expect(e.code).toBe('MISSING_FIELDS');
    expect(e.message).toMatch(/znesek za plačilo/);
    expect(e.message).toMatch(/G_SG50/);
  });

  it('names a missing document number', () => {
    const text = fixtureText('furs-2025-05.xml').replace(/<C_C106>.*?<\/C_C106>/, '');
    const e = errorOf(() => readEslogInvoice(text));
    expect(e.code).toBe('MISSING_FIELDS');
    expect(e.message).toMatch(/številka računa/);
  });

  it('names the line without an amount', () => {
    const text = fixtureText('furs-2025-05.xml').replace('<D_5025>203</D_5025><D_5004>2.87</D_5004>', '<D_5025>204</D_5025><D_5004>2.87</D_5004>');
    const e = errorOf(() => readEslogInvoice(text));
    expect(e.code).toBe('MISSING_FIELDS');
    expect(e.message).toMatch(/Vrstica 3 .*starševsko varstvo.*203/);
  });

  it('refuses amounts and dates that are not amounts and dates', () => {
    const badAmount = fixtureText('furs-2025-05.xml').replace('<D_5004>349.81</D_5004>', '<D_5004>1.234,56</D_5004>');
    expect(errorOf(() => readEslogInvoice(badAmount)).code).toBe('BAD_NUMBER');
    const badDate = fixtureText('furs-2025-05.xml').replace('<D_2380>2025-06-05</D_2380>', '<D_2380>20250231</D_2380>');
    const e = errorOf(() => readEslogInvoice(badDate));
    expect(e.code).toBe('BAD_DATE');
    expect(e.message).toMatch(/20250231/);
  });

  it('says NOT_RECOGNISED for a UBL invoice (also named Invoice) and for other XML', () => {
    const ubl = errorOf(() => readEslogInvoice(fixture('ubl-racun.xml')));
    expect(ubl.code).toBe('NOT_RECOGNISED');
    expect(ubl.message).toMatch(/eSLOG 2\.0/);
    expect(ubl.message).toMatch(/UBL/);
    expect(errorOf(() => readEslogInvoice('<ePotrdilo><Stevilka>1</Stevilka></ePotrdilo>')).code).toBe('NOT_RECOGNISED');
  });

  it('refuses a DTD (no entity expansion, no external files)', () => {
    const text = fixtureText('furs-2025-05.xml').replace('<Invoice', '<!DOCTYPE Invoice [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<Invoice');
    expect(errorOf(() => readEslogInvoice(text)).code).toBe('XML_DTD_FORBIDDEN');
  });

  it('gives a whole invoice or a ReadError for damaged variants of a real file, never anything else', () => {
    const original = fixtureText('furs-2025-05.xml');
    fc.assert(fc.property(
      fc.array(fc.record({ at: fc.nat(), cut: fc.integer({ min: 0, max: 12 }), text: fc.constantFrom('', '<', '>', '</D_5004>', '<D_5025>9</D_5025>', '-', ',', 'x', '&amp;', '<![CDATA[1]]>') }), { minLength: 1, maxLength: 4 }),
      (edits) => {
        let s = original;
        for (const e of edits) {
          const at = e.at % (s.length + 1);
          s = s.slice(0, at) + e.text + s.slice(at + e.cut);
        }
        try {
          const inv = readEslogInvoice(s);
          expect(Number.isFinite(inv.total)).toBe(true);
          for (const l of inv.lines) expect(Number.isFinite(l.amount)).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(ReadError);
        }
      },
    ), { numRuns: 300 });
  });
});

describe('isEslogInvoice (routing for `spot-companion parse`)', () => {
  it('recognises eSLOG with or without a prefix, and nothing else', () => {
    expect(isEslogInvoice(parseXml(fixtureText('furs-2025-05.xml')))).toBe(true);
    expect(isEslogInvoice(parseXml(fixtureText('furs-2025-09-predpona.xml')))).toBe(true);
    expect(isEslogInvoice(parseXml(fixtureText('ubl-racun.xml')))).toBe(false);
    expect(isEslogInvoice(parseXml(readFileSync(new URL('../fixtures/ebol/ebol-signed.xml', import.meta.url), 'utf8')))).toBe(false);
  });

  it('accepts an already parsed tree', () => {
    const root = parseXml(fixtureText('furs-2026-02-dolgotrajna-oskrba.xml'));
    expect(readEslogInvoice(root).total).toBe(648.85);
  });
});

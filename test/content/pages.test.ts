/**
 * The shared page readers against the SPOT-like fixture pages, parsed by happy-dom the way
 * the companion parses saved pages (no script runs, nothing is loaded).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSavedPage } from '../../src/companion/savedPage.ts';
import { MARKER_ATTR } from '../../src/shared/pages/dom.ts';
import type { EbolCells } from '../../src/shared/pages/ebolList.ts';
import { dateMemo, readEbolRow } from '../../src/shared/pages/ebolRow.ts';
import { diagnosticsText, recognisePage } from '../../src/shared/pages/registry.ts';
import type { DisclosureListPage, EbolListPage, PageRecognition } from '../../src/shared/pages/types.ts';
import { ROOT } from '../companion/run.ts';

const FIXTURES = join(ROOT, 'test/fixtures/spot');
const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((close) => close()));
});

function load(file: string, html?: string): Document {
  const page = parseSavedPage(html ?? readFileSync(join(FIXTURES, file), 'utf8'), `https://spot.gov.si/${file}`);
  open.push(page.close);
  return page.document;
}

function ebol(r: PageRecognition): EbolListPage {
  if (r.kind !== 'ebolList') throw new Error(`expected the eBOL list, got ${r.kind}`);
  return r;
}

describe('eBOL list', () => {
  it('reads every row of the list with the employer from the page header', () => {
    const page = ebol(recognisePage(load('ebol-prenos.html')));
    expect(page.employer).toEqual({ taxNumber: '12345679', name: 'PRIMER d.o.o.' });
    expect(page.problems).toEqual([]);
    expect(page.empty).toBe(false);
    expect(page.certificates).toEqual([
      { number: '1000200001', kind: 'eBOL', worker: { name: 'Kovač Ana', zzzsNumber: '012345678', emso: '1503985505018' }, reason: '06', from: '2025-03-03', to: '2025-03-07', hoursPerDay: null, status: 'issued', issuedOn: '2025-03-03' },
      { number: '1000200002', kind: 'eBOL', worker: { name: 'Horvat Marko', zzzsNumber: '023456789', emso: '0207915505000' }, reason: '01', from: '2025-03-10', to: '2025-03-21', hoursPerDay: null, status: 'issued', issuedOn: '2025-03-10' },
      { number: '1000200003', kind: 'eBOL', worker: { name: 'Novak Janez', zzzsNumber: '034567891', emso: '2301885505004' }, reason: '02', from: '2025-03-12', to: '2025-03-14', hoursPerDay: 4, status: 'issued', issuedOn: '2025-03-12' },
      { number: '100000004567', kind: 'ePODK', worker: { name: 'Krajnc Maja', zzzsNumber: '045678912', emso: '1104935505007' }, reason: '12', from: '2025-04-15', to: '2025-04-15', hoursPerDay: null, status: 'issued', issuedOn: '2025-04-15' },
    ]);
    // Each row knows its number cell (for the badge) and its "Prenesi XML".
    expect(page.rows.map((r) => r.numberCell.textContent)).toEqual(['1000200001', '1000200002', '1000200003', '100000004567']);
    expect(page.rows[0]!.xmlLink?.getAttribute('href')).toBe('/files/ebol-1000200001.xml');
  });

  it('tolerates reordered and extra columns, two name columns, every date form; reports unreadable rows and guesses nothing', () => {
    const page = ebol(recognisePage(load('ebol-seznam-stolpci.html')));
    expect(page.employer).toEqual({ taxNumber: null, name: null }); // the user chooses
    expect(page.certificates).toEqual([
      { number: '1000300001', kind: 'eBOL', worker: { name: 'Kovač Ana', zzzsNumber: null, emso: '1503985505018' }, reason: '01', from: '2025-03-15', to: '2025-03-21', hoursPerDay: null, status: 'issued', issuedOn: '2025-03-15' },
      { number: '1000300002', kind: 'eBOL', worker: { name: 'Horvat Marko', zzzsNumber: null, emso: '0207915505000' }, reason: '01', from: '2025-03-17', to: '2025-03-28', hoursPerDay: 4, status: 'issued', issuedOn: '2025-03-17' },
      { number: '1000300003', kind: 'eBOL', worker: { name: 'Novak Janez', zzzsNumber: null, emso: null }, reason: '02', from: '2025-03-20', to: '2025-03-24', hoursPerDay: 4.5, status: 'cancelled', issuedOn: '2025-03-20' },
      // No "Vrsta" column: the kind comes from the number.
      { number: '100000004568', kind: 'ePODK', worker: { name: 'Krajnc Maja', zzzsNumber: null, emso: null }, reason: '12', from: '2025-04-01', to: '2025-04-01', hoursPerDay: null, status: 'issued', issuedOn: '2025-04-01' },
    ]);
    expect(page.problems).toEqual([
      { row: 5, number: '1000300005', reason: expect.stringContaining('»31.02.2025«') },
      { row: 6, number: '1000300006', reason: expect.stringContaining('»V obdelavi«') },
      { row: 7, number: null, reason: expect.stringMatching(/»10003A0007« ni iz števk.*»bolezen« nima šifre/) },
    ]);
  });

  it('reads "Ni zadetkov" as an empty result, with or without a table', () => {
    const doc = load('ebol-seznam-prazno.html');
    const page = ebol(recognisePage(doc));
    expect(page).toMatchObject({ empty: true, certificates: [], problems: [] });
    const notice = doc.createElement('p');
    notice.textContent = 'Ni zadetkov.';
    doc.querySelector('table')!.replaceWith(notice);
    expect(ebol(recognisePage(doc))).toMatchObject({ empty: true, certificates: [], problems: [], employer: { taxNumber: '12345679' } });
  });

  it('ignores its own badges when the table is read again', () => {
    const doc = load('ebol-seznam.html');
    const cell = ebol(recognisePage(doc)).rows[0]!.numberCell;
    const badge = doc.createElement('span');
    badge.setAttribute(MARKER_ATTR, 'stored');
    badge.textContent = '✓ shranjeno';
    cell.append(badge);
    expect(ebol(recognisePage(doc)).certificates[0]!.number).toBe('1000123456');
  });

  it('finds the labels with other case, diacritics and punctuation', () => {
    const html = readFileSync(join(FIXTURES, 'ebol-seznam.html'), 'utf8')
      .replace('<th>Številka eBOL</th>', '<th>STEVILKA  E-BOL:</th>')
      .replace('<th>Zadržan od</th>', '<th>zadrzan od</th>')
      .replace('<th>Status</th>', '<th>Status&nbsp;potrdila</th>');
    const page = ebol(recognisePage(load('ebol-seznam.html', html)));
    expect(page.certificates.map((c) => c.number)).toEqual(['1000123456', '1000123457']);
  });
});

describe('disclosure list', () => {
  it('returns the queries with their CSV / XML / Prenesi links', () => {
    const r = recognisePage(load('podatki-osnova.html'));
    expect(r.kind).toBe('disclosureList');
    const page = r as DisclosureListPage;
    expect(page.employer.taxNumber).toBe('12345679');
    expect(page.rows.map((row) => ({ ...row, rowElement: undefined, links: row.links.map((l) => [l.format, l.url]) }))).toEqual([
      { queryNumber: 'P-2025-000123456', certificateNumber: '1000200001', worker: 'Kovač Ana', baseKind: 'Osnova v breme ZZZS', status: 'Zaključena', rowElement: undefined,
        links: [['csv', 'https://spot.gov.si/files/osnova-P-2025-000123456.csv'], ['xml', 'https://spot.gov.si/files/osnova-P-2025-000123456.xml']] },
      { queryNumber: 'P-2025-000123457', certificateNumber: '1000200005', worker: 'Zupančič Luka', baseKind: 'Osnova v breme ZZZS', status: 'Zaključena', rowElement: undefined,
        links: [['csv', 'https://spot.gov.si/files/osnova-P-2025-000123457.csv'], ['xml', 'https://spot.gov.si/files/osnova-P-2025-000123457.xml']] },
      { queryNumber: 'P-2025-000123458', certificateNumber: '1000200002', worker: 'Horvat Marko', baseKind: 'Osnova v breme delodajalca', status: 'V obdelavi', rowElement: undefined, links: [] },
      { queryNumber: 'P-2025-000123459', certificateNumber: '1000200008', worker: 'Mlakar Peter', baseKind: 'Osnova v breme ZZZS', status: 'Zaključena', rowElement: undefined,
        links: [['other', 'https://spot.gov.si/files/osnova-P-2025-000123459.csv']] },
    ]);
  });
});

describe('pages with nothing to read', () => {
  it('recognises the login page and other SPOT pages as no data page (no error)', () => {
    expect(recognisePage(load('prijava.html'))).toEqual({ kind: 'notData', page: 'login' });
    expect(recognisePage(load('index.html'))).toEqual({ kind: 'notData', page: 'other' });
  });

  it('a list whose labels changed gives diagnostics: labels found and expected', () => {
    const r = recognisePage(load('ebol-seznam-spremenjen.html'));
    expect(r.kind).toBe('unrecognised');
    if (r.kind !== 'unrecognised') return;
    expect(r.diagnostics).toMatchObject({
      expectedPage: 'ebolList',
      foundLabels: ['Identifikator dokumenta', 'Zavarovana oseba', 'Šifra vzroka', 'Začetek', 'Konec', 'Stanje dokumenta', 'Izdano'],
      expectedLabels: ['Številka potrdila', 'Razlog', 'Od', 'Do', 'Status'],
      missingLabels: ['Številka potrdila', 'Razlog', 'Od', 'Do'],
    });
    expect(r.diagnostics.hints).toContain('naslov »Prenos ePotrdil o zadržanosti od dela«');
    const text = diagnosticsText(r.diagnostics, { version: '0.1.0' });
    expect(text).toContain('Najdene oznake stolpcev: »Identifikator dokumenta«');
    expect(text).toContain('Različica: 0.1.0');
  });

  it('a results table with some of our labels on an unknown page is also diagnosed, not ignored', () => {
    const html = readFileSync(join(FIXTURES, 'index.html'), 'utf8').replace('</main>',
      '<table><thead><tr><th>Številka potrdila</th><th>EMŠO</th><th>Zadržan od</th><th>Opis</th></tr></thead><tbody><tr><td>1</td><td>2</td><td>3</td><td>4</td></tr></tbody></table></main>');
    const r = recognisePage(load('index.html', html));
    expect(r).toMatchObject({ kind: 'unrecognised', diagnostics: { expectedPage: 'ebolList', missingLabels: ['Razlog', 'Do', 'Status'] } });
  });

  it('the eBOL heading without any table (the search not run yet) is nothing to read', () => {
    const html = readFileSync(join(FIXTURES, 'ebol-seznam-prazno.html'), 'utf8').replace(/<table>[\s\S]*<\/table>/, '');
    expect(recognisePage(load('ebol-seznam-prazno.html', html.replace('Ni zadetkov.', '')))).toEqual({ kind: 'notData', page: 'other' });
  });
});

describe('text of deeply nested markup', () => {
  it('reads 20 000 levels without overflowing the stack', async () => {
    const { textOf } = await import('../../src/shared/pages/dom.ts');
    // Minimal nodes (DOM libraries themselves recurse on such trees): only the walk is tested.
    const text = { nodeType: 3, nodeValue: 'globoko', childNodes: [] };
    let el: unknown = text;
    for (let i = 0; i < 20_000; i++) el = { nodeType: 1, tagName: 'SPAN', hasAttribute: () => false, childNodes: [el] };
    expect(textOf(el as Node)).toBe('globoko');
  });
});

describe('eBOL row texts to a certificate', () => {
  // A list's memo (`dateMemo`) answers repeated kinds, reasons, statuses and dates; a row must
  // read the same with it as alone.
  const base: EbolCells = { number: '1000200001', kind: 'eBOL', name: 'Kovač Ana', reason: '01 - bolezen', from: '03.03.2025', to: '07.03.2025', status: 'Izdan', issuedOn: '03.03.2025' };
  const rows: EbolCells[] = [
    base,
    { ...base, number: '1000 200 002' },
    { ...base, number: 'ABC123' },
    { ...base, number: '' },
    { ...base, kind: 'Papirni' },
    { ...base, kind: 'Papirni' },
    { ...base, kind: '' },
    { ...base, kind: 'e-PODK' },
    { ...base, reason: 'bolezen' },
    { ...base, reason: 'bolezen' },
    { ...base, status: 'Neznano' },
    { ...base, status: 'Preklican' },
    { ...base, from: '31.02.2025' },
    { ...base, from: '31.02.2025' },
    { ...base, to: '' },
    { ...base, name: undefined, lastName: 'Kovač', firstName: 'Ana' },
    { ...base, name: '', lastName: '', firstName: 'Ana' },
    { ...base, hoursPerDay: '4 ure/dan', zzzsNumber: '012 345 678', emso: '' },
    { ...base, hoursPerDay: 'ne' },
    { ...base, hoursPerDay: '-' },
    { ...base, hoursPerDay: 'veliko' },
  ];

  it('reads every row the same with the list\'s memo as alone', () => {
    const memo = dateMemo();
    for (const cells of rows) expect(readEbolRow(cells, memo)).toEqual(readEbolRow(cells));
  });

  it('reads numbers with spaces, names from two columns and partial hours; words every problem', () => {
    const memo = dateMemo();
    const read = rows.map((cells) => readEbolRow(cells, memo));
    expect(read[0]).toEqual({ certificate: { number: '1000200001', kind: 'eBOL', worker: { name: 'Kovač Ana', zzzsNumber: null, emso: null }, reason: '01', from: '2025-03-03', to: '2025-03-07', hoursPerDay: null, status: 'issued', issuedOn: '2025-03-03' } });
    expect(read[1]).toMatchObject({ certificate: { number: '1000200002' } });
    expect(read[2]).toEqual({ problem: 'Številka potrdila »ABC123« ni iz števk.', number: null });
    expect(read[3]).toEqual({ problem: 'Številka potrdila manjka.', number: null });
    expect(read[4]).toEqual({ problem: 'Neznana vrsta potrdila »Papirni« (pričakovano eBOL ali ePODK).', number: '1000200001' });
    expect(read[6]).toMatchObject({ certificate: { kind: 'eBOL' } });
    expect(read[8]).toMatchObject({ problem: expect.stringContaining('Razlog »bolezen« nima šifre') });
    expect(read[10]).toMatchObject({ problem: expect.stringContaining('Neznan status »Neznano«') });
    expect(read[11]).toMatchObject({ certificate: { status: 'cancelled' } });
    expect(read[12]).toEqual(read[13]);
    expect(read[12]).toMatchObject({ number: '1000200001' });
    expect(read[14]).toEqual({ problem: 'Datum »Zadržan do« manjka.', number: '1000200001' });
    expect(read[15]).toMatchObject({ certificate: { worker: { name: 'Kovač Ana' } } });
    expect(read[16]).toMatchObject({ certificate: { worker: { name: 'Ana' } } });
    expect(read[17]).toMatchObject({ certificate: { hoursPerDay: 4, worker: { zzzsNumber: '012345678', emso: null } } });
    expect(read[18]).toMatchObject({ certificate: { hoursPerDay: null } });
    expect(read[19]).toMatchObject({ certificate: { hoursPerDay: null } });
    expect(read[20]).toMatchObject({ problem: expect.any(String) });
  });
});

/**
 * The page readers' shortcuts for long tables (issue 8) read exactly what the plain way reads:
 * links resolved without building an address, the links of every row found with one query,
 * header and heading queries split per selector, dates read once per list.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSavedPage } from '../../src/companion/savedPage.ts';
import { hasLinkUrl, headingsOf, linkUrl, selectAll } from '../../src/shared/pages/dom.ts';
import { readPageEmployer } from '../../src/shared/pages/employer.ts';
import { recognisePage } from '../../src/shared/pages/registry.ts';
import type { EbolListPage, PageRecognition } from '../../src/shared/pages/types.ts';
import { ROOT } from '../companion/run.ts';

const FIXTURES = join(ROOT, 'test/fixtures/spot');
const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((close) => close()));
});

function load(html: string, url = 'https://spot.gov.si/ebol-seznam.html'): Document {
  const page = parseSavedPage(html, url);
  open.push(page.close);
  return page.document;
}

function ebol(r: PageRecognition): EbolListPage {
  if (r.kind !== 'ebolList') throw new Error(`expected the eBOL list, got ${r.kind}`);
  return r;
}

const LIST = readFileSync(join(FIXTURES, 'ebol-seznam.html'), 'utf8');

describe('links', () => {
  const HREFS = ['/ebol/1.xml', '/', '/a b.xml', '/a\\b', '//evil.example/x', '//evil:99999/x', '/\\evil', '/\t/evil:99999', ' /ok.xml ', 'rel.xml',
    'javascript:alert(1)', '#top', '', '   ', 'http://[x/', 'https://spot.gov.si/x.xml', '/%zz', '/\u0000x'];

  it('hasLinkUrl says what linkUrl gives, for every kind of address and base', () => {
    const doc = load('<a>x</a>');
    const a = doc.querySelector('a')!;
    for (const base of ['https://spot.gov.si/ebol/seznam.html', 'http://localhost:8080/', 'file:///shranjeno.html', null]) {
      for (const href of HREFS) {
        a.setAttribute('href', href);
        expect(hasLinkUrl(a, base), `${JSON.stringify(href)} on ${base}`).toBe(linkUrl(a, base) !== null);
      }
    }
    a.removeAttribute('href');
    expect(hasLinkUrl(a, 'https://spot.gov.si/')).toBe(false);
  });

  it('a row\'s "Prenesi XML" is its first XML link with an address; a link in a row inside another row\'s cell belongs to both', () => {
    const doc = load(LIST);
    const rows = doc.querySelectorAll('tbody tr');
    // Row 1: a link without an address first, then the real one.
    const cell = rows[0]!.lastElementChild!;
    cell.insertAdjacentHTML('afterbegin', '<a href="#">Prenesi XML</a> <a href="/pomoc.html">Pomoč</a> ');
    // Row 2 loses its link; a row moved into its last cell (scripts can do that) brings one.
    rows[1]!.lastElementChild!.innerHTML = '';
    const inner = doc.createElement('tr');
    inner.innerHTML = '<td><a href="/ebol/notranja.xml" title="Prenesi XML">⬇</a></td>';
    rows[1]!.lastElementChild!.append(inner);
    const page = ebol(recognisePage(doc));
    expect(page.rows.map((r) => r.xmlLink?.getAttribute('href'))).toEqual(['/ebol/1000123456.xml', '/ebol/notranja.xml']);
  });
});

describe('header and headings', () => {
  it('reads the employer from the first banner in document order, <header> or role=banner', () => {
    const a = '<div role="banner">Poslovni subjekt: PRVI d.o.o. (davčna številka 12345679)</div>';
    const b = '<header>Poslovni subjekt: DRUGI d.o.o.</header>';
    expect(readPageEmployer(load(`<body>${a}${b}</body>`))).toEqual({ taxNumber: '12345679', name: 'PRVI d.o.o.' });
    expect(readPageEmployer(load(`<body>${b}${a}</body>`))).toEqual({ taxNumber: '12345679', name: 'DRUGI d.o.o.' });
  });

  it('selectAll is querySelectorAll of the selector list: document order, each element once', () => {
    const doc = load('<h2 id="a"></h2><div role="heading" id="b"><h1 id="c" role="heading"></h1></div><h3 id="d"></h3><h1 id="e"></h1>');
    const ids = (els: Iterable<Element>) => [...els].map((e) => e.id);
    expect(ids(selectAll(doc, ['h1', 'h2', 'h3', '[role=heading]']))).toEqual(ids(doc.querySelectorAll('h1, h2, h3, [role=heading]')));
    expect(ids(selectAll(doc, ['h1', 'h2', 'h3', '[role=heading]']))).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(headingsOf(load('<title>T</title><h2>Drugi</h2><h1 hidden>Skrit</h1><h1>Prvi</h1>'))).toEqual(['Drugi', 'Prvi', 'T']);
  });
});

describe('long lists', () => {
  it('each row with a wrong date reports it, however many rows share the text', () => {
    const body = ['31.02.2025', '03.03.2025', '31.02.2025', ''].map((from, i) =>
      `<tr><td>100012345${i}</td><td>eBOL</td><td>Kovač Ana</td><td>012345678</td><td>01 - bolezen</td><td>${from}</td><td>14.03.2025</td><td>Izdan</td><td>${from}</td><td></td></tr>`).join('');
    const page = ebol(recognisePage(load(LIST.replace(/<tbody>[\s\S]*?<\/tbody>/, `<tbody>${body}</tbody>`))));
    expect(page.certificates.map((c) => c.number)).toEqual(['1000123451']);
    expect(page.problems.map((p) => [p.row, p.number])).toEqual([[1, '1000123450'], [3, '1000123452'], [4, '1000123453']]);
    expect(page.problems[0]!.reason).toContain('»31.02.2025«');
    expect(page.problems[1]!.reason).toBe(page.problems[0]!.reason);
    expect(page.problems[1]!.reason).toContain('Datum izdaje');
    expect(page.problems[2]!.reason).toBe('Datum »Zadržan od« manjka.');
  });

  it('cells with markup, our badges, scripts and colspans read as before', () => {
    const body = '<tr><td data-spot-pomocnik="x">skrito</td><td><b>1000</b>123456<span data-spot-pomocnik="x">✓</span></td><td class="c">eBOL</td><td>Kovač<br>Ana</td>'
      + '<td>012&nbsp;345&nbsp;678</td><td><script>x</script>01 - bolezen</td><td colspan="2">03.03.2025</td><td>Izdan</td><td>03.03.2025</td><td><a href="/x.xml">Prenesi XML</a></td></tr>';
    const html = LIST.replace(/<tbody>[\s\S]*?<\/tbody>/, `<tbody>${body}</tbody>`);
    const page = ebol(recognisePage(load(html)));
    expect(page.problems).toEqual([]);
    expect(page.certificates).toEqual([{
      number: '1000123456', kind: 'eBOL', worker: { name: 'Kovač Ana', zzzsNumber: '012345678', emso: null }, reason: '01',
      from: '2025-03-03', to: '2025-03-03', hoursPerDay: null, status: 'issued', issuedOn: '2025-03-03',
    }]);
  });
});

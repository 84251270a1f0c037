/**
 * The SPOT page readers alone (src/shared/pages, built from bench/browser/reader.ts at test
 * time) on a long eBOL list in the real browsers: their shortcuts for long tables (cell text
 * without a JavaScript object per text node, links resolved without building addresses, one
 * query for the links of all rows) read what the plain way reads, with the browsers' own DOM
 * and URL parser. Served on a host the extension ignores: the content script stays out.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withChromium, withFirefox, type SpotServer } from './harness/index.ts';
import { FIXTURES, ROOT } from './harness/paths.ts';

const ROWS = 2000;
const HOST = 'readers.example';

function longList(): string {
  const fixture = readFileSync(join(FIXTURES, 'ebol-seznam.html'), 'utf8');
  const body = Array.from({ length: ROWS }, (_, i) => {
    const day = String(1 + (i % 28)).padStart(2, '0');
    return `<tr><td>${1_000_300_000 + i}</td><td>eBOL</td><td>Priimek${i} Ime${i % 37}</td><td>${100_000_000 + i}</td><td>01 - bolezen</td>`
      + `<td>${day}.03.2025</td><td>${day}.04.2025</td><td>${i % 50 === 0 ? 'Preklican' : 'Izdan'}</td><td>${day}.03.2025</td><td><a href="/ebol/${1_000_300_000 + i}.xml">Prenesi XML</a></td></tr>`;
  }).join('\n');
  return fixture.replace(/<tbody>[\s\S]*?<\/tbody>/, `<tbody>\n${body}\n</tbody>`).replace('</body>', '<script src="/page-reader.js"></script></body>');
}

interface Summary {
  kind: string;
  certificates: number;
  cancelled: number;
  problems: unknown[];
  employer: unknown;
  links: number;
  linksMatchNumbers: boolean;
  first: unknown;
  second: unknown;
}

/** Reads the page, then again after a CDATA section (moved in from an XML document) joins the first row's number cell. */
const READ_IN_PAGE = `(() => {
  const summary = () => {
    const r = globalThis.spotBenchRead();
    return {
      kind: r.kind, certificates: r.certificates.length, cancelled: r.certificates.filter((c) => c.status === 'cancelled').length,
      problems: r.problems, employer: r.employer, links: r.rows.filter((row) => row.xmlLink).length,
      linksMatchNumbers: r.rows.every((row) => row.xmlLink.href.endsWith('/ebol/' + row.certificate.number + '.xml')),
      first: r.certificates[0], second: r.certificates[1],
    };
  };
  const before = summary();
  const xml = new DOMParser().parseFromString('<r><![CDATA[99]]></r>', 'application/xml');
  const cell = document.querySelector('tbody td');
  cell.appendChild(document.adoptNode(xml.documentElement.firstChild));
  const nameCell = document.querySelectorAll('tbody tr')[1].children[2];
  nameCell.innerHTML = '<b>Priimek1</b><br>Ime1<span data-spot-pomocnik="x">✓</span>';
  return { before, after: summary(), cdata: cell.lastChild.nodeType };
})()`;

function expectRead(r: { before: Summary; after: Summary; cdata: number }): void {
  expect(r.before).toMatchObject({
    kind: 'ebolList', certificates: ROWS, cancelled: ROWS / 50, problems: [], employer: { taxNumber: '12345679', name: 'PRIMER d.o.o.' },
    links: ROWS, linksMatchNumbers: true,
  });
  expect(r.before.first).toEqual({
    number: '1000300000', kind: 'eBOL', worker: { name: 'Priimek0 Ime0', zzzsNumber: '100000000', emso: null }, reason: '01',
    from: '2025-03-01', to: '2025-04-01', hoursPerDay: null, status: 'cancelled', issuedOn: '2025-03-01',
  });
  // The CDATA section is no text node: not read, as ever. Markup and our badge in a cell: words kept apart, badge left out.
  expect(r.cdata).toBe(4);
  expect(r.after).toEqual({ ...r.before, second: { ...(r.before.second as object), worker: { name: 'Priimek1 Ime1', zzzsNumber: '100000001', emso: null } } });
}

let readerJs = '';
let out = '';
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'spot-e2e-reader-'));
  await build({
    configFile: false, logLevel: 'error', publicDir: false,
    build: { outDir: out, emptyOutDir: true, minify: false, copyPublicDir: false, reportCompressedSize: false, lib: { entry: join(ROOT, 'bench/browser/reader.ts'), formats: ['iife'], name: 'spotReader', fileName: () => 'page-reader.js' } },
  });
  readerJs = readFileSync(join(out, 'page-reader.js'), 'utf8');
});
afterAll(() => { if (out) rmSync(out, { recursive: true, force: true }); });

function routes(server: SpotServer): string {
  server.route('/page-reader.js', { body: readerJs, type: 'text/javascript' });
  server.route('/dolg-seznam.html', { body: longList(), type: 'text/html; charset=utf-8' });
  return server.url('/dolg-seznam.html', HOST);
}

describe('page readers on a long eBOL list', () => {
  it('Chromium', async () => {
    await withChromium(async ({ page, server }) => {
      await page.goto(routes(server));
      expectRead(await page.evaluate(READ_IN_PAGE));
    });
  });

  it('Firefox', async () => {
    await withFirefox(async ({ newPage, server }) => {
      const page = await newPage();
      await page.goto(routes(server));
      expectRead(await page.evaluate(READ_IN_PAGE) as { before: Summary; after: Summary; cdata: number });
    });
  });
});

/**
 * `spot-companion parse saved-page.html`: the content scripts' page readers on a saved SPOT
 * page, in a happy-dom document that runs no script and loads nothing.
 */
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSavedPage } from '../../src/companion/savedPage.ts';
import { ReadError } from '../../src/lib/errors.ts';
import { ROOT, runCli } from './run.ts';

const spot = join(ROOT, 'test/fixtures/spot');
const dir = mkdtempSync(join(tmpdir(), 'spot-saved-page-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('spot-companion parse (saved SPOT pages)', () => {
  it('prints the certificates of a saved eBOL list in the FORMATS.md shape', async () => {
    const r = await runCli(['parse', join(spot, 'ebol-prenos.html')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['type', 'certificates']);
    expect(out.type).toBe('certificates');
    expect(out.certificates).toHaveLength(4);
    expect(out.certificates[3]).toEqual({
      number: '100000004567', kind: 'ePODK', worker: { name: 'Krajnc Maja', zzzsNumber: '045678912', emso: '1104935505007' },
      reason: '12', from: '2025-04-15', to: '2025-04-15', hoursPerDay: null, status: 'issued', issuedOn: '2025-04-15',
    });
  });

  it('refuses a page that is no eBOL list with a clear error and nothing on stdout', async () => {
    const r = await runCli(['parse', join(spot, 'prijava.html')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/ni seznam eBOL.*prijavo.*\[NOT_RECOGNISED\]/);
  });

  // The same function in-process (a CLI start costs seconds): every other kind of page.
  it('reads "Ni zadetkov" as an empty list', async () => {
    expect(await readSavedPage(readFileSync(join(spot, 'ebol-seznam-prazno.html'), 'utf8'), 'prazno.html')).toEqual({ type: 'certificates', certificates: [] });
  });

  it.each([
    ['index.html', 'NOT_RECOGNISED', /ni seznam eBOL/],
    ['ebol-seznam-spremenjen.html', 'NOT_RECOGNISED', /stolpcev ni mogoče prepoznati.*»Identifikator dokumenta«.*manjkajo: »Številka potrdila«/],
    ['ebol-seznam-stolpci.html', 'BAD_VALUE', /3 vrstic ni mogoče prebrati.*1000300005.*31\.02\.2025/],
    ['podatki-osnova.html', 'NOT_RECOGNISED', /seznam poizvedb.*Prenesite datoteko CSV ali XML/],
  ])('refuses %s with a ReadError that says why', async (file, code, message) => {
    const error = await readSavedPage(readFileSync(join(spot, file), 'utf8'), file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadError);
    expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it('runs no script of the page and fetches nothing it names', async () => {
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const base = `http://127.0.0.1:${port}`;
    const html = readFileSync(join(spot, 'ebol-seznam.html'), 'utf8').replace('</head>', [
      `<link rel="stylesheet" href="${base}/style.css">`,
      `<script src="${base}/script.js"></script>`,
      `<script>fetch('${base}/inline'); document.querySelector('tbody').remove();</script>`,
      '</head>',
    ].join('\n')).replace('</body>', `<img src="${base}/image.png"><iframe src="${base}/frame.html"></iframe></body>`);
    const file = join(dir, 'hostile.html');
    writeFileSync(file, html);
    try {
      const r = await runCli(['parse', file]);
      expect(r.stderr).toBe('');
      // The inline script would have removed the rows: it did not run.
      expect(JSON.parse(r.stdout).certificates.map((c: { number: string }) => c.number)).toEqual(['1000123456', '1000123457']);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(requests).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

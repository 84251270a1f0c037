import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { Window } from 'happy-dom';
import { withChromium } from '../test/e2e/harness/index.ts';
import { locateFields } from '../src/shared/forms/locate.ts';
import { REFUND_LABELS } from '../src/shared/forms/refundForm.ts';
import type { Certificate } from '../src/lib/certificates.ts';
import { IMPORT_CERTIFICATES_PER_MESSAGE } from '../src/shared/protocol/ui.ts';
import { addDays } from '../src/lib/dates.ts';
import { prng } from './fixtures.ts';
import type { Bench, BenchResult } from './types.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (ms: number): number => Math.round(ms * 10) / 10;

/** An eBOL list page like SPOT's, with `rows` rows (the fixture's header, navigation and footer). */
function ebolListPage(rows: number): string {
  const fixture = readFileSync(join(ROOT, 'test/fixtures/spot/ebol-seznam.html'), 'utf8');
  const rand = prng(7);
  const body = Array.from({ length: rows }, (_, i) => {
    const from = addDays('2025-01-06', Math.floor(rand() * 300));
    const to = addDays(from, 2 + Math.floor(rand() * 20));
    const sl = (iso: string) => `${iso.slice(8)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
    return `<tr><td>${1_000_300_000 + i}</td><td>eBOL</td><td>Priimek${i} Ime${i % 37}</td><td>${String(100_000_000 + i)}</td><td>01 - bolezen</td><td>${sl(from)}</td><td>${sl(to)}</td><td>${i % 50 === 0 ? 'Preklican' : 'Izdan'}</td><td>${sl(from)}</td><td><a href="/ebol/${1_000_300_000 + i}.xml">Prenesi XML</a></td></tr>`;
  }).join('\n');
  return fixture.replace(/<tbody>[\s\S]*?<\/tbody>/, `<tbody>\n${body}\n</tbody>`).replace('</body>', '<script src="/bench-reader.js"></script></body>');
}

async function readerBundle(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'spot-bench-reader-'));
  try {
    await build({
      configFile: false, logLevel: 'error', publicDir: false,
      build: { outDir: out, minify: true, lib: { entry: join(ROOT, 'bench/browser/reader.ts'), formats: ['iife'], name: 'spotBench', fileName: () => 'reader.js' } },
    });
    return readFileSync(join(out, 'reader.js'), 'utf8');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function syntheticCertificates(n: number): Certificate[] {
  const rand = prng(11);
  return Array.from({ length: n }, (_, i) => {
    const from = addDays('2024-01-01', Math.floor(rand() * 700));
    return {
      number: String(1_000_500_000 + i), kind: 'eBOL', worker: { name: `Delavec${i % 1250} Ime`, zzzsNumber: String(200_000_000 + (i % 1250)), emso: null },
      reason: ['01', '01', '02', '06', '04'][i % 5]!, from, to: addDays(from, 1 + Math.floor(rand() * 25)), hoursPerDay: null,
      status: i % 40 === 0 ? 'cancelled' : 'issued', issuedOn: from, employerTaxNumber: '51234564',
    };
  });
}

/** What popup.html loads before the app runs: its scripts and style sheets (views load later, on first use). */
function popupBundleGzip(dist: string): { bytes: number; files: number } {
  const html = readFileSync(join(dist, 'popup.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return { bytes: files.reduce((n, f) => n + gzipSync(readFileSync(join(dist, f)), { level: 6 }).length, 0), files: files.length };
}

/** Fields a clerk types by hand for a claim of two lines on the fixture refund form, found by the extension's own label table. */
function refundFieldsByHand(): { typed: number; formFields: number; lineFields: number } {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  const doc = window.document as unknown as Document;
  doc.write(readFileSync(join(ROOT, 'test/fixtures/spot/forms/refund-form.html'), 'utf8'));
  const { byField } = locateFields(doc, REFUND_LABELS);
  const formLevel = new Set(['paymentDate', 'monthlyObligation']);
  const lineFields = [...byField.keys()].filter((f) => !formLevel.has(f)).length;
  const formFields = [...byField.keys()].filter((f) => formLevel.has(f)).length;
  void window.happyDOM.close();
  return { typed: formFields + 2 * lineFields, formFields, lineFields };
}

export const browserBench: Bench = {
  name: 'browser',
  async run() {
    const dist = join(ROOT, 'dist/chrome');
    const results: BenchResult[] = [];
    const contentGz = gzipSync(readFileSync(join(dist, 'content.js')), { level: 6 }).length;
    const popup = popupBundleGzip(dist);
    results.push(
      { name: 'content script bundle (gzip)', value: round(contentGz / 1024), unit: 'KB', budget: { max: 25 }, note: `${Math.round(readFileSync(join(dist, 'content.js')).length / 1024)} KB minified` },
      { name: 'popup bundle (gzip)', value: round(popup.bytes / 1024), unit: 'KB', budget: { max: 60 }, note: `${popup.files} files popup.html loads; views load on first use (${readdirSync(join(dist, 'assets')).length} assets in all)` },
    );
    const byHand = refundFieldsByHand();
    // With prefill: "Izpolni iz izračuna", pick the claim, confirm the review (payment date defaults to today).
    const actions = 3;
    results.push({
      name: 'refund claim with 2 lines: fields typed by hand vs. prefill actions', value: Number((byHand.typed / actions).toFixed(1)), unit: '×',
      note: `${byHand.typed} fields by hand (${byHand.lineFields} per line × 2 + ${byHand.formFields} for the claim) vs. ${actions} clicks`,
    });

    const reader = await readerBundle();
    const storeRuns: number[] = [];
    await withChromium(async ({ page, server, openPopup, context }) => {
      server.route('/bench-reader.js', { body: reader, type: 'text/javascript' });
      server.route('/bench-ebol-2000.html', { body: ebolListPage(2000), type: 'text/html; charset=utf-8' });
      // A host the extension ignores: the reader alone is measured, not the content script beside it.
      await page.goto(server.url('/bench-ebol-2000.html', 'bench.example'));
      const times = await page.evaluate(() => {
        const read = (globalThis as unknown as { spotBenchRead: () => { kind: string; certificates?: unknown[] } }).spotBenchRead;
        const out: { ms: number; rows: number }[] = [];
        for (let i = 0; i < 6; i++) {
          const t = performance.now();
          const r = read();
          out.push({ ms: performance.now() - t, rows: r.certificates?.length ?? -1 });
        }
        return out;
      });
      results.push({
        name: 'reading an eBOL list of 2 000 rows in Chromium (adapter alone)', value: round(median(times.slice(1).map((x) => x.ms))), unit: 'ms',
        budget: { max: 50 }, note: `median of 5 after a first read of ${round(times[0]!.ms)} ms; ${times[0]!.rows} certificates`,
      });

      // Storing 10 000 certificates through the extension's own import message, in the parts the
      // popup sends a big file in (one transaction each); this run also fills the database the
      // popup is opened with below.
      const app = await openPopup('app.html');
      storeRuns.push(await storeCertificates(app, IMPORT_CERTIFICATES_PER_MESSAGE));
      await app.close();

      // Popup open to interactive: navigation start → the workers table of the selected employer
      // listed. The popup marks that moment itself (`spot:interactive`, src/popup/views/WorkersView.tsx:
      // the first rows are in the document with their handlers); the time Playwright takes to notice
      // the rows (polling, a round trip) is reported beside it, not in the figure.
      const opens: { mark: number; seen: number }[] = [];
      for (let i = 0; i < 6; i++) {
        const p = await context.newPage();
        await p.goto(`chrome-extension://${new URL(app.url()).host}/popup.html`);
        await p.waitForSelector('[data-testid=workers-table] tbody tr');
        opens.push(await p.evaluate(() => {
          const seen = performance.now();
          const mark = performance.getEntriesByName('spot:interactive')[0] as PerformanceMark | undefined;
          const rows = document.querySelectorAll('[data-testid=workers-table] tbody tr').length;
          const listed = (mark?.detail as { workers?: number } | undefined)?.workers ?? 0;
          if (!mark || listed === 0 || rows === 0) throw new Error(`no spot:interactive mark with workers listed (mark: ${mark ? listed : 'none'}, rows: ${rows})`);
          return { mark: mark.startTime, seen };
        }));
        await p.close();
      }
      const later = opens.slice(1);
      results.push({
        name: 'popup open to interactive with 10 000 certificates', value: Math.round(median(later.map((o) => o.mark))), unit: 'ms', budget: { max: 150 },
        note: `median of 5 after a first open of ${Math.round(opens[0]!.mark)} ms (navigation start → the popup's mark: first workers listed, handlers attached); `
          + `seen by Playwright: ${Math.round(median(later.map((o) => o.seen)))} ms (first ${Math.round(opens[0]!.seen)} ms)`,
      });
    });

    // Two more storing runs, each in a new profile (an empty database, as the first had): the
    // budget is checked against the median of three, as the other timings are medians.
    for (let run = 0; run < 2; run++) storeRuns.push(await withChromium(async ({ openPopup }) => storeCertificates(await openPopup('app.html'), IMPORT_CERTIFICATES_PER_MESSAGE)));
    const byThousand = await withChromium(async ({ openPopup }) => storeCertificates(await openPopup('app.html'), 1000));
    const parts = Math.ceil(10_000 / IMPORT_CERTIFICATES_PER_MESSAGE);
    results.push(
      {
        name: 'storing 10 000 certificates in real IndexedDB (Chromium)', value: Math.round(median(storeRuns)), unit: 'ms', budget: { max: 2000 },
        note: `median of ${storeRuns.length} runs (${storeRuns.map(Math.round).join(', ')} ms), each into an empty database; ${parts} messages × ${IMPORT_CERTIFICATES_PER_MESSAGE}, `
          + 'the parts the popup sends a file in, one transaction each; workers and history included',
      },
      { name: 'the same in messages of 1 000 (for comparison)', value: Math.round(byThousand), unit: 'ms', note: '10 messages × 1 000, one transaction each, one run' },
    );
    return results;
  },
};

/** Milliseconds to store 10 000 new certificates through `ui:importCertificates`, `chunk` per message, one message after another. */
async function storeCertificates(app: Page, chunk: number): Promise<number> {
  return app.evaluate(async ({ certs, chunk }) => {
    const chrome = (globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<{ ok: boolean; error?: unknown }> } } }).chrome;
    const t = performance.now();
    for (let i = 0; i < certs.length; i += chunk) {
      const r = await chrome.runtime.sendMessage({ channel: 'spot-pomocnik/1', name: 'ui:importCertificates', payload: { certificates: certs.slice(i, i + chunk), fallbackEmployerTax: null } });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
    }
    return performance.now() - t;
  }, { certs: syntheticCertificates(10_000), chunk });
}

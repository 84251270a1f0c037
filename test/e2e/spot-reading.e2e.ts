/**
 * Reading SPOT in both real browsers, one browser start each, several steps:
 *
 *  1. paging through the eBOL list in place (AJAX) stores every certificate exactly once; a
 *     re-render that shows a certificate as cancelled updates it; rows get "stored" badges;
 *  2. "Prenesi XML" on a row reads the signed certificate (the same data: nothing duplicated);
 *  3. on a page without the employer's tax number the panel asks for the employer first;
 *  4. clicking CSV / XML on the disclosure list stores the disclosure and the helper shows its
 *     ZZZS hourly base, or its totals and warnings — and the click is not prevented (the
 *     page's own download request still happens);
 *  5. a list whose labels changed shows diagnostics and stores nothing.
 *
 * The stored state is read back from the extension's own IndexedDB in an extension page.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { panelDriver, withChromium, withFirefox, type SpotServer } from './harness/index.ts';
import { FIXTURES } from './harness/paths.ts';

interface Snapshot {
  certificates: Array<{ number: string; status: string; source: string; employerTax: string; workerId: string }>;
  disclosures: Array<{ queryNumber: string; certificateNumber: string | null; workerId: string | null; source: string }>;
  history: Array<{ entity: string; entityKey: string; change: Record<string, unknown> }>;
  settings: Array<{ key: string; value: unknown }>;
}

/** What a step needs from a browser, the same for Playwright (Chromium) and Puppeteer (Firefox). */
interface Driver {
  lang: 'sl' | 'en';
  goto(path: string): Promise<void>;
  /** A real mouse click on an element of SPOT's page. */
  click(selector: string): Promise<void>;
  /** A real click / typing on an element of the panel (inside its closed shadow root). */
  clickPanel(selector: string): Promise<void>;
  typePanel(selector: string, text: string): Promise<void>;
  /** Waits until the panel has an element matching `selector`; its text and data-* attributes. */
  panel(selector: string): Promise<Record<string, string>>;
  /** Waits until `fn` (run in the page) returns something truthy. */
  waitPage<A>(fn: (arg: A) => unknown, arg: A): Promise<void>;
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  store(): Promise<Snapshot>;
}

// ---- in-page functions (serialised into the browser: no closures) ----

async function readStore(): Promise<Snapshot> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('spot-pomocnik');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const all = (name: string) => new Promise<unknown[]>((resolve, reject) => {
    const q = db.transaction(name, 'readonly').objectStore(name).getAll();
    q.onsuccess = () => resolve(q.result);
    q.onerror = () => reject(q.error);
  });
  const out = {
    certificates: await all('certificates'), disclosures: await all('disclosures'),
    history: await all('history'), settings: await all('settings'),
  };
  db.close();
  return JSON.parse(JSON.stringify(out)) as Snapshot;
}

// ---- the scenario ----

const TYPES: Record<string, string> = { csv: 'text/csv; charset=utf-8', xml: 'application/xml; charset=utf-8' };

/** Files behind download links, served as SPOT does: as attachments. */
function serveDownloads(server: SpotServer): void {
  for (const name of ['osnova-P-2025-000123456.csv', 'osnova-P-2025-000123457.xml', 'ebol-1000200005.xml']) {
    server.route(`/files/${name}`, {
      body: readFileSync(join(FIXTURES, 'files', name)),
      type: TYPES[name.split('.').pop()!]!,
      headers: { 'content-disposition': `attachment; filename="${name}"` },
    });
  }
}

const PAGE1 = ['1000200001', '1000200002', '1000200003', '100000004567'];
const PAGE2 = ['1000200005', '1000200006', '1000200007', '1000200008'];
const PAGE3 = ['1000200009', '1000200010', '1000200011', '1000200012'];

const summary = (counts: { added: number; updated?: number; cancelled?: number; unchanged?: number }) =>
  `[data-testid=panel-summary][data-added="${counts.added}"][data-updated="${counts.updated ?? 0}"][data-cancelled="${counts.cancelled ?? 0}"][data-unchanged="${counts.unchanged ?? 0}"]`;

const badgesShown = (numbers: string[]) => numbers.every((n) => {
  const cell = [...document.querySelectorAll('#rezultati tbody td:first-child')].find((td) => td.firstChild?.textContent?.trim() === n);
  return cell?.querySelector('[data-spot-pomocnik=stored]') != null;
});

/**
 * Clicks a link of SPOT's table the way a user does when the helper floats over it: fold the
 * panel, scroll the link into view, click, unfold.
 */
async function clickBehindPanel(d: Driver, selector: string): Promise<void> {
  await d.clickPanel('button.panel__toggle[aria-expanded="true"]');
  await d.panel('button.panel__toggle[aria-expanded="false"]');
  await d.evaluate((sel) => document.querySelector(sel)?.scrollIntoView({ block: 'center' }), selector);
  await d.click(selector);
  await d.clickPanel('button.panel__toggle[aria-expanded="false"]');
  await d.panel('button.panel__toggle[aria-expanded="true"]');
}

async function scenario(d: Driver, server: SpotServer): Promise<void> {
  serveDownloads(server);

  // 1. The eBOL list, paged in place.
  await d.goto('/ebol-prenos.html');
  const first = await d.panel(summary({ added: 4 }));
  expect(first.text).toBe(d.lang === 'sl' ? 'Prebrana potrdila: 4 nova.' : 'Certificates read: 4 new.');
  await d.waitPage(badgesShown, PAGE1);

  await d.click('[data-page="2"]');
  const second = await d.panel(summary({ added: 8 }));
  expect(second.text).toBe(d.lang === 'sl' ? 'Prebrana potrdila: 8 novih.' : 'Certificates read: 8 new.');
  await d.waitPage(badgesShown, PAGE2);
  await d.click('[data-pager=next]');
  await d.panel(summary({ added: 12 }));
  await d.waitPage(badgesShown, PAGE3);

  // Back to page 1 (nothing changed: nothing is sent, counts stay), then page 2 re-rendered
  // after the doctor cancelled a certificate.
  await d.click('[data-page="1"]');
  await d.waitPage(badgesShown, PAGE1);
  server.route('/ebol-seznam-stran-2.json', { file: 'ebol-seznam-stran-2-preklic.json' });
  await d.click('[data-page="2"]');
  const cancelled = await d.panel(summary({ added: 12, cancelled: 1 }));
  expect(cancelled.text).toBe(d.lang === 'sl' ? 'Prebrana potrdila: 12 novih, 1 preklicano.' : 'Certificates read: 12 new, 1 cancelled.');
  await d.waitPage(badgesShown, PAGE2);

  // 2. "Prenesi XML" of a row: the signed document is read and stored too.
  await clickBehindPanel(d, 'a[href="/files/ebol-1000200005.xml"]');
  const xml = await d.panel('[data-testid=panel-download][data-kind=certificates]');
  // The signed document says what the list said: stored already, nothing duplicated.
  expect(xml.text).toBe(d.lang === 'sl' ? 'Potrdilo 1000200005 iz XML: že shranjeno.' : 'Certificate 1000200005 from XML: already stored.');

  let s = await d.store();
  const numbers = s.certificates.map((c) => c.number).sort();
  expect(numbers).toEqual([...PAGE1, ...PAGE2, ...PAGE3].sort());
  // Each certificate stored once; its history holds only what changed (the cancellation seen on
  // page 2), once: paging back and forth and the XML download changed nothing.
  const changes = s.history.filter((h) => h.entity === 'certificates').map((h) => [h.entityKey, h.change]);
  expect(changes).toEqual([['1000200006', { status: ['issued', 'cancelled'] }]]);
  const byNumber = new Map(s.certificates.map((c) => [c.number, c]));
  expect(byNumber.get('1000200006')?.status).toBe('cancelled');
  expect(byNumber.get('1000200012')?.status).toBe('cancelled');
  expect(byNumber.get('1000200001')?.status).toBe('issued');
  expect(new Set(s.certificates.map((c) => c.employerTax))).toEqual(new Set(['12345679']));

  // 3. A list that does not show the employer: the panel asks first, from the keyboard.
  await d.goto('/ebol-seznam-stolpci.html');
  await d.panel('[data-testid=panel-employer-prompt]');
  await d.typePanel('input[name=taxNumber]', '55512340');
  await d.typePanel('input[name=taxNumber]', '{Enter}');
  await d.panel('[data-testid=panel-employer-prompt] [role=alert]'); // wrong check digit: refused
  await d.typePanel('input[name=taxNumber]', '{Backspace}8');
  await d.typePanel('input[name=name]', 'DRUGO d.o.o.');
  await d.typePanel('input[name=name]', '{Enter}');
  await d.panel(summary({ added: 4 }));
  const problems = await d.panel('[data-testid=panel-problems]');
  expect(problems.text).toContain('1000300005');
  expect(problems.text).toContain('31.02.2025');
  const employer = await d.panel('[data-testid=panel-employer]');
  expect(employer.tax).toBe('55512348');

  // 4. The disclosure list: CSV and XML downloads are read and stored; the page's own click goes on.
  await d.goto('/podatki-osnova.html');
  await d.panel('.panel__lead');
  await d.evaluate(() => {
    (window as unknown as { prevented: boolean[] }).prevented = [];
    window.addEventListener('click', (e) => {
      if ((e.target as Element).closest?.('a[href]')) (window as unknown as { prevented: boolean[] }).prevented.push(e.defaultPrevented);
    });
  }, null);
  await clickBehindPanel(d, 'a[href="/files/osnova-P-2025-000123456.csv"]');
  const base = await d.panel('[data-testid=panel-disclosure][data-query="P-2025-000123456"] [data-testid=panel-base]');
  expect(base.text).toBe(d.lang === 'sl' ? 'Osnova ZZZS na uro: 13,87 € (leto 2024, mesecev: 12)' : 'ZZZS hourly base: 13.87 € (year 2024, months: 12)');

  await clickBehindPanel(d, 'a[href="/files/osnova-P-2025-000123457.xml"]');
  const warnings = await d.panel('[data-testid=panel-disclosure][data-query="P-2025-000123457"] [data-testid=panel-warnings]');
  expect(warnings.text).toContain(d.lang === 'sl' ? 'Nekatere celice zneskov ali ur so prazne' : 'Some amount or hour cells are blank');
  const totals = await d.panel('[data-testid=panel-disclosure][data-query="P-2025-000123457"] [data-testid=panel-totals]');
  expect(totals.text).toContain(d.lang === 'sl' ? '5.850,13 €' : '5,850.13 €');

  expect(await d.evaluate(() => (window as unknown as { prevented: boolean[] }).prevented, null)).toEqual([false, false]);
  // The browser fetched each file itself too (its own download), besides our read.
  await expect.poll(() => server.requests.filter((r) => r.path === '/files/osnova-P-2025-000123456.csv').length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  await expect.poll(() => server.requests.filter((r) => r.path === '/files/osnova-P-2025-000123457.xml').length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);

  s = await d.store();
  expect(s.disclosures.map((x) => [x.queryNumber, x.certificateNumber, x.source]).sort()).toEqual([
    ['P-2025-000123456', '1000200001', 'spot-download'],
    ['P-2025-000123457', '1000200005', 'spot-download'],
  ]);
  const certificatesBefore = s.certificates.length;

  // 5. A list whose labels changed: diagnostics, nothing stored.
  await d.goto('/ebol-seznam-spremenjen.html');
  const diag = await d.panel('[data-testid=panel-diagnostics]');
  expect(diag.expected).toBe('ebolList');
  const found = await d.panel('[data-testid=panel-diag-found]');
  expect(found.text).toContain('»Identifikator dokumenta«');
  const copy = await d.panel('[data-testid=panel-diagnostics] button');
  expect(copy.text).toBe(d.lang === 'sl' ? 'Kopiraj diagnostiko' : 'Copy diagnostics');
  s = await d.store();
  expect(s.certificates.length).toBe(certificatesBefore);
  expect(s.certificates.some((c) => c.number.startsWith('10004'))).toBe(false);
}

// ---- the two browsers ----

describe('reading SPOT: Chromium (dist/chrome)', () => {
  it('pages, re-renders, downloads, the employer prompt and diagnostics', async () => {
    await withChromium(async ({ page, server, openPopup }) => {
      const panel = panelDriver(page);
      const d: Driver = {
        lang: 'en',
        goto: async (path) => void (await page.goto(server.url(path))),
        click: (selector) => page.locator(selector).click(),
        // The panel's shadow root is closed: reached through the DevTools protocol (harness/panel.ts).
        clickPanel: (selector) => panel.click(selector),
        typePanel: (selector, text) => panel.type(selector, text),
        panel: (selector) => panel.waitFor(selector),
        async waitPage<A>(fn: (arg: A) => unknown, arg: A) {
          await page.waitForFunction(fn as (arg: unknown) => unknown, arg as unknown, { timeout: 15_000 });
        },
        evaluate: <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => page.evaluate(fn as (arg: unknown) => T | Promise<T>, arg as unknown),
        async store() {
          const popup = await openPopup();
          try {
            return await popup.evaluate(readStore);
          } finally {
            await popup.close();
          }
        },
      };
      await scenario(d, server);
    });
  });
});

describe('reading SPOT: Firefox ESR (dist/firefox)', () => {
  it('pages, re-renders, downloads, the employer prompt and diagnostics', async () => {
    const downloads = mkdtempSync(join(tmpdir(), 'spot-e2e-downloads-'));
    try {
      await withFirefox(async ({ newPage, server, openPopup }) => {
        const page: FirefoxPage = await newPage();
        // The panel's shadow root is closed: reached through WebDriver BiDi (harness/panel.ts).
        const panel = panelDriver(page);
        const d: Driver = {
          lang: 'sl',
          async goto(path) {
            // After a download, Firefox's BiDi may never report the next navigation as done
            // (as for the harness's openPopup): start it, then wait for the document itself.
            const url = server.url(path);
            page.goto(url, { timeout: 0 }).catch(() => undefined);
            await page.waitForFunction((u: string) => location.href === u && document.readyState === 'complete', { timeout: 15_000 }, url);
          },
          click: (selector) => page.click(selector),
          clickPanel: (selector) => panel.click(selector),
          typePanel: (selector, text) => panel.type(selector, text),
          panel: (selector) => panel.waitFor(selector),
          waitPage: async (fn, arg) => void (await page.waitForFunction(fn as (arg: unknown) => unknown, { timeout: 15_000 }, arg as unknown)),
          evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => unknown, arg as unknown) as never,
          async store() {
            const popup = await openPopup();
            try {
              return (await popup.evaluate(readStore)) as Snapshot;
            } finally {
              await popup.close();
            }
          },
        };
        await scenario(d, server);
      }, { prefs: { 'browser.download.folderList': 2, 'browser.download.dir': downloads, 'browser.download.useDownloadDir': true } });
    } finally {
      rmSync(downloads, { recursive: true, force: true });
    }
  });
});

/**
 * Scraped text is data (issue 9), in the real Chromium with the shipped extension: a SPOT list
 * whose page title, business name, worker names and an unreadable cell hold markup and script
 * (as TEXT on SPOT's page: `<img src=x onerror=…>`, `<script>…</script>`, `"><svg onload=…>`,
 * `javascript:` URLs) is read and stored; then
 *
 *   - the in-page helper (its closed shadow root, read through the DevTools protocol) shows the
 *     problem row's text and, on a list without a business, the stored business in its employer
 *     prompt — literally, with no element made from it;
 *   - the extension's app page shows the names in its lists and the page title in its status;
 *   - no payload ran anywhere: no dialog, `window.__xss` unset on SPOT's page and in the app,
 *     no element, event-handler attribute or `javascript:` link made of the text, and no CSP
 *     refusal logged (nothing even tried to run).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { panelDriver, withChromium } from './harness/index.ts';
import { FIXTURES } from './harness/paths.ts';

const HOSTILE = {
  img: '<img src=x onerror="window.__xss=1;alert(1)">',
  script: '<script>window.__xss=2;alert(2)</script>',
  svg: '"><svg onload="window.__xss=3;alert(3)">',
  url: 'javascript:window.__xss=4;alert(4)//',
};
const NAMES = [`Kovač ${HOSTILE.img} Ana`, `${HOSTILE.script} Kos Jure`, `Zupan ${HOSTILE.svg} Eva`, HOSTILE.url];
/** Short enough to be quoted whole in the problem's reason. */
const CELL = '<svg onload=alert(5)>';
/** The header's name is cut at `( · | , ;` (src/shared/pages/employer.ts): a payload without them. */
const BUSINESS = 'PRIMER "><svg/onload=alert`3`> d.o.o.';
const TITLE = `Prenos ePotrdil ${HOSTILE.script} – SPOT`;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** ebol-prenos.html with the hostile texts as SPOT would show them: escaped, so they are text. */
function hostilePage(): string {
  const rows = NAMES.map((name, i) => `<tr><td>${1000400001 + i}</td><td>eBOL</td><td>${esc(name)}</td><td></td><td></td><td>01 - bolezen</td><td>0${i + 3}.03.2025</td><td>0${i + 4}.03.2025</td><td></td><td>Izdan</td><td>0${i + 3}.03.2025</td><td><a href="${esc(HOSTILE.url)}">Prenesi XML</a></td></tr>`);
  // An unreadable row: its cell text comes back in the helper's problem list.
  rows.push(`<tr><td>1000400009</td><td>eBOL</td><td>Novak Janez</td><td></td><td></td><td>01 - bolezen</td><td>${esc(CELL)}</td><td>09.03.2025</td><td></td><td>Izdan</td><td></td><td></td></tr>`);
  return readFileSync(join(FIXTURES, 'ebol-prenos.html'), 'utf8')
    .replace(/<title>[^<]*<\/title>/, `<title>${esc(TITLE)}</title>`)
    .replace('<strong>PRIMER d.o.o.</strong>', `<strong>${esc(BUSINESS)}</strong>`)
    .replace(/<tbody>[\s\S]*<\/tbody>/, `<tbody>\n${rows.join('\n')}\n</tbody>`)
    .replace('<script src="/ebol-seznam.js" defer></script>', '');
}

// ---- in-page functions (serialised into the browser: no closures) ----

/** What text could have become in `root`: elements, handler attributes, script URLs; and the flag. */
function madeOfText(root: ParentNode | null): { elements: number; handlers: string[]; scriptUrls: number; flag: unknown } {
  const scope = root ?? document;
  const all = [...scope.querySelectorAll('*')];
  return {
    elements: scope.querySelectorAll('img:not(.app__logo), script:not([src]), svg, iframe, object, embed').length,
    handlers: all.flatMap((el) => el.getAttributeNames().filter((a) => a.startsWith('on')).map((a) => `${el.tagName}.${a}`)),
    scriptUrls: all.filter((el) => ['href', 'src', 'action'].some((a) => /^\s*javascript:/i.test(el.getAttribute(a) ?? ''))).length,
    flag: (window as unknown as { __xss?: unknown }).__xss,
  };
}

function panelText(root: ShadowRoot | null): string {
  return (root?.textContent ?? '').replace(/\s+/g, ' ');
}

async function watch(page: Page, log: string[]): Promise<void> {
  page.on('dialog', (d) => { log.push(`dialog: ${d.message()}`); void d.dismiss(); });
  page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) log.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => log.push(`error: ${e.message}`));
}

describe('markup in scraped text: Chromium (dist/chrome)', () => {
  it('is shown literally by the in-page helper and the app, and never runs', async () => {
    await withChromium(async ({ page, server, openPopup }) => {
      const log: string[] = [];
      await watch(page, log);
      server.route('/ebol-prenos.html', { body: hostilePage(), type: 'text/html; charset=utf-8' });
      await page.goto(server.url('/ebol-prenos.html'));
      const panel = panelDriver(page);

      // The helper stored the four readable rows and lists the fifth with its cell text.
      await panel.waitFor('[data-testid=panel-summary][data-added="4"]');
      const problems = await panel.waitFor('[data-testid=panel-problems]');
      expect(problems.text).toContain(`»${CELL}«`);
      const record = await panel.waitFor('[data-testid=panel-record] [data-field=title]');
      expect(record.text).toBe(TITLE);
      expect(await panel.evaluate(madeOfText, null)).toEqual({ elements: 0, handlers: [], scriptUrls: 0, flag: undefined });
      expect(await page.evaluate(madeOfText, null)).toMatchObject({ elements: 0, flag: undefined }); // SPOT's own page too

      // The app page: the switcher, the workers and certificates, the last SPOT page.
      const app = await openPopup('app.html');
      await watch(app, log);
      await app.locator('[data-testid=workers-table] tbody tr').first().waitFor();
      const workers = await app.locator('[data-testid=workers-table] tbody').textContent();
      for (const name of NAMES) expect(workers).toContain(name);
      expect(await app.locator('[data-testid=employer-switcher] option').first().textContent()).toBe(`${BUSINESS} (12345679)`);
      await app.locator('#tab-certificates').click();
      await app.locator('[data-testid=certificates-table] tbody tr').first().waitFor();
      const certificates = await app.locator('[data-testid=certificates-table] tbody').textContent();
      for (const name of NAMES) expect(certificates).toContain(name);
      expect(await app.locator('[data-testid=status-line]').textContent()).toContain(TITLE);
      expect(await app.evaluate(madeOfText, null)).toEqual({ elements: 0, handlers: [], scriptUrls: 0, flag: undefined });

      // A list that does not name the business: the prompt offers the stored one, by its stored name.
      await page.goto(server.url('/ebol-seznam-stolpci.html'));
      await panel.waitFor('[data-testid=panel-employer-prompt]');
      const options = await panel.evaluate((root) => [...(root?.querySelectorAll('[data-testid=panel-employer-prompt] option') ?? [])].map((o) => o.textContent), null);
      expect(options).toContain(`${BUSINESS} (12345679)`);
      expect(await panel.evaluate(madeOfText, null)).toEqual({ elements: 0, handlers: [], scriptUrls: 0, flag: undefined });

      expect(log).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    });
  });
});

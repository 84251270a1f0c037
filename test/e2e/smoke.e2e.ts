/**
 * Smoke path in both real browsers: a SPOT page → content script → typed message → stored in
 * IndexedDB by the background → read back (popup in Chromium; panel and popup in Firefox).
 */
import { describe, expect, it } from 'vitest';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { PANEL_HOST, panelDriver, withChromium, withFirefox } from './harness/index.ts';

const TITLE = 'Prenos ePotrdil o zadržanosti od dela – SPOT';
const HEADING = 'Prenos ePotrdil o zadržanosti od dela';
const RECORD = '[data-testid=panel-record]'; // inside the panel's closed shadow root
const STATUS = '[data-testid=status-line][data-state=loaded]';

describe('smoke: Chromium (dist/chrome)', () => {
  it('stores the SPOT page it sees and the popup shows it', async () => {
    await withChromium(async ({ page, server, openPopup }) => {
      const before = await openPopup();
      expect(await before.locator(STATUS).textContent()).toBe('You have not opened SPOT yet.');
      await before.close();

      await page.goto(server.url('/ebol-seznam.html'));
      // The panel's shadow root is closed: SPOT's scripts cannot read it; tests reach it through
      // the DevTools protocol (harness/panel.ts).
      const panel = panelDriver(page);
      expect((await panel.waitFor(`${RECORD} [data-field=title]`)).text).toBe(TITLE);
      // The visible heading, not the hidden h1 of the site header.
      expect((await panel.waitFor(`${RECORD} [data-field=heading]`)).text).toBe(HEADING);
      expect((await panel.waitFor('.panel__message')).text).toBe('Page seen and stored.');
      expect(await page.evaluate((host) => document.querySelector(host)?.shadowRoot ?? null, PANEL_HOST)).toBeNull();

      // SPOT's CSS (button { background: red !important }) does not reach into the panel.
      expect(await panel.evaluate((root) => getComputedStyle(root!.querySelector('button.panel__toggle')!).backgroundColor, null)).toBe('rgb(255, 255, 255)');
      // Collapsible from the keyboard.
      await panel.type('button.panel__toggle', '{Enter}');
      await panel.waitFor('button.panel__toggle[aria-expanded="false"]');
      expect(await panel.evaluate((root) => {
        const body = root!.querySelector<HTMLElement>('#spot-pomocnik-body');
        return !body || body.hidden || getComputedStyle(body).display === 'none';
      }, null)).toBe(true);

      const popup = await openPopup();
      const status = await popup.locator(STATUS).textContent();
      expect(status).toContain(`Last SPOT page: ${TITLE}`);
      expect(await popup.getByRole('heading', { level: 1 }).textContent()).toBe('SPOT Helper');

      // SPOT saw only the page's own requests: the extension fetched nothing from it.
      const fromSpot = server.requests.filter((r) => r.host === 'spot.gov.si').map((r) => r.path);
      expect(fromSpot).toContain('/ebol-seznam.html');
      expect(fromSpot.filter((path) => !['/ebol-seznam.html', '/spot.css', '/favicon.ico'].includes(path))).toEqual([]);
    });
  });

  it('does not run on a host that only looks like SPOT', async () => {
    await withChromium(async ({ context, page, server, openPopup }) => {
      server.route('/fake.html', { file: 'ebol-seznam.html' });
      await page.goto(server.url('/fake.html', 'evil-spot.gov.si.example'), { waitUntil: 'load' });
      const plainIp = await context.newPage();
      await plainIp.goto(`https://127.0.0.1/fake.html`);

      // Content scripts do run (on the real host) — so their absence above means something.
      const spot = await context.newPage();
      await spot.goto(server.url('/index.html'));
      await panelDriver(spot).waitFor(RECORD);

      expect(await page.locator(PANEL_HOST).count()).toBe(0);
      expect(await plainIp.locator(PANEL_HOST).count()).toBe(0);
      const popup = await openPopup();
      expect(await popup.locator(STATUS).textContent()).toContain('Last SPOT page: Moj SPOT – SPOT');
    });
  });
});

/** Text of the panel's stored record, read through its closed shadow root (WebDriver BiDi). */
async function panelRecord(page: FirefoxPage): Promise<Record<string, string>> {
  const panel = panelDriver(page);
  await panel.waitFor(RECORD);
  return panel.evaluate((root, record) => {
    const fields = Object.fromEntries([...root!.querySelectorAll(`${record} [data-field]`)].map((e) => [e.getAttribute('data-field'), e.textContent]));
    return { message: root!.querySelector('.panel__message')?.textContent, ...fields } as Record<string, string>;
  }, RECORD);
}

describe('smoke: Firefox ESR (dist/firefox)', () => {
  it('stores the SPOT page it sees and the panel shows the stored record', async () => {
    await withFirefox(async ({ newPage, server, openPopup }) => {
      const page = await newPage();
      await page.goto(server.url('/ebol-seznam.html'));
      const record = await panelRecord(page);
      // navigator.language is sl-SI here: the panel speaks Slovenian.
      expect(record).toMatchObject({ message: 'Stran je zaznana in shranjena.', title: TITLE, heading: HEADING });
      expect(record.seenAt).toMatch(/\d{4}/);
      // SPOT's own scripts cannot read the panel.
      expect(await page.evaluate((host: string) => document.querySelector(host)?.shadowRoot ?? null, PANEL_HOST)).toBeNull();

      const popup = await openPopup();
      const status = await popup.waitForFunction((s: string) => document.querySelector(s)?.textContent, { timeout: 15_000 }, STATUS);
      expect(await status.jsonValue()).toContain(`Zadnja stran SPOT: ${TITLE}`);
    });
  });
});

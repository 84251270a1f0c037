/**
 * Smoke path in both real browsers: a SPOT page → content script → typed message → stored in
 * IndexedDB by the background → read back (popup in Chromium; panel and popup in Firefox).
 */
import { describe, expect, it } from 'vitest';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { PANEL_HOST, withChromium, withFirefox } from './harness/index.ts';

const TITLE = 'Prenos ePotrdil o zadržanosti od dela – SPOT';
const HEADING = 'Prenos ePotrdil o zadržanosti od dela';
const RECORD = `${PANEL_HOST} [data-testid=panel-record]`; // Playwright's CSS pierces open shadow roots
const STATUS = '[data-testid=status-line][data-state=loaded]';

describe('smoke: Chromium (dist/chrome)', () => {
  it('stores the SPOT page it sees and the popup shows it', async () => {
    await withChromium(async ({ page, server, openPopup }) => {
      const before = await openPopup();
      expect(await before.locator(STATUS).textContent()).toBe('You have not opened SPOT yet.');
      await before.close();

      await page.goto(server.url('/ebol-seznam.html'));
      const panel = page.locator(RECORD);
      expect(await panel.locator('[data-field=title]').textContent()).toBe(TITLE);
      // The visible heading, not the hidden h1 of the site header.
      expect(await panel.locator('[data-field=heading]').textContent()).toBe(HEADING);
      expect(await page.locator(`${PANEL_HOST} .panel__message`).textContent()).toBe('Page seen and stored.');

      // SPOT's CSS (button { background: red !important }) does not reach into the panel.
      const toggle = page.locator(`${PANEL_HOST} button.panel__toggle`);
      expect(await toggle.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(255, 255, 255)');
      // Collapsible from the keyboard.
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await page.locator(`${PANEL_HOST} #spot-pomocnik-body`).isHidden()).toBe(true);

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
      await spot.locator(RECORD).waitFor();

      expect(await page.locator(PANEL_HOST).count()).toBe(0);
      expect(await plainIp.locator(PANEL_HOST).count()).toBe(0);
      const popup = await openPopup();
      expect(await popup.locator(STATUS).textContent()).toContain('Last SPOT page: Moj SPOT – SPOT');
    });
  });
});

/** Text of the panel's stored record, read from the page through the open shadow root. */
async function panelRecord(page: FirefoxPage): Promise<Record<string, string>> {
  const handle = await page.waitForFunction(
    (host: string) => {
      const root = document.querySelector(host)?.shadowRoot;
      const record = root?.querySelector('[data-testid=panel-record]');
      if (!root || !record) return null;
      const message = root.querySelector('.panel__message')?.textContent;
      const fields = Object.fromEntries([...record.querySelectorAll('[data-field]')].map((e) => [e.getAttribute('data-field'), e.textContent]));
      return { message, ...fields };
    },
    { timeout: 15_000 },
    PANEL_HOST,
  );
  return (await handle.jsonValue()) as Record<string, string>;
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

      const popup = await openPopup();
      const status = await popup.waitForFunction((s: string) => document.querySelector(s)?.textContent, { timeout: 15_000 }, STATUS);
      expect(await status.jsonValue()).toContain(`Zadnja stran SPOT: ${TITLE}`);
    });
  });
});

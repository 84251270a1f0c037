/**
 * Runs a test in Firefox ESR with the shipped dist/firefox installed as a temporary add-on
 * (puppeteer-core over WebDriver BiDi, /usr/bin/firefox-esr, headless).
 *
 *   await withFirefox(async ({ browser, server, newPage, openPopup }) => {
 *     const page = await newPage();
 *     await page.goto(server.url('/ebol-seznam.html'));
 *   });
 *
 * Firefox cannot remap ports, so the fake SPOT listens on 443 (tests run as root) and
 * `network.dns.forceResolve` sends every host name to 127.0.0.1: nothing can leave the
 * machine. The add-on gets a fixed internal UUID (`extensions.webextensions.uuids`) so its
 * pages have a known moz-extension:// address. Everything is cleaned up whatever the test does.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { distFor, FIREFOX, requireExecutable } from './paths.ts';
import { startSpotServer, type SpotServer } from './server.ts';
import { withTimeout } from './tmp.ts';

/** The gecko id from manifest.json and the UUID we give it in this profile. */
export const FIREFOX_ADDON_ID = 'spot-pomocnik@pomocnik.si';
export const FIREFOX_ADDON_UUID = '5b0f0c1e-5b0c-4e2f-9a55-5907b1e2e2e2';

export interface FirefoxRun {
  browser: Browser;
  server: SpotServer;
  /** The add-on id (from manifest.json). */
  extensionId: string;
  /** `moz-extension://<uuid>/<path>` */
  extensionUrl(path: string): string;
  newPage(): Promise<Page>;
  /** Opens popup.html (or another extension page) in a new tab. */
  openPopup(path?: string): Promise<Page>;
}

export interface FirefoxOptions {
  /** Use this server (must listen on 443) instead of starting one; it is then not closed here. */
  server?: SpotServer;
  extension?: string;
  /** `intl.accept_languages`, which sets navigator.language; default 'sl-SI, sl'. */
  acceptLanguages?: string;
  prefs?: Record<string, string | number | boolean>;
}

export async function withFirefox<T>(fn: (run: FirefoxRun) => Promise<T>, options: FirefoxOptions = {}): Promise<T> {
  const extension = options.extension ?? distFor('firefox');
  const executablePath = requireExecutable(FIREFOX, 'Firefox ESR');
  const server = options.server ?? (await startSpotServer({ port: 443 }));
  if (server.port !== 443) throw new Error('withFirefox needs a SPOT server on port 443');
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      acceptInsecureCerts: true,
      // Lets WebDriver BiDi navigate a tab to moz-extension:// pages (the popup); without it
      // Firefox answers "Navigation to moz-extension://… is not allowed in this context".
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'network.dns.forceResolve': '127.0.0.1',
        'network.dns.disableIPv6': true,
        'network.proxy.type': 0,
        'intl.accept_languages': options.acceptLanguages ?? 'sl-SI, sl',
        'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_ADDON_UUID }),
        ...options.prefs,
      },
    });
    const extensionId = await browser.installExtension(extension);
    const extensionUrl = (path: string) => `moz-extension://${FIREFOX_ADDON_UUID}/${path.replace(/^\//, '')}`;
    const b = browser;
    return await fn({
      browser,
      server,
      extensionId,
      extensionUrl,
      newPage: () => b.newPage(),
      async openPopup(path = 'popup.html') {
        const page = await b.newPage();
        const url = extensionUrl(path);
        // Firefox's BiDi does not report a navigation into the extension's process as done,
        // so `goto` would time out although the page loads. Start it, then wait for the
        // document itself (page.url() keeps saying about:blank; evaluate sees the real page).
        page.goto(url, { timeout: 0 }).catch(() => undefined);
        await page.waitForFunction((u: string) => location.href === u && document.readyState === 'complete', { timeout: 15_000 }, url);
        return page;
      },
    });
  } finally {
    if (browser) {
      const open = browser;
      await withTimeout('closing Firefox', 15_000, () => open.close()).catch(() => open.process()?.kill('SIGKILL'));
    }
    if (!options.server) await server.close();
  }
}

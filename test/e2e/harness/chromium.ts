/**
 * Runs a test in Chromium with the shipped dist/chrome loaded (playwright-core, the Debian
 * /usr/bin/chromium, new headless mode which supports extensions).
 *
 *   await withChromium(async ({ page, server, openPopup }) => {
 *     await page.goto(server.url('/ebol-seznam.html'));
 *     const popup = await openPopup();
 *   });
 *
 * Every host name resolves to the fake SPOT server (so nothing can leave the machine) and its
 * self-signed certificate is accepted. The profile dir, the browser and the server (unless you
 * passed your own) are cleaned up whatever the test does.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM, distFor, requireExecutable } from './paths.ts';
import { startSpotServer, type SpotServer } from './server.ts';
import { tempDir, withTimeout } from './tmp.ts';

export interface ChromiumRun {
  context: BrowserContext;
  /** A blank tab, ready to navigate. */
  page: Page;
  server: SpotServer;
  extensionId: string;
  /** The background service worker. */
  worker: Worker;
  /** `chrome-extension://<id>/<path>` */
  extensionUrl(path: string): string;
  /** Opens popup.html in a new tab (a real popup cannot be opened by automation). */
  openPopup(path?: string): Promise<Page>;
}

export interface ChromiumOptions {
  /** Use this server instead of starting one (it is then not closed here). */
  server?: SpotServer;
  /** Unpacked extension folder; default dist/chrome. */
  extension?: string;
  /** navigator.language and Accept-Language, e.g. 'sl-SI'; default the browser's (en-US). */
  locale?: string;
  /**
   * Fills the fresh profile folder (Chromium's --user-data-dir) before the browser starts,
   * e.g. `NativeMessagingHosts/` for a per-profile native-messaging host, or `Default/Preferences`.
   */
  prepareProfile?: (profileDir: string) => Promise<void> | void;
}

export async function withChromium<T>(fn: (run: ChromiumRun) => Promise<T>, options: ChromiumOptions = {}): Promise<T> {
  const extension = options.extension ?? distFor('chrome');
  const executablePath = requireExecutable(CHROMIUM, 'Chromium');
  const profile = await tempDir('chromium');
  const server = options.server ?? (await startSpotServer());
  let context: BrowserContext | undefined;
  try {
    await options.prepareProfile?.(profile.path);
    context = await chromium.launchPersistentContext(profile.path, {
      executablePath,
      headless: true,
      ...(options.locale ? { locale: options.locale } : {}),
      args: [
        `--disable-extensions-except=${extension}`,
        `--load-extension=${extension}`,
        // Every host goes to the fake SPOT: spot.gov.si, its subdomains, and hosts that must be ignored.
        `--host-resolver-rules=MAP * 127.0.0.1:${server.port}`,
        '--ignore-certificate-errors',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionId = new URL(worker.url()).host;
    const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
    const page = context.pages()[0] ?? (await context.newPage());
    const ctx = context;
    return await fn({
      context,
      page,
      server,
      extensionId,
      worker,
      extensionUrl,
      async openPopup(path = 'popup.html') {
        const popup = await ctx.newPage();
        await popup.goto(extensionUrl(path));
        return popup;
      },
    });
  } finally {
    if (context) {
      const open = context;
      await withTimeout('closing Chromium', 15_000, () => open.close()).catch(() => {
        // Playwright kills the browser process when it cannot close it cleanly.
      });
    }
    if (!options.server) await server.close();
    await profile.remove();
  }
}

/**
 * The content script's in-page helper lives in a CLOSED shadow root (src/content/panel/mount.tsx):
 * SPOT's own scripts cannot read it (`host.shadowRoot` is null), and neither can Playwright's or
 * Puppeteer's selectors. Tests reach it the way only a debugger can:
 *
 *   Chromium  the DevTools protocol: `DOM.describeNode({ pierce: true })` gives the closed root's
 *             node, `DOM.resolveNode` a handle to it, `Runtime.callFunctionOn` runs a function
 *             with it in the page;
 *   Firefox   WebDriver BiDi: serialising the host with `includeShadowTree: 'all'` gives the
 *             closed root's shared id, `script.callFunction` runs a function with it as `this`.
 *
 * `panelDriver(page)` works for both (Playwright Page → CDP, Puppeteer Page → BiDi). The
 * functions given to `evaluate` are serialised into the page: no closures.
 *
 *   const panel = panelDriver(page);
 *   const summary = await panel.waitFor('[data-testid=panel-summary]');   // { text, ...data-* }
 *   await panel.click('button.panel__toggle');                            // a real mouse click
 *   await panel.type('input[name=taxNumber]', '12345679{Enter}');
 */
import type { CDPSession, Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';

/** Where the content script's panel lives on a page (kept in step with src/content/panel/mount.tsx). */
export const PANEL_HOST = '#spot-pomocnik-root';

export interface PanelDriver {
  /** Runs `fn(root, arg)` in the page with the panel's shadow root (null when there is no panel); JSON in and out. */
  evaluate<T, A>(fn: (root: ShadowRoot | null, arg: A) => T, arg: A): Promise<T>;
  /** Waits until the panel has an element matching `selector`: its whitespace-collapsed text, `value` (controls) and data-* attributes. */
  waitFor(selector: string, timeout?: number): Promise<Record<string, string>>;
  /** Scrolls the element into view and clicks its centre with the real mouse. */
  click(selector: string): Promise<void>;
  /** Focuses the element, then types; `{Enter}`, `{Backspace}` … press that key. */
  type(selector: string, text: string): Promise<void>;
}

interface Backend {
  /** Calls `declaration` (a function source taking one JSON argument, `this` = the root) and returns its JSON result. */
  call(declaration: string, arg: unknown): Promise<unknown>;
  click(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  typeText(text: string): Promise<void>;
}

/** The CDP route (Chromium). */
function chromiumBackend(page: PlaywrightPage): Backend {
  let session: Promise<CDPSession> | undefined;
  const cdp = () => (session ??= page.context().newCDPSession(page));
  return {
    async call(declaration, arg) {
      const s = await cdp();
      const host = await s.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(PANEL_HOST)})` });
      let objectId: string | undefined;
      if (host.result.objectId) {
        const { node } = await s.send('DOM.describeNode', { objectId: host.result.objectId, pierce: true, depth: 1 });
        const root = node.shadowRoots?.[0];
        if (root) objectId = (await s.send('DOM.resolveNode', { backendNodeId: root.backendNodeId })).object.objectId;
        await s.send('Runtime.releaseObject', { objectId: host.result.objectId });
      }
      const fn = `function (arg) { return JSON.stringify((${declaration}).call(null, this === window || this === undefined ? null : this, JSON.parse(arg)) ?? null); }`;
      const r = objectId
        ? await s.send('Runtime.callFunctionOn', { objectId, functionDeclaration: fn, arguments: [{ value: JSON.stringify(arg ?? null) }], returnByValue: true, awaitPromise: true })
        : await s.send('Runtime.evaluate', { expression: `(${fn}).call(null, ${JSON.stringify(JSON.stringify(arg ?? null))})`, returnByValue: true, awaitPromise: true });
      if (objectId) await s.send('Runtime.releaseObject', { objectId });
      if (r.exceptionDetails) throw new Error(`in the panel: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
      return JSON.parse(r.result.value as string);
    },
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    typeText: (text) => page.keyboard.type(text),
  };
}

interface BidiRealm {
  callFunction(declaration: string, awaitPromise: boolean, options: Record<string, unknown>): Promise<{ type: string; result?: { type: string; value?: unknown }; exceptionDetails?: { text: string } }>;
}

/** The WebDriver BiDi route (Firefox, through Puppeteer's BiDi realm). */
function firefoxBackend(page: PuppeteerPage): Backend {
  const realm = () => (page.mainFrame() as unknown as { mainRealm(): { realm: BidiRealm } }).mainRealm().realm;
  return {
    async call(declaration, arg) {
      const r = realm();
      const host = await r.callFunction(`() => document.querySelector(${JSON.stringify(PANEL_HOST)})`, true, {
        serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 }, resultOwnership: 'none',
      });
      const shadow = (host.result?.value as { shadowRoot?: { sharedId?: string } } | undefined)?.shadowRoot?.sharedId;
      const fn = `function (arg) { return JSON.stringify((${declaration}).call(null, this === window || this === undefined ? null : this, JSON.parse(arg)) ?? null); }`;
      const out = await r.callFunction(fn, true, {
        ...(shadow ? { this: { sharedId: shadow } } : {}),
        arguments: [{ type: 'string', value: JSON.stringify(arg ?? null) }], resultOwnership: 'none',
      });
      if (out.type === 'exception') throw new Error(`in the panel: ${out.exceptionDetails?.text}`);
      return JSON.parse(out.result!.value as string);
    },
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key as Parameters<PuppeteerPage['keyboard']['press']>[0]),
    typeText: (text) => page.keyboard.type(text),
  };
}

function isPlaywright(page: PlaywrightPage | PuppeteerPage): page is PlaywrightPage {
  return typeof (page as PlaywrightPage).context === 'function' && typeof (page as PlaywrightPage).locator === 'function';
}

// ---- in-page functions (serialised: no closures) ----

function describe(root: ShadowRoot | null, selector: string): Record<string, string> | null {
  const el = root?.querySelector(selector) as HTMLElement | null | undefined;
  if (!el) return null;
  const value = (el as HTMLInputElement).value;
  return { text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(), ...(typeof value === 'string' ? { value } : {}), ...el.dataset } as Record<string, string>;
}

function centre(root: ShadowRoot | null, selector: string): { x: number; y: number } | null {
  const el = root?.querySelector(selector) as HTMLElement | null | undefined;
  if (!el) return null;
  el.scrollIntoView({ block: 'center', inline: 'center' });
  const box = el.getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}

function focus(root: ShadowRoot | null, selector: string): boolean {
  const el = root?.querySelector(selector) as HTMLElement | null | undefined;
  el?.focus();
  return !!el && root!.activeElement === el;
}

export function panelDriver(page: PlaywrightPage | PuppeteerPage): PanelDriver {
  const backend = isPlaywright(page) ? chromiumBackend(page) : firefoxBackend(page);
  const evaluate = <T, A>(fn: (root: ShadowRoot | null, arg: A) => T, arg: A) => backend.call(fn.toString(), arg) as Promise<T>;
  const poll = async <T>(what: string, probe: () => Promise<T | null>, timeout = 15_000): Promise<T> => {
    const until = Date.now() + timeout;
    for (;;) {
      // A navigation may replace the document under the probe: try again.
      const found = await probe().catch(() => null);
      if (found) return found;
      if (Date.now() > until) throw new Error(`panel: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return {
    evaluate,
    waitFor: (selector, timeout) => poll(selector, () => evaluate(describe, selector), timeout),
    async click(selector) {
      const at = await poll(selector, () => evaluate(centre, selector));
      await backend.click(at.x, at.y);
    },
    async type(selector, text) {
      await poll(selector, () => evaluate(focus, selector));
      for (const part of text.split(/(\{\w+\})/).filter(Boolean)) {
        if (/^\{\w+\}$/.test(part)) await backend.press(part.slice(1, -1));
        else await backend.typeText(part);
      }
    },
  };
}

// @dom-environment: happy-dom, modules transformed for Node (vitest.config.ts)
/**
 * The content script's page controller on a SPOT-like page in happy-dom, with a fake
 * background: what it sends on load, after an in-place re-render (only changed rows), after
 * its own badge changes (nothing), on a download click (read, stored, click not prevented),
 * and when the page does not name the employer (nothing stored until the user chooses).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readEbolXml } from '../../src/lib/ebolXml.ts';
import type { ContentContext, Messenger } from '../../src/content/context.ts';
import { startPageReading, type PageReading } from '../../src/content/pages/controller.ts';
import { PanelStore } from '../../src/content/panel/model.ts';
import { countsText } from '../../src/content/panel/Panel.tsx';
import { MARKER_ATTR } from '../../src/shared/pages/dom.ts';
import type { EbolCells } from '../../src/shared/pages/ebolList.ts';
import { dateMemo, readEbolRow } from '../../src/shared/pages/ebolRow.ts';
import { diagnosticsText } from '../../src/shared/pages/registry.ts';
import type { PageDiagnostics } from '../../src/shared/pages/types.ts';
import { ROOT } from '../companion/run.ts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../background/fakeBrowser.ts')).fakeBrowser }));

const FIXTURES = join(ROOT, 'test/fixtures/spot');

function show(file: string, edit: (html: string) => string = (h) => h): void {
  // Nothing to load here: no stylesheet, no script.
  const html = edit(readFileSync(join(FIXTURES, file), 'utf8')).replace(/<link\b[^>]*>|<script\b[^>]*><\/script>/g, '');
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`https://spot.gov.si/${file}`);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.title = parsed.title;
  document.head.replaceWith(document.importNode(parsed.head, true));
  document.body.replaceWith(document.importNode(parsed.body, true));
}

interface Call { name: string; payload: Record<string, unknown> }
let calls: Call[];
let reading: PageReading | null;
let store: PanelStore;
const fetched: string[] = [];

const fakeSend = ((name: string, payload: Record<string, unknown>) => {
  calls.push({ name, payload: structuredClone(payload) });
  switch (name) {
    case 'content:employers': return Promise.resolve({ employers: [], current: null });
    case 'content:setEmployer': return Promise.resolve({ employers: [{ taxNumber: payload.taxNumber, name: payload.name ?? payload.taxNumber }], current: payload.taxNumber });
    case 'content:listStoredNumbers': return Promise.resolve({ stored: [] });
    // What the background's handlers do (handlers/spot.ts).
    case 'content:diagnosticsText': {
      const { diagnostics, version, at } = payload as { diagnostics: PageDiagnostics; version: string; at: string };
      return Promise.resolve({ text: diagnosticsText(diagnostics, { version, at }) });
    }
    case 'content:readEbolRows': {
      const dates = dateMemo();
      return Promise.resolve({ rows: (payload.rows as EbolCells[]).map((cells) => readEbolRow(cells, dates)) });
    }
    case 'content:storeCertificates': {
      const numbers = (payload.certificates as Array<{ number: string; status: string }>);
      return Promise.resolve({
        added: numbers.filter((c) => c.status === 'issued').map((c) => c.number), updated: [],
        cancelled: numbers.filter((c) => c.status === 'cancelled').map((c) => c.number), unchanged: [],
      });
    }
    default: return Promise.reject(new Error(`unexpected ${name}`));
  }
}) as unknown as Messenger;

function start(): ContentContext {
  store = new PanelStore();
  const ctx: ContentContext = {
    doc: document, url: () => 'https://spot.gov.si/ebol-seznam.html', send: fakeSend, store,
    fetchFile: async (url) => {
      fetched.push(url);
      const name = url.split('/').pop()!;
      return { fileName: name, document: readEbolXml(readFileSync(join(FIXTURES, 'files', 'ebol-1000200002.xml'))) };
    },
    panelHost: null, version: 'test', debounceMs: 5,
  };
  reading = startPageReading(ctx);
  return ctx;
}

const stores = () => calls.filter((c) => c.name === 'content:storeCertificates');
const badges = () => [...document.querySelectorAll(`[${MARKER_ATTR}=stored]`)].map((b) => b.parentElement?.firstChild?.textContent);

beforeEach(() => {
  calls = [];
  fetched.length = 0;
});
afterEach(() => {
  reading?.stop();
  reading = null;
});

describe('the eBOL list in the page', () => {
  it('stores the rows on load under the employer of the page header and badges them', async () => {
    show('ebol-seznam.html');
    start();
    await vi.waitFor(() => expect(badges()).toEqual(['1000123456', '1000123457']));
    expect(stores()).toHaveLength(1);
    expect(stores()[0]!.payload).toMatchObject({ employerTax: '12345679', employerName: 'PRIMER d.o.o.', source: 'spot-page' });
    expect((stores()[0]!.payload.certificates as unknown[]).length).toBe(2);
    expect(store.get().counts).toEqual({ added: 2, updated: 0, cancelled: 0, unchanged: 0 });
  });

  it('after an in-place re-render sends only the rows that changed, and puts the badges back', async () => {
    show('ebol-seznam.html');
    start();
    await vi.waitFor(() => expect(badges()).toHaveLength(2));
    const body = document.querySelector('tbody')!;
    const copy = body.cloneNode(true) as HTMLElement;
    for (const badge of copy.querySelectorAll(`[${MARKER_ATTR}]`)) badge.remove();
    copy.querySelectorAll('tr')[1]!.children[7]!.textContent = 'Preklican';
    body.replaceWith(copy); // as SPOT's own script re-renders the table
    await vi.waitFor(() => expect(stores()).toHaveLength(2));
    const sent = stores()[1]!.payload.certificates as Array<{ number: string; status: string }>;
    expect(sent.map((c) => [c.number, c.status])).toEqual([['1000123457', 'cancelled']]);
    await vi.waitFor(() => expect(badges()).toEqual(['1000123456', '1000123457']));
    expect(store.get().counts).toEqual({ added: 2, updated: 0, cancelled: 1, unchanged: 0 });
    // Our own badges changed the DOM too, but that is no re-render: nothing more is sent.
    await reading!.rescan();
    expect(stores()).toHaveLength(2);
  });

  it('reads "Prenesi XML" after the click without preventing it', async () => {
    show('ebol-seznam.html');
    start();
    await vi.waitFor(() => expect(stores()).toHaveLength(1));
    const link = document.querySelector('a[href="/ebol/1000123457.xml"]')!;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    link.addEventListener('click', (e) => e.preventDefault()); // keep happy-dom from navigating
    let seenPrevented: boolean | null = null;
    document.addEventListener('click', (e) => { seenPrevented = e.defaultPrevented; }, { capture: true });
    link.dispatchEvent(click);
    expect(seenPrevented).toBe(false); // our capture listener ran first and left it alone
    await vi.waitFor(() => expect(stores()).toHaveLength(2));
    expect(fetched).toEqual([new URL('/ebol/1000123457.xml', document.baseURI).href]);
    expect(stores()[1]!.payload).toMatchObject({ source: 'spot-download', employerTax: '12345679' });
    await vi.waitFor(() => expect(store.get().downloads[0]).toMatchObject({ kind: 'certificates', numbers: ['1000200002'] }));
  });

  it('never reads a link that leaves SPOT', async () => {
    show('ebol-seznam.html', (h) => h.replace('href="/ebol/1000123457.xml"', 'href="https://example.org/1000123457.xml"'));
    start();
    await vi.waitFor(() => expect(stores()).toHaveLength(1));
    const link = document.querySelector('a[href^="https://example.org"]')!;
    link.addEventListener('click', (e) => e.preventDefault());
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    await new Promise((r) => setTimeout(r, 50));
    expect(fetched).toEqual([]);
    expect(store.get().downloads).toEqual([]);
  });

  it('stores nothing until the user chooses the employer when the page does not show it', async () => {
    show('ebol-seznam-stolpci.html');
    start();
    await vi.waitFor(() => expect(store.get().employerPrompt).toEqual({ employers: [], error: null }));
    expect(stores()).toHaveLength(0);
    expect(store.get().problems.map((p) => p.number)).toEqual(['1000300005', '1000300006', null]);
    reading!.actions.chooseEmployer('55512348', 'DRUGO d.o.o.');
    await vi.waitFor(() => expect(stores()).toHaveLength(1));
    expect(calls.find((c) => c.name === 'content:setEmployer')?.payload).toEqual({ taxNumber: '55512348', name: 'DRUGO d.o.o.' });
    expect(stores()[0]!.payload).toMatchObject({ employerTax: '55512348', employerName: null });
    expect(store.get()).toMatchObject({ employerPrompt: null, employer: { taxNumber: '55512348', fromPage: false } });
  });

  it('on a page whose labels changed shows diagnostics and sends nothing', async () => {
    show('ebol-seznam-spremenjen.html');
    start();
    await vi.waitFor(() => expect(store.get().diagnostics?.data.missingLabels).toEqual(['Številka potrdila', 'Razlog', 'Od', 'Do']));
    expect(store.get().diagnostics?.text).toContain('Najdene oznake stolpcev: »Identifikator dokumenta«');
    expect(store.get().diagnostics?.text).toMatch(/Različica: test\nČas: \d{4}-/);
    // Only the words asked for: nothing read into certificates, nothing stored.
    expect(calls.map((c) => c.name)).toEqual(['content:diagnosticsText']);
  });
});

describe('the counts the helper shows', () => {
  it('uses the Slovenian number forms, and English for English browsers', () => {
    const language = vi.spyOn(navigator, 'language', 'get').mockReturnValue('sl-SI');
    expect(countsText({ added: 12, updated: 3, cancelled: 1, unchanged: 0 })).toBe('Prebrana potrdila: 12 novih, 3 posodobljena, 1 preklicano.');
    expect(countsText({ added: 2, updated: 102, cancelled: 4, unchanged: 101 })).toBe('Prebrana potrdila: 2 novi, 102 posodobljeni, 4 preklicana, 101 že shranjeno.');
    expect(countsText({ added: 0, updated: 0, cancelled: 0, unchanged: 5 })).toBe('Prebrana potrdila: 5 že shranjenih.');
    language.mockReturnValue('en-GB');
    expect(countsText({ added: 12, updated: 1, cancelled: 1, unchanged: 0 })).toBe('Certificates read: 12 new, 1 updated, 1 cancelled.');
    language.mockRestore();
  });
});

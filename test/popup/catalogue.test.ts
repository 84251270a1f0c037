// @dom-environment: happy-dom, modules transformed for Node (vitest.config.ts)
// The popup's build bundles no catalogue in its first chunk (vite.config.ts prunes the copies, as
// here): it speaks the user's language through the browser's catalogue when that is the browser's
// language, and otherwise loads `_locales/<lang>/messages.json` once at start, as a chunk of its
// own (src/popup/catalogue.ts).
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, resetFakeBrowser } from '../background/fakeBrowser.ts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../background/fakeBrowser.ts')).fakeBrowser }));
vi.mock('../../public/_locales/sl/messages.json', () => ({ default: {} }));
vi.mock('../../public/_locales/en/messages.json', () => ({ default: {} }));

const LOCALES = new URL('../../public/_locales/', import.meta.url);
const localeFile = (lang: string) => readFileSync(new URL(`${lang}/messages.json`, LOCALES), 'utf8');

/** The browser's own catalogue: the real files (the bundled copies are mocked away above). */
function browserSpeaks(uiLanguage: string) {
  fakeBrowser.uiLanguage = uiLanguage;
  const catalogue = JSON.parse(localeFile(uiLanguage.startsWith('en') ? 'en' : 'sl')) as Record<string, { message: string }>;
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, subs: string[] = []) =>
    (catalogue[key]?.message ?? '').replace(/\$([1-9])/g, (_, d: string) => subs[Number(d) - 1] ?? ''));
}

afterEach(() => {
  vi.doUnmock('../../public/_locales/sl/messages.json?raw');
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.resetModules();
  resetFakeBrowser();
});

/** A fresh i18n (nothing handed over yet) and the popup's loader. */
async function fresh() {
  const i18n = await import('../../src/shared/i18n.ts');
  const { loadCatalogue } = await import('../../src/popup/catalogue.ts');
  return { ...i18n, loadCatalogue };
}

describe('the popup\'s strings without a bundled catalogue', () => {
  it('loads nothing when the browser speaks the user\'s language', async () => {
    vi.stubGlobal('navigator', { language: 'en-GB' });
    browserSpeaks('en-US');
    const { loadCatalogue, needsRuntimeCatalogue, t, useRuntimeCatalogue } = await fresh();
    expect(needsRuntimeCatalogue()).toBe(false);
    await loadCatalogue();
    expect(t('statusNone')).toBe('You have not opened SPOT yet.');
    // Nothing was handed over: a string handed over now would answer first.
    useRuntimeCatalogue('en', { statusNone: 'handed over' });
    expect(t('statusNone')).toBe('handed over');
  });

  it('a Slovenian clerk in an English browser: the Slovenian file is loaded before anything is drawn', async () => {
    vi.stubGlobal('navigator', { language: 'sl-SI' });
    browserSpeaks('en-US');
    const { loadCatalogue, needsRuntimeCatalogue, t } = await fresh();
    expect(needsRuntimeCatalogue()).toBe(true);
    expect(t('statusNone')).toBe('You have not opened SPOT yet.'); // what would show without it
    await loadCatalogue();
    expect(needsRuntimeCatalogue()).toBe(false);
    expect(t('statusNone')).toBe('Še niste odprli SPOT.');
    expect(t('statusLastPage', 'Moj SPOT')).toBe('Zadnja stran SPOT: Moj SPOT');
  });

  it('an English user in a Slovenian browser gets English', async () => {
    vi.stubGlobal('navigator', { language: 'en-US' });
    browserSpeaks('sl');
    const { loadCatalogue, t } = await fresh();
    await loadCatalogue();
    expect(t('statusNone')).toBe('You have not opened SPOT yet.');
  });

  it('when the file cannot be loaded, the browser\'s own catalogue answers (in its language)', async () => {
    vi.stubGlobal('navigator', { language: 'sl-SI' });
    browserSpeaks('en-US');
    vi.doMock('../../public/_locales/sl/messages.json?raw', () => { throw new TypeError('Failed to fetch dynamically imported module'); });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { loadCatalogue, t } = await fresh();
    await expect(loadCatalogue()).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalledTimes(1);
    expect(t('statusNone')).toBe('You have not opened SPOT yet.');
  });

  it('keeps only the strings of a messages.json (descriptions and stray entries left out)', async () => {
    const { localeFileEntries } = await fresh();
    expect(localeFileEntries({ a: { message: 'A', description: 'x' }, b: { description: 'no message' }, c: 'text', d: null })).toEqual({ a: 'A' });
    expect(localeFileEntries(null)).toEqual({});
  });
});

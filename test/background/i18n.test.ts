import { afterEach, describe, expect, it, vi } from 'vitest';
import sl from '../../public/_locales/sl/messages.json';
import en from '../../public/_locales/en/messages.json';
import { describeError, format, formatTimestamp, needsRuntimeCatalogue, t, userLanguage } from '../../src/shared/i18n.ts';
import { MessageError } from '../../src/shared/messages.ts';
import { fakeBrowser, resetFakeBrowser } from './fakeBrowser.ts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fakeBrowser.ts')).fakeBrowser }));

afterEach(() => {
  vi.unstubAllGlobals();
  resetFakeBrowser();
});

describe('_locales', () => {
  it('has the same keys in sl and en, each with a message', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sl).sort());
    for (const catalogue of [sl, en]) {
      for (const [key, entry] of Object.entries(catalogue)) {
        expect(entry.message, key).not.toBe('');
        expect(key).toMatch(/^[A-Za-z0-9_@]+$/); // what browsers accept as a message name
      }
    }
  });
});

describe('t()', () => {
  it('speaks Slovenian unless navigator.language starts with en', () => {
    expect(userLanguage('sl-SI')).toBe('sl');
    expect(userLanguage('de-AT')).toBe('sl');
    expect(userLanguage('')).toBe('sl');
    expect(userLanguage('en-GB')).toBe('en');
  });

  it('uses getMessage when the browser UI speaks the wanted language', () => {
    vi.stubGlobal('navigator', { language: 'en-US' });
    fakeBrowser.uiLanguage = 'en-US';
    const spy = vi.spyOn(fakeBrowser.i18n, 'getMessage');
    expect(t('statusLastPage', 'Moj SPOT')).toBe('Last SPOT page: Moj SPOT');
    expect(spy).toHaveBeenCalledWith('statusLastPage', ['Moj SPOT']);
  });

  it('uses the bundled catalogue when the UI language differs (Slovenian user, English browser)', () => {
    vi.stubGlobal('navigator', { language: 'sl-SI' });
    fakeBrowser.uiLanguage = 'en-US';
    expect(t('statusNone')).toBe('Še niste odprli SPOT.');
    expect(t('statusLastPage', 'Moj SPOT')).toBe('Zadnja stran SPOT: Moj SPOT');
  });

  it('needs no catalogue handed over where the catalogues are bundled (the background)', () => {
    fakeBrowser.uiLanguage = 'en-US';
    expect(needsRuntimeCatalogue('sl')).toBe(false);
    expect(needsRuntimeCatalogue('en')).toBe(false);
  });

  it('formats like getMessage: $1…$9 and $$', () => {
    expect(format('$1 in $2 = $$3', ['a', 'b'])).toBe('a in b = $3');
  });

  it('describes errors in the user language by their code', () => {
    vi.stubGlobal('navigator', { language: 'en' });
    fakeBrowser.uiLanguage = 'sl';
    expect(describeError(new MessageError('UNREACHABLE'))).toBe("The extension's background cannot be reached");
    expect(describeError(new Error('x'))).toBe('Handling the message failed');
  });

  it('shows times in Ljubljana time', () => {
    expect(formatTimestamp('2025-03-30T00:30:00.000Z', 'sl')).toContain('1:30');
    expect(formatTimestamp('2025-03-30T01:30:00.000Z', 'sl')).toContain('3:30'); // after the DST switch
    expect(formatTimestamp('not a date', 'sl')).toBe('not a date');
  });
});

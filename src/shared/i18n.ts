/**
 * User-visible strings, from `public/_locales/{sl,en}/messages.json` (the single source).
 *
 * The language follows `navigator.language`: English when it starts with `en`, Slovenian
 * otherwise (the users are Slovenian payroll clerks). `browser.i18n.getMessage` can only answer
 * in the browser's UI language, so it is used when that is the language wanted; otherwise the
 * same catalogue answers, bundled at build time (the background) or handed over at run time
 * (`useRuntimeCatalogue`: the content script gets its strings from the background, the popup
 * reads `_locales` when it starts — their builds bundle no catalogue, issue 8).
 * Substitutions are positional (`$1`…`$9`).
 */
import browser from 'webextension-polyfill';
import sl from '../../public/_locales/sl/messages.json';
import en from '../../public/_locales/en/messages.json';
import { MessageError, type ErrorCode } from './messages.ts';

export type Lang = 'sl' | 'en';
export type MessageKey = keyof typeof sl;
type Catalogue = Partial<Record<string, { message: string }>>;

const catalogues: Record<Lang, Catalogue> = { sl, en };

/** Strings handed over at run time (the content script's, from the background: protocol/catalogue.ts). */
let runtime: { lang: Lang; entries: Readonly<Record<string, string>> } | null = null;

export function useRuntimeCatalogue(lang: Lang, entries: Readonly<Record<string, string>>): void {
  runtime = { lang, entries };
}

/** The messages of one language whose keys start with one of `prefixes` (for the content script). */
export function catalogueEntries(lang: Lang, prefixes: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(catalogues[lang])) {
    if (entry && prefixes.some((p) => key.startsWith(p))) out[key] = entry.message;
  }
  return out;
}

/**
 * Whether `t()` needs a catalogue handed over (`useRuntimeCatalogue`) to speak `lang`: none is
 * yet, the browser's own catalogue speaks another language, and none is bundled (the popup's
 * and the content script's builds leave the copies out).
 */
export function needsRuntimeCatalogue(lang: Lang = userLanguage()): boolean {
  if (runtime?.lang === lang) return false;
  if (primaryLanguage(browser.i18n.getUILanguage()) === lang) return false;
  return catalogues[lang].extName === undefined;
}

/** The strings of a `_locales/<lang>/messages.json` file (descriptions and non-entries left out). */
export function localeFileEntries(json: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof json !== 'object' || json === null) return out;
  for (const [key, entry] of Object.entries(json as Record<string, unknown>)) {
    const message = (entry as { message?: unknown } | null)?.message;
    if (typeof message === 'string') out[key] = message;
  }
  return out;
}

export function userLanguage(navigatorLanguage: string = globalThis.navigator?.language ?? ''): Lang {
  return navigatorLanguage.toLowerCase().startsWith('en') ? 'en' : 'sl';
}

function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}

/** Fills `$1`…`$9` like `getMessage` does; `$$` is a literal `$`. */
export function format(text: string, substitutions: readonly string[]): string {
  return text.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (substitutions[Number(d) - 1] ?? '')));
}

export function t(key: MessageKey, ...substitutions: string[]): string {
  const lang = userLanguage();
  const handed = runtime?.lang === lang ? runtime.entries[key] : undefined;
  if (handed !== undefined) return format(handed, substitutions);
  if (primaryLanguage(browser.i18n.getUILanguage()) === lang) {
    const native = browser.i18n.getMessage(key, substitutions);
    if (native) return native;
  }
  const bundled = catalogues[lang][key]?.message ?? catalogues.sl[key]?.message;
  if (bundled !== undefined) return format(bundled, substitutions);
  // The content script bundles no catalogue (its size budget): the browser's own answers,
  // in the browser's language.
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** A timestamp as the user reads it: local time in Ljubljana, e.g. `21. 11. 2025, 14:03`. */
export function formatTimestamp(iso: string, lang: Lang = userLanguage()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(lang === 'en' ? 'en-GB' : 'sl-SI', {
    timeZone: 'Europe/Ljubljana',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/** An error as the user reads it, in their language (the code picks the words). */
export function describeError(error: unknown): string {
  const code = error instanceof MessageError ? error.code : 'HANDLER_FAILED';
  // Type-checked: every ErrorCode needs an `error_<CODE>` entry in the catalogue.
  const key: `error_${ErrorCode}` & MessageKey = `error_${code}`;
  return t(key);
}

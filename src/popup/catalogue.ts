/**
 * The popup bundles no catalogue in what it loads first (issue 8: what it parses before the
 * first view). When the browser's own catalogue speaks another language than the user's (a
 * Slovenian clerk in a Firefox whose interface is English), the user's
 * `_locales/<lang>/messages.json` — the file the browser itself reads, as a chunk of its own
 * that only this case loads — is read once at start, before anything is drawn, so no text shows
 * in the other language first.
 */
import { localeFileEntries, needsRuntimeCatalogue, useRuntimeCatalogue, userLanguage, type Lang } from '../shared/i18n.ts';

const CATALOGUES: Record<Lang, () => Promise<{ default: string }>> = {
  sl: () => import('../../public/_locales/sl/messages.json?raw'),
  en: () => import('../../public/_locales/en/messages.json?raw'),
};

/** Never fails: without the file, `t()` answers from the browser's catalogue. */
export async function loadCatalogue(): Promise<void> {
  const lang = userLanguage();
  if (!needsRuntimeCatalogue(lang)) return;
  try {
    const { default: text } = await CATALOGUES[lang]();
    useRuntimeCatalogue(lang, localeFileEntries(JSON.parse(text)));
  } catch (error) {
    console.error('[spot-pomocnik] reading the catalogue failed', error);
  }
}

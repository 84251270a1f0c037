// Which user-visible strings each bundle carries. The browser's own catalogue
// (dist/*/_locales) keeps everything; the background carries a copy for when the user's
// language differs from the browser's (src/shared/i18n.ts). The content script, loaded on every
// SPOT page, and the popup carry none (issue 8: size, start-up time): the content script gets
// its strings from the background, the popup reads dist/*/_locales (src/popup/catalogue.ts).
export const CONTENT_KEY_PREFIXES = [];

/** The catalogue without descriptions (translator notes), and only the keys `keep` accepts. */
export function pruneCatalogue(json, keep = () => true) {
  const out = {};
  for (const [key, entry] of Object.entries(JSON.parse(json))) {
    if (keep(key)) out[key] = { message: entry.message };
  }
  return JSON.stringify(out);
}

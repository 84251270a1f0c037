/**
 * The content script's strings in the user's language. It bundles no catalogue (issue 8: the
 * size of what SPOT loads on every page), and the browser's own catalogue answers only in the
 * browser's interface language, which may differ from the language the user reads (i18n.ts).
 */
import type { Lang } from '../i18n.ts';

/** Key prefixes of the strings the content script shows. */
export const CONTENT_STRING_PREFIXES = ['panel', 'prefill_', 'a1_', 'error_', 'label', 'ext', 'status'] as const;

declare module '../messages.ts' {
  interface Protocol {
    'content:catalogue': { request: { lang: Lang }; response: Record<string, string> };
    /**
     * The in-page helper's stylesheet (src/content/panel/panel.css) and the row badge's
     * (src/content/badge.css), kept out of the content script like its strings.
     */
    'content:panelStyle': { request: Record<string, never>; response: { css: string; badgeCss: string } };
  }
}

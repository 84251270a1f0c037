/**
 * `content:catalogue`: the content script's strings in the language it asks for; `content:panelStyle`:
 * the in-page helper's and the row badge's stylesheets (protocol/catalogue.ts). Both constant, both kept out of what
 * SPOT loads on every page (issue 8).
 */
import badgeCss from '../../content/badge.css?inline';
import panelCss from '../../content/panel/panel.css?inline';
import { catalogueEntries } from '../../shared/i18n.ts';
import { CONTENT_STRING_PREFIXES } from '../../shared/protocol/catalogue.ts';
import { defineHandlers } from '../registry.ts';
import { empty, literal, object } from '../validate.ts';

export function catalogueHandlers() {
  return defineHandlers({
    'content:catalogue': {
      validate: object({ lang: literal('sl', 'en') }),
      handle: ({ lang }) => catalogueEntries(lang, CONTENT_STRING_PREFIXES),
    },
    'content:panelStyle': {
      validate: empty(),
      handle: () => ({ css: panelCss, badgeCss }),
    },
  });
}

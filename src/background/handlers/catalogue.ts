/** `content:catalogue`: the content script's strings in the language it asks for (protocol/catalogue.ts). */
import { catalogueEntries } from '../../shared/i18n.ts';
import { CONTENT_STRING_PREFIXES } from '../../shared/protocol/catalogue.ts';
import { defineHandlers } from '../registry.ts';
import { literal, object } from '../validate.ts';

export function catalogueHandlers() {
  return defineHandlers({
    'content:catalogue': {
      validate: object({ lang: literal('sl', 'en') }),
      handle: ({ lang }) => catalogueEntries(lang, CONTENT_STRING_PREFIXES),
    },
  });
}

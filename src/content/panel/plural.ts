/**
 * Counted words in the user's language: Slovenian has four number forms (1 novo, 2 novi,
 * 3 nova, 5 novih — by the last two digits), English two. The catalogue has one key per form:
 * `<base>_one`, `_two`, `_few`, `_other`.
 */
import { t, userLanguage, type MessageKey } from '../../shared/i18n.ts';

type Form = 'one' | 'two' | 'few' | 'other';

const rules = new Map<string, Intl.PluralRules>();

export function pluralForm(n: number, lang: 'sl' | 'en' = userLanguage()): Form {
  let r = rules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(lang === 'en' ? 'en' : 'sl');
    rules.set(lang, r);
  }
  const form = r.select(n);
  return form === 'one' || form === 'two' || form === 'few' ? form : 'other';
}

export type CountedBase = 'panel_count_added' | 'panel_count_updated' | 'panel_count_cancelled' | 'panel_count_unchanged';

/** e.g. `counted('panel_count_added', 3)` → "3 nova" (sl) / "3 new" (en). */
export function counted(base: CountedBase, n: number): string {
  const key = `${base}_${pluralForm(n)}` as MessageKey;
  return t(key, String(n));
}

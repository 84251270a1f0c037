import { Dec } from './money.ts';

export type Lang = 'sl' | 'en';

/**
 * A number as a clerk writes it: `1.234,56` in Slovenian, `1,234.56` in English. Exact:
 * formatted from the decimal text, never through float arithmetic.
 */
export function formatNumber(value: Dec | number, places: number | null, lang: Lang): string {
  const d = Dec.from(value);
  const text = places === null ? d.toString() : d.toFixed(places);
  const neg = text.startsWith('-');
  const [int = '0', frac] = (neg ? text.slice(1) : text).split('.');
  const group = lang === 'sl' ? '.' : ',';
  const point = lang === 'sl' ? ',' : '.';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${neg ? '−' : ''}${grouped}${frac ? point + frac : ''}`;
}

export const eur = (value: Dec | number, lang: Lang): string => `${formatNumber(value, 2, lang)} €`;

/** `2025-03-14` → `14. 3. 2025` (sl) or `14 Mar 2025`-free ISO for English clerks: `2025-03-14`. */
export function formatDate(iso: string, lang: Lang): string {
  if (lang === 'en') return iso;
  const [y, m, d] = iso.split('-');
  return `${Number(d)}. ${Number(m)}. ${y}`;
}

import { Dec } from './money.ts';

export type Lang = 'sl' | 'en';

/**
 * A number as a clerk writes it: `1.234,56` in Slovenian, `1,234.56` in English. Exact:
 * formatted from the decimal text, never through float arithmetic.
 */
export function formatNumber(value: Dec | number, places: number | null, lang: Lang): string {
  // A JS number already exact at `places` decimals (money values are) needs no decimal arithmetic.
  let text: string;
  if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 1e12 && (value === 0 || Math.abs(value) >= 1e-6)) {
    // JS prints a number in its shortest exact decimal form; `toFixed` is exact when the
    // number already has at most `places` decimals (money values do).
    const scale = places === null ? 0 : 10 ** places;
    text = places === null ? String(value)
      : places <= 6 && Math.round(value * scale) / scale === value ? value.toFixed(places) : Dec.from(value).toFixed(places);
  } else {
    text = places === null ? Dec.from(value).toString() : Dec.from(value).toFixed(places);
  }
  const neg = text.charCodeAt(0) === 45;
  const body = neg ? text.slice(1) : text;
  const dot = body.indexOf('.');
  const int = dot < 0 ? body : body.slice(0, dot);
  const frac = dot < 0 ? '' : body.slice(dot + 1);
  const group = lang === 'sl' ? '.' : ',';
  let grouped = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) grouped += group;
    grouped += int[i];
  }
  return `${neg ? '−' : ''}${grouped}${frac ? (lang === 'sl' ? ',' : '.') + frac : ''}`;
}

export const eur = (value: Dec | number, lang: Lang): string => `${formatNumber(value, 2, lang)} €`;

/** `2025-03-14` → `14. 3. 2025` (sl) or `14 Mar 2025`-free ISO for English clerks: `2025-03-14`. */
export function formatDate(iso: string, lang: Lang): string {
  if (lang === 'en') return iso;
  const [y, m, d] = iso.split('-');
  return `${Number(d)}. ${Number(m)}. ${y}`;
}

import type { Dec } from './money.ts';

export type Lang = 'sl' | 'en';

/**
 * A number as a clerk writes it: `1.234,56` in Slovenian, `1,234.56` in English. Exact:
 * formatted from the decimal text, never through float arithmetic.
 */
export function formatNumber(value: Dec | number, places: number | null, lang: Lang): string {
  // A Dec formats itself; a JS number is formatted from its shortest decimal text (what
  // `String` prints), rounded as text — no float arithmetic, and no decimal library needed in
  // the content script, which formats only numbers (issue 8: its size budget).
  const text = typeof value === 'object'
    ? (places === null ? value.toString() : value.toFixed(places))
    : places === null ? plainDecimal(value)
      // A number already exact at `places` decimals (money values are): `toFixed` prints it exactly.
      : places <= 6 && Math.abs(value) < 1e12 && Math.round(value * 10 ** places) / 10 ** places === value ? value.toFixed(places)
        : roundDecimalText(plainDecimal(value), places);
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

/** The shortest decimal text of a number, without exponent (`1e-7` → `0.0000001`). */
function plainDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Ni končno število: ${value}`);
  const text = String(value);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const digits = `${m[2]}${m[3] ?? ''}`;
  const point = m[2]!.length + Number(m[4]);
  const body = point <= 0 ? `0.${'0'.repeat(-point)}${digits}` : point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return `${m[1]}${body}`;
}

/** Rounds decimal text half away from zero to `places` decimals, digit by digit. */
export function roundDecimalText(text: string, places: number): string {
  const neg = text.startsWith('-');
  const [int = '0', frac = ''] = (neg ? text.slice(1) : text).split('.');
  const kept = (frac + '0'.repeat(places)).slice(0, places);
  let digits = `${int}${kept}`;
  if ((frac[places] ?? '0') >= '5') {
    const out = digits.split('');
    let i = out.length - 1;
    for (; i >= 0; i--) {
      if (out[i] === '9') out[i] = '0';
      else { out[i] = String(Number(out[i]) + 1); break; }
    }
    digits = (i < 0 ? '1' : '') + out.join('');
  }
  const intPart = digits.slice(0, digits.length - places).replace(/^0+(?=\d)/, '') || '0';
  const body = places > 0 ? `${intPart}.${digits.slice(digits.length - places)}` : intPart;
  return neg && /[1-9]/.test(body) ? `-${body}` : body;
}

export const eur = (value: Dec | number, lang: Lang): string => `${formatNumber(value, 2, lang)} €`;

/** `2025-03-14` → `14. 3. 2025` (sl) or `14 Mar 2025`-free ISO for English clerks: `2025-03-14`. */
export function formatDate(iso: string, lang: Lang): string {
  if (lang === 'en') return iso;
  const [y, m, d] = iso.split('-');
  return `${Number(d)}. ${Number(m)}. ${y}`;
}

import { daysInMonth } from './dates.ts';

/**
 * Slovenian identifiers: EMŠO (personal id), davčna številka (tax number), ZZZS number.
 * Each validator says why a value is wrong, in Slovenian, without repeating the value
 * (it is personal data and messages may end up in logs).
 */
export type IdCheck = { ok: true } | { ok: false; message: string };

const OK: IdCheck = { ok: true };

function digitsOf(s: string): string {
  return s.replace(/[\s\u00a0]/g, '');
}

function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * (weights[i] ?? 0);
  return sum;
}

const EMSO_WEIGHTS = [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/**
 * EMŠO = DDMMLLL RR ZZZ K (13 digits). Source: Uredba o načinu določanja osebne
 * identifikacijske številke (Uradni list RS, 8/1999), art. 3–4, and sl.wikipedia "Enotna
 * matična številka občana": the first 12 digits weighted 7,6,5,4,3,2,7,6,5,4,3,2;
 * K = 11 − (sum mod 11); 11 → 0; 10 is never assigned, so such a number is invalid.
 * The date part must be a real date (LLL = last three digits of the year: 9xx → 19xx,
 * 0xx → 20xx).
 */
export function validateEmso(input: string): IdCheck {
  const s = digitsOf(input);
  if (!/^\d{13}$/.test(s)) {
    return { ok: false, message: `EMŠO mora imeti 13 števk, najdeno ${s.length} znakov${/\D/.test(s) ? ' (tudi ne-števke)' : ''}.` };
  }
  const day = Number(s.slice(0, 2));
  const month = Number(s.slice(2, 4));
  const yyy = Number(s.slice(4, 7));
  const year = yyy >= 800 ? 1000 + yyy : 2000 + yyy;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, message: 'Prvih 7 števk EMŠO ni veljaven datum rojstva (DDMMLLL).' };
  }
  const rest = 11 - (weightedSum(s, EMSO_WEIGHTS) % 11);
  if (rest === 10) return { ok: false, message: 'EMŠO ni veljaven: s temi prvimi 12 števkami ne obstaja kontrolna števka.' };
  const check = rest === 11 ? 0 : rest;
  if (Number(s[12]) !== check) {
    return { ok: false, message: `Kontrolna števka EMŠO ni pravilna (pričakovana ${check}, najdena ${s[12]}).` };
  }
  return OK;
}

const TAX_WEIGHTS = [8, 7, 6, 5, 4, 3, 2] as const;

/**
 * Davčna številka: 8 digits, the first not 0 (an optional `SI` prefix of the VAT id is
 * accepted). The first 7 digits weighted 8,7,6,5,4,3,2; K = 11 − (sum mod 11); 10 → 0;
 * 11 is never assigned, so invalid. Sources: the published algorithm as implemented by
 * python-stdnum (`si/ddv`) and jsvat (`slovenia`), cross-checked on the public VAT ids
 * SI14313260 and SI95985352 (see test/lib/identifiers.test.ts).
 */
export function validateTaxNumber(input: string): IdCheck {
  const s = digitsOf(input).replace(/^SI/i, '');
  if (!/^\d{8}$/.test(s)) {
    return { ok: false, message: `Davčna številka mora imeti 8 števk, najdeno ${s.length} znakov${/\D/.test(s) ? ' (tudi ne-števke)' : ''}.` };
  }
  if (s[0] === '0') return { ok: false, message: 'Davčna številka se ne more začeti z 0.' };
  const rest = 11 - (weightedSum(s, TAX_WEIGHTS) % 11);
  if (rest === 11) return { ok: false, message: 'Davčna številka ni veljavna: s temi prvimi 7 števkami ne obstaja kontrolna števka.' };
  const check = rest === 10 ? 0 : rest;
  if (Number(s[7]) !== check) {
    return { ok: false, message: `Kontrolna števka davčne številke ni pravilna (pričakovana ${check}, najdena ${s[7]}).` };
  }
  return OK;
}

/** ZZZS številka zavarovane osebe: 9 digits. No check digit is published, so only the form is checked. */
export function validateZzzsNumber(input: string): IdCheck {
  const s = digitsOf(input);
  if (!/^\d{9}$/.test(s)) {
    return { ok: false, message: `Številka ZZZS mora imeti 9 števk, najdeno ${s.length} znakov${/\D/.test(s) ? ' (tudi ne-števke)' : ''}.` };
  }
  return OK;
}

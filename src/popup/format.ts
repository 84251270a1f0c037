/** How the popup shows numbers, dates and errors, in the user's language (sl default, en). */
import { formatDate, formatNumber } from '../lib/format.ts';
import { isReadError } from '../lib/errors.ts';
import { describeError, userLanguage } from '../shared/i18n.ts';
import { MessageError } from '../shared/messages.ts';

export const DASH = '—';

/** The user's language's side of a text the engine gives in both (warnings, trace steps, invoice lines). */
export function inUserLanguage(x: { sl: string; en: string }): string {
  return userLanguage() === 'en' ? x.en : x.sl;
}

export function showDate(iso: string | null | undefined): string {
  return iso ? formatDate(iso, userLanguage()) : DASH;
}

/** Money with 2 decimals, as a clerk writes it (`1.234,56` / `1,234.56`), no currency sign. */
export function showMoney(value: number | null | undefined): string {
  return value === null || value === undefined ? DASH : formatNumber(value, 2, userLanguage());
}

/** A number with as many decimals as it has. */
export function showNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? DASH : formatNumber(value, null, userLanguage());
}

/** A period `from – to`. */
export function showPeriod(from: string | null | undefined, to: string | null | undefined): string {
  return `${showDate(from)} – ${showDate(to)}`;
}

/**
 * What went wrong, for the user: a reader's or the background's own Slovenian message when it
 * says what was expected and found (bad file, bad input, not found), else the localised text of
 * the error code.
 */
export function errorMessage(error: unknown): string {
  if (isReadError(error)) return error.message;
  if (error instanceof MessageError && (error.code === 'INVALID_PAYLOAD' || error.code === 'NOT_FOUND')) return error.message;
  return describeError(error);
}

/** Parses a decimal the user typed (`1.234,56`, `1234.56`, `1 234,56`); blank → null; NaN when not a number. */
export function parseUserNumber(text: string): number | null {
  const t = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (t === '') return null;
  const normalised = /,\d+$/.test(t) ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
}

/** A stored number as the user edits it: no grouping, the decimal comma in Slovenian; blank for none. */
export function formatNumberInput(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return userLanguage() === 'sl' ? String(value).replace('.', ',') : String(value);
}

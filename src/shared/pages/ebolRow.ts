/**
 * One row of the eBOL list, from its cell texts to a certificate: codes, dates, numbers and
 * identifiers checked, every problem worded. Pure (no DOM): the companion and the tests run it
 * right after the page reader (`readEbolList`); for the content script the background runs it
 * (`content:readEbolRows`), so the parsers and check digits stay out of what SPOT loads on
 * every page (issue 8).
 *
 * A list has thousands of rows whose kinds, reasons, statuses and dates repeat: each distinct
 * text is read once per list (`dateMemo`), and a row runs no closure of its own.
 */
import {
  type Certificate, type CertificateKind, type CertificateStatus, kindFromNumber, normaliseReason, normaliseStatus, validateCertificate,
} from '../../lib/certificates.ts';
import { ReadError, excerpt } from '../../lib/errors.ts';
import { parseDate } from '../../lib/parse/date.ts';
import { parseDecimal } from '../../lib/parse/number.ts';
import { foldLabel } from '../../lib/text/fold.ts';
import type { EbolCells } from './ebolList.ts';

/** A row read: the certificate, or why it cannot be one (with its number when that could be read). */
export type EbolRowRead = { certificate: Certificate } | { problem: string; number: string | null };

type DateRead = { date: string | null } | { error: string };

/**
 * Texts read in one list: dates by column (the date, or the reader's message), and the kind,
 * reason and status cells (`false`: a kind text naming neither kind).
 */
export type DateMemo = Record<'from' | 'to' | 'issuedOn', Map<string, DateRead>> & {
  kind: Map<string, CertificateKind | false | null>;
  reason: Map<string, string | null>;
  status: Map<string, CertificateStatus | null>;
};

/** Dates, kinds, reasons and statuses repeat down a long list: each text is read once per list. */
export const dateMemo = (): DateMemo => ({
  from: new Map(), to: new Map(), issuedOn: new Map(), kind: new Map(), reason: new Map(), status: new Map(),
});

const NOT_PARTIAL = new Set(['', 'ne', 'no', 'brez', 'polna', 'polni']);
const DIGITS = /^\d{1,20}$/;
const SPACES = /[\s\u00a0]/g;

/** The certificate in one row's cell texts, or the row's problems (Slovenian sentences). */
export function readEbolRow(cells: EbolCells, dates: DateMemo = dateMemo()): EbolRowRead {
  const problems: string[] = [];
  const rawNumber = cells.number ?? '';
  // Most numbers are digits already: no new string for them.
  const plain = DIGITS.test(rawNumber);
  const number = plain ? rawNumber : rawNumber.replace(SPACES, '');
  const numberOk = plain || DIGITS.test(number);
  if (!numberOk) problems.push(rawNumber === '' ? 'Številka potrdila manjka.' : `Številka potrdila »${excerpt(rawNumber)}« ni iz števk.`);

  let kind: CertificateKind | null = numberOk ? kindFromNumber(number) : null;
  if (cells.kind !== undefined) {
    const k = kindOf(cells.kind, dates.kind);
    if (k === false) problems.push(`Neznana vrsta potrdila »${excerpt(cells.kind)}« (pričakovano eBOL ali ePODK).`);
    else if (k !== null) kind = k;
  }

  const full = cells.name ?? '';
  const last = cells.lastName ?? '', first = cells.firstName ?? '';
  const name = full !== '' ? full : last !== '' && first !== '' ? `${last} ${first}` : last !== '' ? last : first !== '' ? first : null;

  const reasonText = cells.reason ?? '';
  let reason = dates.reason.get(reasonText);
  if (reason === undefined) dates.reason.set(reasonText, reason = normaliseReason(reasonText));
  if (!reason) problems.push(reasonText === '' ? 'Razlog zadržanosti manjka.' : `Razlog »${excerpt(reasonText)}« nima šifre (pričakovano npr. »01« ali »01 - bolezen«).`);

  const from = dateIn(cells.from ?? '', dates.from, 'Zadržan od', true, problems);
  const to = dateIn(cells.to ?? '', dates.to, 'Zadržan do', true, problems);
  const issuedOn = dateIn(cells.issuedOn ?? '', dates.issuedOn, 'Datum izdaje', false, problems);

  let hoursPerDay: number | null = null;
  const hoursText = cells.hoursPerDay ?? '';
  if (hoursText !== '' && !NOT_PARTIAL.has(foldLabel(hoursText))) {
    try {
      const stripped = hoursText.replace(/\s*(?:ur[ae]?|h)?\s*(?:\/\s*dan|na\s+dan)?\.?\s*$/i, '').trim();
      const n = parseDecimal(stripped, { label: 'Delna zadržanost (ur/dan)' });
      hoursPerDay = n === null || n === 0 ? null : n;
    } catch (e) {
      if (e instanceof ReadError) problems.push(e.message);
      else throw e;
    }
  }

  const statusText = cells.status ?? '';
  let status = dates.status.get(statusText);
  if (status === undefined) dates.status.set(statusText, status = normaliseStatus(statusText));
  if (!status) problems.push(statusText === '' ? 'Status potrdila manjka.' : `Neznan status »${excerpt(statusText)}« (pričakovano Izdan/Veljaven ali Preklican/Storniran).`);

  if (problems.length > 0 || !kind || !reason || !from || !to || !status) {
    return { problem: problems.join(' '), number: numberOk ? number : null };
  }
  const certificate: Certificate = {
    number, kind,
    worker: { name: name ? name.slice(0, 200) : null, zzzsNumber: digitsOrNull(cells.zzzsNumber), emso: digitsOrNull(cells.emso) },
    reason, from, to, hoursPerDay, status, issuedOn,
  };
  const invalid = validateCertificate(certificate);
  if (invalid.length > 0) return { problem: invalid.join(' '), number };
  return { certificate };
}

/** The kind a *Vrsta* text names; null for an empty text, false for one naming neither kind. */
function kindOf(text: string, memo: DateMemo['kind']): CertificateKind | false | null {
  let known = memo.get(text);
  if (known === undefined) {
    const k = foldLabel(text).replace(/ /g, '');
    known = k.includes('epodk') || k === 'podk' ? 'ePODK' : k.includes('ebol') || k === 'bol' ? 'eBOL' : k !== '' ? false : null;
    memo.set(text, known);
  }
  return known;
}

/** The date in a cell (null when empty), its problem added to `problems`; each text parsed once per list. */
function dateIn(raw: string, memo: Map<string, DateRead>, label: string, required: boolean, problems: string[]): string | null {
  let known = memo.get(raw);
  if (known === undefined) {
    try {
      known = { date: parseDate(raw, { label }) };
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      known = { error: e.message };
    }
    memo.set(raw, known);
  }
  if ('error' in known) {
    problems.push(known.error);
    return null;
  }
  if (known.date === null && required) problems.push(`Datum »${label}« manjka.`);
  return known.date;
}

function digitsOrNull(s: string | undefined): string | null {
  if (s === undefined || s === '') return null;
  const d = DIGITS.test(s) ? s : s.replace(SPACES, '');
  return d === '' ? null : d;
}

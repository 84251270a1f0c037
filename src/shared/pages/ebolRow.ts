/**
 * One row of the eBOL list, from its cell texts to a certificate: codes, dates, numbers and
 * identifiers checked, every problem worded. Pure (no DOM): the companion and the tests run it
 * right after the page reader (`readEbolList`); for the content script the background runs it
 * (`content:readEbolRows`), so the parsers and check digits stay out of what SPOT loads on
 * every page (issue 8).
 */
import {
  type Certificate, type CertificateKind, kindFromNumber, normaliseReason, normaliseStatus, validateCertificate,
} from '../../lib/certificates.ts';
import { ReadError, excerpt } from '../../lib/errors.ts';
import { parseDate } from '../../lib/parse/date.ts';
import { parseDecimal } from '../../lib/parse/number.ts';
import { foldLabel } from '../../lib/text/fold.ts';
import type { EbolCells, EbolField } from './ebolList.ts';

/** A row read: the certificate, or why it cannot be one (with its number when that could be read). */
export type EbolRowRead = { certificate: Certificate } | { problem: string; number: string | null };

/** Dates read in one list, by column and text: the date, or the reader's message. */
export type DateMemo = Record<'from' | 'to' | 'issuedOn', Map<string, { date: string | null } | { error: string }>>;

/** Dates repeat down a long list: each text is parsed (and checked) once per read. */
export const dateMemo = (): DateMemo => ({ from: new Map(), to: new Map(), issuedOn: new Map() });

const NOT_PARTIAL = new Set(['', 'ne', 'no', 'brez', 'polna', 'polni']);

/** The certificate in one row's cell texts, or the row's problems (Slovenian sentences). */
export function readEbolRow(cells: EbolCells, dates: DateMemo = dateMemo()): EbolRowRead {
  const cell = (f: EbolField): string => cells[f] ?? '';
  const problems: string[] = [];
  const rawNumber = cell('number');
  const number = rawNumber.replace(/[\s\u00a0]/g, '');
  const numberOk = /^\d{1,20}$/.test(number);
  if (!numberOk) problems.push(rawNumber === '' ? 'Številka potrdila manjka.' : `Številka potrdila »${excerpt(rawNumber)}« ni iz števk.`);

  let kind: CertificateKind | null = numberOk ? kindFromNumber(number) : null;
  if (cells.kind !== undefined) {
    const k = foldLabel(cell('kind')).replace(/ /g, '');
    if (k.includes('epodk') || k === 'podk') kind = 'ePODK';
    else if (k.includes('ebol') || k === 'bol') kind = 'eBOL';
    else if (k !== '') problems.push(`Neznana vrsta potrdila »${excerpt(cell('kind'))}« (pričakovano eBOL ali ePODK).`);
  }

  const full = cell('name');
  const parts = [cell('lastName'), cell('firstName')].filter((s) => s !== '');
  const name = full !== '' ? full : parts.length ? parts.join(' ') : null;
  const digitsOrNull = (s: string) => {
    const d = s.replace(/[\s\u00a0]/g, '');
    return d === '' ? null : d;
  };

  const reasonText = cell('reason');
  const reason = normaliseReason(reasonText);
  if (!reason) problems.push(reasonText === '' ? 'Razlog zadržanosti manjka.' : `Razlog »${excerpt(reasonText)}« nima šifre (pričakovano npr. »01« ali »01 - bolezen«).`);

  const date = (f: 'from' | 'to' | 'issuedOn', label: string, required: boolean): string | null => {
    const raw = cell(f);
    const memo = dates[f];
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
  };
  const from = date('from', 'Zadržan od', true);
  const to = date('to', 'Zadržan do', true);
  const issuedOn = date('issuedOn', 'Datum izdaje', false);

  let hoursPerDay: number | null = null;
  const hoursText = cell('hoursPerDay');
  const hoursFolded = foldLabel(hoursText);
  if (!NOT_PARTIAL.has(hoursFolded)) {
    try {
      const stripped = hoursText.replace(/\s*(?:ur[ae]?|h)?\s*(?:\/\s*dan|na\s+dan)?\.?\s*$/i, '').trim();
      const n = parseDecimal(stripped, { label: 'Delna zadržanost (ur/dan)' });
      hoursPerDay = n === null || n === 0 ? null : n;
    } catch (e) {
      if (e instanceof ReadError) problems.push(e.message);
      else throw e;
    }
  }

  const statusText = cell('status');
  const status = normaliseStatus(statusText);
  if (!status) problems.push(statusText === '' ? 'Status potrdila manjka.' : `Neznan status »${excerpt(statusText)}« (pričakovano Izdan/Veljaven ali Preklican/Storniran).`);

  if (problems.length > 0 || !kind || !reason || !from || !to || !status) {
    return { problem: problems.join(' '), number: numberOk ? number : null };
  }
  const certificate: Certificate = {
    number, kind,
    worker: { name: name ? name.slice(0, 200) : null, zzzsNumber: digitsOrNull(cell('zzzsNumber')), emso: digitsOrNull(cell('emso')) },
    reason, from, to, hoursPerDay, status, issuedOn,
  };
  const invalid = validateCertificate(certificate);
  if (invalid.length > 0) return { problem: invalid.join(' '), number };
  return { certificate };
}

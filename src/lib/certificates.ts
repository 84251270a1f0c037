import { type IsoDate, isIsoDate } from './dates.ts';
import { validateEmso, validateTaxNumber, validateZzzsNumber } from './identifiers.ts';
import { foldLabel } from './text/fold.ts';

/**
 * The certificate model every part of the extension shares: an eBOL (sick note) or an
 * ePODK (blood-donation certificate) as read from the SPOT list, a signed XML or a saved
 * page (FORMATS.md, RULES.md §1).
 */
export type CertificateKind = 'eBOL' | 'ePODK';
export type CertificateStatus = 'issued' | 'cancelled';

export interface CertificateWorker {
  /** "Priimek Ime", as SPOT lists people. */
  name: string | null;
  zzzsNumber: string | null;
  emso: string | null;
}

export interface Certificate {
  /** Digits only, as a string (numbers exceed 2^53 in principle and keep leading zeros). */
  number: string;
  kind: CertificateKind;
  worker: CertificateWorker;
  /** Reason code, two digits ("01".."16"); unknown codes are kept, never guessed. */
  reason: string;
  from: IsoDate;
  to: IsoDate;
  /** Hours per day of a partial absence (delna zadržanost), or null for a full one. */
  hoursPerDay: number | null;
  status: CertificateStatus;
  issuedOn: IsoDate | null;
  employerTaxNumber?: string | null;
  /** The employer's name, when the document names it (eBOL XML `Delodajalec/Naziv`). */
  employerName?: string | null;
}

/** ePODK numbers start at 100 000 000 000 (RULES §1, seed: eBOL/eNDM page). */
export const EPODK_FIRST_NUMBER = '100000000000';

/**
 * eBOL or ePODK from the number alone. Compared as digit strings (length, then digits)
 * so that no number is ever rounded through a float. `null` when `number` is not digits.
 */
export function kindFromNumber(number: string): CertificateKind | null {
  const s = number.trim();
  if (!/^\d+$/.test(s)) return null;
  const digits = s.replace(/^0+(?=\d)/, '');
  const t = EPODK_FIRST_NUMBER;
  const atLeast = digits.length !== t.length ? digits.length > t.length : digits >= t;
  return atLeast ? 'ePODK' : 'eBOL';
}

/** `'01 - bolezen'`, `'01'`, `'1'`, `'1-bolezen'` → `'01'`; anything without a leading code → null. */
export function normaliseReason(text: string): string | null {
  const m = /^\s*(\d{1,2})(?!\d)/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 ? String(n).padStart(2, '0') : null;
}

// Word prefixes, folded. Cancelled is tested first: "razveljavljen" contains "veljav".
const CANCELLED_WORDS = ['preklic', 'storn', 'razveljav', 'neveljav', 'cancel'];
const ISSUED_WORDS = ['izdan', 'veljav', 'aktiv', 'potrjen', 'zakljucen', 'issued'];

/** `Izdan`/`Veljaven`/`Aktiven` → issued, `Preklican`/`Storniran`/`Razveljavljen` → cancelled. */
export function normaliseStatus(text: string): CertificateStatus | null {
  const words = foldLabel(text).split(' ');
  if (words.some((w) => CANCELLED_WORDS.some((p) => w.startsWith(p)))) return 'cancelled';
  if (words.some((w) => ISSUED_WORDS.some((p) => w.startsWith(p)))) return 'issued';
  return null;
}

/** What is wrong with a certificate, in Slovenian; an empty list when nothing is. */
export function validateCertificate(c: Certificate): string[] {
  const problems: string[] = [];
  if (!/^\d{1,20}$/.test(c.number)) {
    problems.push('Številka potrdila mora biti iz števk (do 20).');
  } else {
    const k = kindFromNumber(c.number);
    if (k && k !== c.kind) problems.push(`Vrsta potrdila ${c.kind} se ne ujema s številko (številka pomeni ${k}).`);
  }
  if (c.kind !== 'eBOL' && c.kind !== 'ePODK') problems.push('Vrsta potrdila mora biti eBOL ali ePODK.');
  if (!/^\d{2}$/.test(c.reason) || c.reason === '00') problems.push('Razlog zadržanosti mora biti dvomestna šifra (npr. 01).');
  const fromOk = isIsoDate(c.from);
  const toOk = isIsoDate(c.to);
  if (!fromOk) problems.push('Datum »zadržan od« ni veljaven datum.');
  if (!toOk) problems.push('Datum »zadržan do« ni veljaven datum.');
  if (fromOk && toOk && c.from > c.to) problems.push(`Zadržanost se konča (${c.to}) pred začetkom (${c.from}).`);
  if (c.issuedOn !== null && !isIsoDate(c.issuedOn)) problems.push('Datum izdaje ni veljaven datum.');
  if (c.hoursPerDay !== null && !(Number.isFinite(c.hoursPerDay) && c.hoursPerDay > 0 && c.hoursPerDay <= 24)) {
    problems.push('Delna zadržanost mora biti med 0 in 24 ur na dan.');
  }
  if (c.status !== 'issued' && c.status !== 'cancelled') problems.push('Status mora biti izdan ali preklican.');
  if (c.worker.emso !== null) {
    const r = validateEmso(c.worker.emso);
    if (!r.ok) problems.push(r.message);
  }
  if (c.worker.zzzsNumber !== null) {
    const r = validateZzzsNumber(c.worker.zzzsNumber);
    if (!r.ok) problems.push(r.message);
  }
  if (c.employerTaxNumber !== undefined && c.employerTaxNumber !== null) {
    const r = validateTaxNumber(c.employerTaxNumber);
    if (!r.ok) problems.push(r.message);
  }
  return problems;
}

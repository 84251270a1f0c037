import {
  type Certificate, type CertificateKind, type CertificateStatus,
  kindFromNumber, normaliseReason, normaliseStatus, validateCertificate,
} from './certificates.ts';
import { readInputText } from './encoding.ts';
import { ReadError, excerpt, quoteList } from './errors.ts';
import { parseDate } from './parse/date.ts';
import { parseDecimal } from './parse/number.ts';
import { foldLabel } from './text/fold.ts';
import { type XmlNode, parseXml } from './xml/parse.ts';
import { attrByNames, findAll, findNearest, hasName, textOf, valueOf } from './xml/query.ts';

/**
 * The signed eBOL / ePODK XML behind "Prenesi XML" (FORMATS.md). ALL element names the
 * reader knows are in this one table; names are compared by local name, folded, so
 * namespaces, prefixes and case do not matter. The signature (`ds:Signature`), the
 * doctor's block and anything unknown are skipped — the doctor's data are never read.
 */
export const EBOL_XML_NAMES = {
  /** One certificate; a file may also wrap several in a list element. */
  certificate: ['ePotrdilo', 'EBol', 'ePODK', 'Potrdilo', 'EPotrdiloOZadrzanosti'],
  number: ['Stevilka', 'StevilkaPotrdila', 'StevilkaEBOL', 'StevilkaEPotrdila', 'StevilkaEPODK'],
  kind: ['VrstaPotrdila', 'Vrsta', 'TipPotrdila'],
  worker: ['Zavarovanec', 'Oseba', 'ZavarovanaOseba', 'Delavec'],
  firstName: ['Ime'],
  lastName: ['Priimek'],
  fullName: ['PriimekInIme', 'ImeInPriimek'],
  zzzsNumber: ['ZZZSStevilka', 'StevilkaZavarovanca', 'ZZZSStevilkaZavarovanca', 'StevilkaZZZS'],
  emso: ['EMSO'],
  employer: ['Delodajalec', 'Zavezanec', 'PoslovniSubjekt'],
  taxNumber: ['DavcnaStevilka', 'DavcnaStevilkaDelodajalca'],
  employerName: ['Naziv', 'NazivDelodajalca', 'Firma', 'Ime'],
  reason: ['Razlog', 'RazlogZadrzanosti', 'SifraRazloga'],
  from: ['ZadrzanOd', 'DatumOd', 'Od', 'ZadrzanostOd'],
  to: ['ZadrzanDo', 'DatumDo', 'Do', 'ZadrzanostDo'],
  /** Hours per day; `DelnaZadrzanost` may hold the number itself or wrap `UrNaDan`. */
  hoursPerDay: ['UrNaDan', 'SteviloUrNaDan'],
  partial: ['DelnaZadrzanost'],
  status: ['Status', 'StatusPotrdila'],
  issuedOn: ['DatumIzdaje', 'DatumIzdajePotrdila'],
  /** Never searched: the XML signature and the issuing doctor/provider. */
  ignored: ['Signature', 'Zdravnik', 'IzbraniZdravnik', 'Izvajalec', 'IzvajalecZdravstvenihStoritev', 'Izdajatelj'],
} as const;

const N = EBOL_XML_NAMES;
const SKIP_BLOCKS = { skip: [...N.worker, ...N.employer, ...N.ignored] };

export interface CertificateList {
  type: 'certificates';
  certificates: Certificate[];
}

/** Reads one signed eBOL/ePODK XML (or a list of them). Whole result or `ReadError`. */
export function readEbolXml(input: Uint8Array | string | XmlNode): CertificateList {
  const root = typeof input === 'object' && !(input instanceof Uint8Array) ? input : parseXml(readInputText(input));
  let elements = hasName(root, N.certificate) ? [root] : findAll(root, N.certificate, { skip: N.ignored });
  if (elements.length === 0 && (findNearest(root, N.from, SKIP_BLOCKS) || findNearest(root, N.reason, SKIP_BLOCKS))) elements = [root];
  if (elements.length === 0) {
    throw new ReadError(
      'NOT_RECOGNISED',
      `XML ni prepoznan kot e-potrdilo (eBOL/ePODK): pričakovan korenski element ${quoteList(N.certificate.slice(0, 3))}, najden <${root.name}>.`,
      { expected: [...N.certificate], found: [root.name] },
    );
  }
  return { type: 'certificates', certificates: elements.map(certificateOf) };
}

function certificateOf(el: XmlNode): Certificate {
  const number = (field(el, N.number) ?? '').replace(/\s/g, '');
  const reasonText = field(el, N.reason);
  const fromText = field(el, N.from);
  const toText = field(el, N.to);
  const missing: string[] = [];
  if (number === '') missing.push('Stevilka');
  if (!reasonText) missing.push('Razlog');
  if (!fromText) missing.push('ZadrzanOd');
  if (!toText) missing.push('ZadrzanDo');
  if (missing.length > 0) {
    const found = el.children.filter((c) => !hasName(c, N.ignored)).map((c) => c.name);
    throw new ReadError(
      'MISSING_FIELDS',
      `E-potrdilo nima podatkov ${quoteList(missing)}. Najdeni elementi: ${quoteList(found)}.`,
      { expected: missing, found },
    );
  }
  const label = `potrdilo ${number}`;
  const reason = normaliseReason(reasonText ?? '');
  if (!reason) {
    throw new ReadError('BAD_VALUE', `E-${label}: razlog zadržanosti »${excerpt(reasonText ?? '')}« nima šifre (pričakovano npr. »01« ali »01 - bolezen«).`, {
      expected: ['šifra razloga 01–16'], found: [reasonText ?? ''],
    });
  }
  const cert: Certificate = {
    number,
    kind: kindOf(el, number),
    worker: workerOf(el),
    reason,
    from: parseDate(fromText ?? '', { label: 'Zadržan od' }) ?? '',
    to: parseDate(toText ?? '', { label: 'Zadržan do' }) ?? '',
    hoursPerDay: hoursOf(el),
    status: statusOf(el),
    issuedOn: parseDate(field(el, N.issuedOn) ?? '', { label: 'Datum izdaje' }),
    employerTaxNumber: employerTaxOf(el),
    employerName: employerNameOf(el),
  };
  const problems = validateCertificate(cert);
  if (problems.length > 0) {
    throw new ReadError('BAD_VALUE', `E-${label} ni veljavno: ${problems.join(' ')}`, { found: problems });
  }
  return cert;
}

/** A certificate-level value: an attribute of the certificate, or the nearest element outside the person blocks. */
function field(el: XmlNode, names: readonly string[]): string | null {
  const attr = attrByNames(el, names);
  if (attr !== undefined && attr.trim() !== '') return attr.trim();
  const found = findNearest(el, names, SKIP_BLOCKS);
  const text = textOf(found);
  return text === '' ? null : text;
}

function kindOf(el: XmlNode, number: string): CertificateKind {
  const explicit = foldLabel(field(el, N.kind) ?? '').replace(/ /g, '');
  if (explicit.includes('epodk') || explicit === 'podk') return 'ePODK';
  if (explicit.includes('ebol') || explicit === 'bol') return 'eBOL';
  const root = foldLabel(el.name).replace(/ /g, '');
  if (root === 'epodk') return 'ePODK';
  if (root === 'ebol') return 'eBOL';
  // Not digits → validateCertificate reports the number; the kind does not matter then.
  return kindFromNumber(number) ?? 'eBOL';
}

function workerOf(el: XmlNode): Certificate['worker'] {
  const block = findNearest(el, N.worker, { skip: N.ignored });
  // Without a worker block only the certificate's own children are read, never deeper
  // (a doctor's Ime/Priimek must not become the worker's).
  const scope = block ?? el;
  const pick = (names: readonly string[]): string | null => {
    const v = valueOf(scope, names);
    return v === null || v === '' ? null : v;
  };
  const first = pick(N.firstName), last = pick(N.lastName);
  const name = pick(N.fullName) ?? ([last, first].filter((s) => s !== null).join(' ') || null);
  const zzzs = pick(N.zzzsNumber);
  const emso = pick(N.emso);
  return {
    name,
    zzzsNumber: zzzs === null ? null : zzzs.replace(/\s/g, ''),
    emso: emso === null ? null : emso.replace(/\s/g, ''),
  };
}

function employerNameOf(el: XmlNode): string | null {
  const block = findNearest(el, N.employer, { skip: N.ignored });
  const v = block ? valueOf(block, N.employerName) : null;
  return v && v.trim() ? v.trim().replace(/\s+/g, ' ').slice(0, 200) : null;
}

function employerTaxOf(el: XmlNode): string | null {
  const block = findNearest(el, N.employer, { skip: N.ignored });
  const v = block ? valueOf(block, N.taxNumber) : valueOf(el, ['DavcnaStevilkaDelodajalca']);
  if (v === null || v === '') return null;
  return v.replace(/\s/g, '').replace(/^SI(?=\d)/i, '');
}

const NO = new Set(['', 'ne', 'false', 'no', 'n']);
const YES = new Set(['da', 'true', 'yes', 'd']);

function hoursOf(el: XmlNode): number | null {
  const hours = field(el, N.hoursPerDay);
  const text = hours ?? field(el, N.partial);
  if (text === null) return null;
  const folded = foldLabel(text);
  if (NO.has(folded)) return null;
  if (YES.has(folded)) {
    throw new ReadError('MISSING_FIELDS', 'Potrdilo označuje delno zadržanost, a ne navaja števila ur na dan (UrNaDan).', {
      expected: ['UrNaDan'], found: [text],
    });
  }
  const n = parseDecimal(text.replace(/\s*(?:ur[ae]?|h)\.?\s*(?:na dan|\/dan)?$/i, ''), { xml: true, label: 'Delna zadržanost (ur na dan)' });
  return n === null || n === 0 ? null : n;
}

function statusOf(el: XmlNode): CertificateStatus {
  const text = field(el, N.status);
  if (text === null) return 'issued'; // a signed document without a status is the issued one
  const s = normaliseStatus(text);
  if (!s) {
    throw new ReadError('BAD_VALUE', `Neznan status e-potrdila »${excerpt(text)}«: pričakovano Izdan/Veljaven ali Preklican/Storniran.`, {
      expected: ['Izdan', 'Veljaven', 'Preklican', 'Storniran'], found: [text],
    });
  }
  return s;
}

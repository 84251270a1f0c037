import { readInputText } from '../encoding.ts';
import { ReadError, quoteList } from '../errors.ts';
import { Dec, money, sum } from '../money.ts';
import { type XmlNode, parseXml } from '../xml/parse.ts';
import { childByNames, childrenByNames, findAll, hasName, textOf } from '../xml/query.ts';
import type { EslogInvoice, EslogIssuer, EslogLine, EslogRecipient, EslogWarning } from './model.ts';
import { AMOUNT_QUALIFIERS as MOA, DATE_QUALIFIERS as DTM, ESLOG_NAMES as N, PARTY_QUALIFIERS, REFERENCE_QUALIFIERS as RFF } from './names.ts';
import { type Qualified, allTexts, amountsIn, datesIn, parseAmount, parseEslogDate, referencesIn, sameCode, textAt } from './segments.ts';

/**
 * Reader for received eSLOG 2.0 invoices (`<Invoice xmlns="urn:eslog:2.00"><M_INVOIC>…`),
 * such as FURS's collective e-invoice for a self-employed person's contributions that the
 * online bank delivers. The parser refuses DTDs and entities, so a hostile file cannot
 * read local files or explode in memory.
 *
 * Either a whole invoice or a `ReadError`: `NOT_RECOGNISED` for XML that is no eSLOG
 * invoice, `MISSING_FIELDS` naming what is missing, `BAD_NUMBER`/`BAD_DATE` for values.
 */

/**
 * Whether a parsed XML document is an eSLOG 2.0 invoice: root `Invoice` with a direct
 * `M_INVOIC` child (or a bare `M_INVOIC`). The namespace is not checked because the parser
 * reduces names to local names; `M_INVOIC` alone tells eSLOG from UBL (`Invoice` with
 * `cbc:` children) and from CII.
 */
export function isEslogInvoice(root: XmlNode): boolean {
  return messageOf(root) !== undefined;
}

/** Reads an invoice from bytes, text or an already parsed tree; sets `fileName` on errors. */
export function readEslogInvoice(input: Uint8Array | string | XmlNode, fileName?: string): EslogInvoice {
  try {
    const root = typeof input === 'object' && !(input instanceof Uint8Array) ? input : parseXml(readInputText(input));
    const message = messageOf(root);
    if (!message) throw notRecognised(root);
    return invoiceOf(message);
  } catch (e) {
    if (e instanceof ReadError && fileName !== undefined) e.fileName = fileName;
    throw e;
  }
}

function messageOf(root: XmlNode): XmlNode | undefined {
  if (hasName(root, N.message)) return root;
  return hasName(root, N.root) ? childByNames(root, N.message) : undefined;
}

function notRecognised(root: XmlNode): ReadError {
  const children = root.children.slice(0, 6).map((c) => c.name);
  const ubl = hasName(root, N.root) ? ' Element <Invoice> brez <M_INVOIC> je najverjetneje račun UBL ali drug format, ne eSLOG 2.0.' : '';
  return new ReadError(
    'NOT_RECOGNISED',
    `XML ni prepoznan kot e-račun eSLOG 2.0: pričakovan korenski element <Invoice> z elementom <M_INVOIC>, najden <${root.name}> z elementi ${quoteList(children)}.${ubl}`,
    { expected: ['Invoice', 'M_INVOIC'], found: [root.name, ...children] },
  );
}

function invoiceOf(m: XmlNode): EslogInvoice {
  const warnings: EslogWarning[] = [];
  const warn = (w: EslogWarning): void => { if (!warnings.includes(w)) warnings.push(w); };

  const number = textAt(m, N.bgm, N.documentIdComposite, N.documentNumber);
  const totals = totalsOf(m);
  const amountDue = first(totals, MOA.amountDue);
  const totalWithTax = first(totals, MOA.totalWithTax);
  const total = amountDue ?? totalWithTax;
  const missing: string[] = [];
  if (number === '') missing.push('številka računa (S_BGM/C_C106/D_1004)');
  if (!total) missing.push('znesek za plačilo (G_SG50/S_MOA s kvalifikatorjem 9 ali 388)');
  if (missing.length > 0 || !total) {
    const found = m.children.map((c) => c.name).filter((n, i, all) => all.indexOf(n) === i);
    throw new ReadError('MISSING_FIELDS', `E-računu manjka ${missing.join(' in ')}. Najdeni segmenti: ${quoteList(found)}.`, {
      expected: missing, found,
    });
  }
  if (!amountDue) warn('AMOUNT_DUE_MISSING');

  const dates = [...datesIn(m), ...childrenByNames(m, N.paymentTermsGroup).flatMap(datesDeep)];
  const issuedOn = dateOf(dates, DTM.issued, 'Datum izdaje računa (DTM 137)');
  const dueOn = dateOf(dates, DTM.due, 'Rok plačila (DTM 13)');
  if (!dueOn) warn('NO_DUE_DATE');

  const currency = currencyOf(m);
  if (currency !== null && currency !== 'EUR') warn('CURRENCY_NOT_EUR');

  const parties = partiesOf(m);
  const issuerParty = pickParty(parties, PARTY_QUALIFIERS.issuer);
  if (!issuerParty) warn('NO_ISSUER');
  const payee = pickParty(parties, PARTY_QUALIFIERS.payee);
  const issuer: EslogIssuer = {
    name: issuerParty?.name ?? null,
    address: issuerParty?.address ?? null,
    taxNumber: issuerParty?.taxNumber ?? null,
    iban: issuerParty?.iban ?? payee?.iban ?? parties.find((p) => p.iban !== null)?.iban ?? null,
  };
  const recipientParty = pickParty(parties, PARTY_QUALIFIERS.recipient);
  const recipient: EslogRecipient = { name: recipientParty?.name ?? null, taxNumber: recipientParty?.taxNumber ?? null };

  const paymentReference = paymentReferenceOf(m);
  if (!paymentReference) warn('NO_PAYMENT_REFERENCE');

  const lines = linesOf(m);
  if (lines.length === 0) warn('NO_LINES');
  else if (!linesAddUp(lines.map((l) => l.amount), totals, amountDue !== undefined, total)) warn('LINES_DO_NOT_ADD_UP');

  return {
    type: 'invoice',
    number,
    issuedOn,
    dueOn,
    currency,
    issuer,
    recipient,
    paymentReference,
    total: money(total),
    lines: lines.map((l): EslogLine => ({ description: l.description, amount: money(l.amount) })),
    warnings,
  };
}

/** `S_DTM` anywhere in a payment-terms group (`G_SG8/S_DTM` or `G_SG8/S_PAT/S_DTM`). */
function datesDeep(group: XmlNode): Qualified<string>[] {
  const parents = new Set<XmlNode>();
  const stack: XmlNode[] = [group];
  while (stack.length > 0) {
    const n = stack.pop() as XmlNode;
    if (childByNames(n, N.dtm)) parents.add(n);
    for (const c of n.children) stack.push(c);
  }
  return [...parents].flatMap(datesIn);
}

function dateOf(dates: readonly Qualified<string>[], qualifier: string, label: string): string | null {
  const d = dates.find((x) => sameCode(x.qualifier, qualifier) && x.value !== '');
  return d ? parseEslogDate(d.value, label) : null;
}

function currencyOf(m: XmlNode): string | null {
  const cux = findAll(m, N.cux, { skip: N.lineGroup })[0];
  const code = cux ? textAt(cux, N.currencyComposite, N.currency).toUpperCase() : '';
  return code === '' ? null : code;
}

// ---- totals ----

function totalsOf(m: XmlNode): Qualified<Dec>[] {
  return childrenByNames(m, N.totalsGroup).flatMap((g) => amountsIn(g, 'Skupni znesek računa (G_SG50)'));
}

function first(amounts: readonly Qualified<Dec>[], qualifier: string): Dec | undefined {
  return amounts.find((a) => sameCode(a.qualifier, qualifier))?.value;
}

/**
 * Lines are net amounts; what is due adds the tax (MOA 176) and the rounding (MOA 366) and,
 * when the due amount is MOA 9, subtracts what was paid in advance (MOA 113). Compared at
 * the cent, exactly.
 */
function linesAddUp(lineAmounts: readonly Dec[], totals: readonly Qualified<Dec>[], dueIsMoa9: boolean, total: Dec): boolean {
  const zero = Dec.ZERO;
  let expected = sum(lineAmounts).add(first(totals, MOA.taxAmount) ?? zero).add(first(totals, MOA.rounding) ?? zero);
  if (dueIsMoa9) expected = expected.sub(first(totals, MOA.prepaid) ?? zero);
  return expected.round(2).cmp(total.round(2)) === 0;
}

// ---- lines ----

interface RawLine {
  description: string;
  amount: Dec;
}

function linesOf(m: XmlNode): RawLine[] {
  return childrenByNames(m, N.lineGroup).map((line, i) => {
    const label = `Vrstica ${i + 1} računa (G_SG26)`;
    const description = childrenByNames(line, N.imd)
      .flatMap((imd) => childrenByNames(imd, N.descriptionComposite))
      .flatMap((c) => childrenByNames(c, N.description).map(textOf))
      .filter((t) => t !== '')
      .join(' ');
    // The line amount sits in G_SG27/S_MOA; some generators put S_MOA directly in G_SG26.
    // Tax amounts (G_SG34) carry other qualifiers and are not taken.
    const amounts = [
      ...childrenByNames(line, N.lineAmountGroup).flatMap((g) => amountsIn(g, label)),
      ...childrenByNames(line, N.moa).map((moa) => ({
        qualifier: textAt(moa, N.moaComposite, N.moaQualifier),
        value: parseAmount(textAt(moa, N.moaComposite, N.moaValue), label),
      })),
    ];
    const amount = first(amounts, MOA.lineAmount) ?? first(amounts, MOA.lineItemAmount);
    if (!amount) {
      throw new ReadError('MISSING_FIELDS', `${label}${description ? ` »${description}«` : ''} nima zneska (S_MOA s kvalifikatorjem 203).`, {
        expected: ['S_MOA 203'], found: amounts.map((a) => `S_MOA ${a.qualifier}`),
      });
    }
    return { description, amount };
  });
}

// ---- parties ----

interface Party {
  qualifier: string;
  name: string | null;
  address: string | null;
  taxNumber: string | null;
  iban: string | null;
}

function partiesOf(m: XmlNode): Party[] {
  return childrenByNames(m, N.partyGroup).map((g) => {
    const nad = childByNames(g, N.nad);
    const qualifier = nad ? textAt(nad, N.partyQualifier) : '';
    const name = nad ? joined(childrenByNames(nad, N.nameComposite).flatMap((c) => childrenByNames(c, N.name).map(textOf)), ' ') : null;
    const street = nad ? joined(childrenByNames(nad, N.streetComposite).flatMap((c) => childrenByNames(c, N.street).map(textOf)), ', ') : null;
    const place = nad ? joined([textAt(nad, N.postcode), textAt(nad, N.city)], ' ') : null;
    const refs = referencesIn(childrenByNames(g, N.partyReferenceGroup));
    // AHP is the tax number itself; VA the VAT id (`SI` + tax number). Either gives the digits.
    const tax = refs.find((r) => sameCode(r.qualifier, RFF.taxRegistration) && r.value !== '')
      ?? refs.find((r) => sameCode(r.qualifier, RFF.vat) && r.value !== '');
    const iban = childrenByNames(g, N.fii)
      .map((fii) => textAt(fii, N.accountComposite, N.iban).replace(/\s/g, '').toUpperCase())
      .find((v) => v !== '');
    return {
      qualifier,
      name,
      address: joined([street, place], ', '),
      taxNumber: tax ? tax.value.replace(/\s/g, '').replace(/^SI(?=\d)/i, '') : null,
      iban: iban ?? null,
    };
  });
}

function pickParty(parties: readonly Party[], qualifiers: readonly string[]): Party | undefined {
  for (const q of qualifiers) {
    const p = parties.find((x) => sameCode(x.qualifier, q));
    if (p) return p;
  }
  return undefined;
}

function joined(parts: ReadonlyArray<string | null>, separator: string): string | null {
  const kept = parts.filter((p): p is string => p !== null && p.trim() !== '');
  return kept.length === 0 ? null : kept.join(separator);
}

// ---- payment reference ----

// `SI19 12345678-47000`, `SI12 …`, `RF18 5390 0754 7034` (ISO 11649).
const REFERENCE_RE = /\b(?:SI\d{2}|RF\d{2})\s?[0-9A-Z][0-9A-Z -]*[0-9A-Z]/;

/**
 * The reference is `RFF+PQ` in `G_SG1` (directly under `M_INVOIC`, not the parties' `G_SG3`).
 * Some issuers only print it in free text or the payment instructions; there it is
 * recognised by its model prefix (`SI19 …`, `RF…`).
 */
function paymentReferenceOf(m: XmlNode): string | null {
  const pq = referencesIn(childrenByNames(m, N.referenceGroup)).find((r) => sameCode(r.qualifier, RFF.payment) && r.value !== '');
  if (pq) return collapse(pq.value);
  const texts = [
    ...childrenByNames(m, N.ftx).flatMap(allTexts),
    ...childrenByNames(m, N.paymentTermsGroup).flatMap((g) => findAll(g, N.pai)).flatMap(allTexts),
  ];
  for (const t of texts) {
    const hit = REFERENCE_RE.exec(t.toUpperCase());
    if (hit) return collapse(hit[0]);
  }
  return null;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

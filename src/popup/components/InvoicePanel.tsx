/**
 * FURS's collective e-invoice for a self-employed person's contributions (eSLOG 2.0 XML):
 * picked with a button (keyboard), dropped on this panel, or handed over by the app's import
 * panel (InvoiceInbox). Read here with the same reader as the companion; not stored — it is
 * the user's own document. Shows issuer, amount due, due date (warned when past or within
 * 5 days), payment reference and the lines, and compares the total with the contributions
 * expected for the month (`compareInvoice`), explained line by line.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { compareInvoice, type ExpectedContributions, type InvoiceComparison } from '../../lib/contributions.ts';
import { addMonths, daysBetween, monthOf, type IsoMonth } from '../../lib/dates.ts';
import { ESLOG_WARNINGS, readEslogInvoice, type EslogInvoice } from '../../lib/eslog/index.ts';
import { eur } from '../../lib/format.ts';
import { CONTRIBUTION_NAMES } from '../../lib/rules/contributions.ts';
import { t, userLanguage } from '../../shared/i18n.ts';
import { openAppTab } from '../api.ts';
import { DASH, errorMessage, inUserLanguage, showDate } from '../format.ts';
import { onInvoiceOffered, takeInvoice, type OfferedInvoice } from './InvoiceInbox.ts';

/** Days before the due date from which the panel warns. */
export const DUE_SOON_DAYS = 5;

type Loaded =
  | { state: 'reading'; fileName: string }
  | { state: 'error'; fileName: string; message: string }
  | ({ state: 'data' } & OfferedInvoice);

const money = (v: number): string => eur(v, userLanguage());

export function InvoicePanel({ month, expected, expectedError, today, inPopup, onMonth }: {
  month: IsoMonth;
  /** The contributions expected for `month`, or null when they cannot be computed (`expectedError`). */
  expected: ExpectedContributions | null;
  expectedError: string | null;
  today: string;
  inPopup: boolean;
  /** Compare with another month (the one the invoice is probably for). */
  onMonth: (month: IsoMonth) => void;
}) {
  const [loaded, setLoaded] = useState<Loaded | null>(() => {
    const offered = takeInvoice();
    return offered ? { state: 'data', ...offered } : null;
  });
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => onInvoiceOffered((offered) => setLoaded({ state: 'data', ...offered })), []);

  const read = async (file: File | undefined) => {
    if (!file) return;
    setLoaded({ state: 'reading', fileName: file.name });
    try {
      const invoice = readEslogInvoice(new Uint8Array(await file.arrayBuffer()), file.name);
      setLoaded({ state: 'data', fileName: file.name, invoice });
    } catch (e) {
      setLoaded({ state: 'error', fileName: file.name, message: errorMessage(e) });
    }
  };
  const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');

  return (
    <section class="invoice" aria-labelledby="invoice-title" data-testid="invoice-panel">
      <h3 id="invoice-title" class="detail__title">{t('se_invoiceTitle')}</h3>
      <div
        class={`import${dragging ? ' import--dragging' : ''}`}
        data-testid="invoice-drop"
        // The app's import panel listens on the whole document: a file dropped here is this panel's only.
        onDragOver={(e) => { if (hasFiles(e)) { e.preventDefault(); e.stopPropagation(); setDragging(true); } }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          if (!hasFiles(e)) return;
          e.preventDefault();
          e.stopPropagation();
          setDragging(false);
          void read(e.dataTransfer?.files[0]);
        }}
      >
        <div class="import__bar">
          <input
            ref={input}
            class="visually-hidden"
            type="file"
            accept=".xml,text/xml,application/xml"
            tabIndex={-1}
            aria-hidden="true"
            data-testid="invoice-input"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              void read(file);
            }}
          />
          <button
            type="button"
            class="button"
            disabled={loaded?.state === 'reading'}
            // The file chooser would close the toolbar popup: pick the file in the app tab there.
            onClick={() => (inPopup ? void openAppTab('selfEmployed') : input.current?.click())}
          >
            {inPopup ? t('se_invoiceChooseInTab') : t('se_invoiceChoose')}
          </button>
          <span class="import__hint">{dragging ? t('se_invoiceDropNow') : t('se_invoiceHint')}</span>
          {loaded && loaded.state !== 'reading' && (
            <button type="button" class="button button--quiet" onClick={() => setLoaded(null)}>{t('se_invoiceClear')}</button>
          )}
        </div>
        <p role="status" aria-live="polite" class="import__summary" data-testid="invoice-status" data-state={loaded?.state ?? 'none'}>
          {loaded?.state === 'reading' && t('se_invoiceReading', loaded.fileName)}
        </p>
        {loaded?.state === 'error' && (
          <div class="state state--error" role="alert" data-testid="invoice-error">
            <p>{t('se_invoiceError', loaded.fileName, loaded.message)}</p>
          </div>
        )}
      </div>
      {loaded?.state === 'data' && (
        <InvoiceDetails
          fileName={loaded.fileName} invoice={loaded.invoice} month={month} expected={expected}
          expectedError={expectedError} today={today} onMonth={onMonth}
        />
      )}
    </section>
  );
}

/** Slovenian counts days in four forms (1 dan, 2 dneva, 3 dni …), English in two. */
function pluralForm(n: number): 'one' | 'two' | 'few' | 'other' {
  const form = new Intl.PluralRules(userLanguage()).select(n);
  return form === 'one' || form === 'two' || form === 'few' ? form : 'other';
}

function dueNote(dueOn: string | null, today: string): { kind: 'overdue' | 'soon'; text: string } | null {
  if (!dueOn) return null;
  const days = daysBetween(today, dueOn);
  if (days < 0) return { kind: 'overdue', text: t(`se_dueOverdue_${pluralForm(-days)}`, showDate(dueOn), String(-days)) };
  if (days === 0) return { kind: 'soon', text: t('se_dueToday') };
  if (days <= DUE_SOON_DAYS) return { kind: 'soon', text: t(`se_dueSoon_${pluralForm(days)}`, showDate(dueOn), String(days)) };
  return null;
}

function InvoiceDetails({ fileName, invoice, month, expected, expectedError, today, onMonth }: {
  fileName: string; invoice: EslogInvoice; month: IsoMonth; expected: ExpectedContributions | null; expectedError: string | null;
  today: string; onMonth: (month: IsoMonth) => void;
}) {
  const due = dueNote(invoice.dueOn, today);
  const comparison: InvoiceComparison | null = expected ? compareInvoice(invoice, expected) : null;
  const expectedBy = new Map(expected?.lines.map((l) => [l.code, l.amount]) ?? []);
  // FURS issues the invoice early in the month after the one it is for.
  const likelyMonth = invoice.issuedOn ? addMonths(monthOf(invoice.issuedOn), -1) : null;
  const issuer = invoice.issuer;

  return (
    <article class="invoice__details" data-testid="invoice" aria-labelledby="invoice-heading">
      <h4 id="invoice-heading" class="detail__title">{t('se_invoiceHeading', invoice.number, fileName)}</h4>
      <table class="table">
        <tbody>
          <tr><th scope="row">{t('se_invoiceIssuer')}</th>
            <td class="wrap" data-field="issuer">
              {[issuer.name, issuer.address, issuer.taxNumber ? t('se_invoiceTaxNumber', issuer.taxNumber) : null].filter(Boolean).join(', ') || DASH}
            </td></tr>
          <tr><th scope="row">{t('se_invoiceIssued')}</th><td data-field="issued">{showDate(invoice.issuedOn)}</td></tr>
          <tr><th scope="row">{t('se_invoiceTotal')}</th><td data-field="total"><strong>{money(invoice.total)}</strong>{invoice.currency && invoice.currency !== 'EUR' ? ` (${invoice.currency})` : ''}</td></tr>
          <tr><th scope="row">{t('se_invoiceDue')}</th>
            <td data-field="due">
              {showDate(invoice.dueOn)}
              {due && <strong class={`mark mark--${due.kind === 'overdue' ? 'expired' : 'unconfirmed'}`} data-due={due.kind}> {due.text}</strong>}
            </td></tr>
          <tr><th scope="row">{t('se_invoiceReference')}</th><td data-field="reference">{invoice.paymentReference ?? DASH}</td></tr>
          <tr><th scope="row">{t('se_invoiceIban')}</th><td data-field="iban">{issuer.iban ?? DASH}</td></tr>
        </tbody>
      </table>

      {invoice.warnings.length > 0 && (
        <ul class="warnings" data-testid="invoice-warnings">
          {invoice.warnings.map((w) => <li key={w} class="warning" data-code={w}>{inUserLanguage(ESLOG_WARNINGS[w])}</li>)}
        </ul>
      )}

      <table class="table table--numbers" data-testid="invoice-lines">
        <caption>{t('se_invoiceLines')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('se_col_line')}</th>
            <th scope="col">{t('se_col_kind')}</th>
            <th scope="col" class="num">{t('se_col_invoiced')}</th>
            <th scope="col" class="num">{t('se_col_expected')}</th>
          </tr>
        </thead>
        <tbody>
          {(comparison?.lines ?? invoice.lines.map((l) => ({ ...l, kind: null }))).map((l, i) => (
            <tr key={i} data-kind={l.kind ?? ''}>
              <td class="wrap" data-field="description">{l.description}</td>
              <td data-field="kind">
                {l.kind === null ? (comparison ? t('se_kindUnknown') : DASH)
                  : l.kind === 'INTEREST' ? t('se_kindInterest') : inUserLanguage(CONTRIBUTION_NAMES[l.kind])}
              </td>
              <td class="num" data-field="amount">{money(l.amount)}</td>
              <td class="num" data-field="expected">
                {l.kind && l.kind !== 'INTEREST' && expectedBy.has(l.kind) ? money(expectedBy.get(l.kind)!) : DASH}
              </td>
            </tr>
          ))}
        </tbody>
        {expected && (
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>{t('se_invoiceTotalRow')}</th>
              <td class="num" data-field="invoiceTotal">{money(invoice.total)}</td>
              <td class="num" data-field="expectedTotal">{money(expected.total)}</td>
            </tr>
          </tfoot>
        )}
      </table>

      <section aria-labelledby="invoice-comparison-title" data-testid="invoice-comparison">
        <h4 id="invoice-comparison-title" class="detail__title">{t('se_comparisonTitle', month)}</h4>
        {likelyMonth && likelyMonth !== month && (
          <p class="note" data-testid="invoice-month-hint">
            {t('se_invoiceOtherMonth', showDate(invoice.issuedOn), likelyMonth, month)}{' '}
            <button type="button" class="button button--small" onClick={() => onMonth(likelyMonth)}>{t('se_compareWith', likelyMonth)}</button>
          </p>
        )}
        {comparison
          ? (
            <>
              <p data-testid="invoice-difference" data-difference={String(comparison.difference)}>
                {comparison.difference === 0 ? t('se_differenceNone') : t('se_difference', (comparison.difference > 0 ? '+' : '') + money(comparison.difference))}
              </p>
              <ul data-testid="invoice-explanation">
                {comparison.explanation.map((e, i) => <li key={i}>{inUserLanguage(e)}</li>)}
              </ul>
            </>
          )
          : <p class="state state--error" role="alert">{expectedError ?? t('se_contributionsUnavailable', month)}</p>}
      </section>
    </article>
  );
}

/**
 * Messages of the content scripts that read SPOT pages (issue 4): certificates from the eBOL
 * list and its XML downloads, disclosures downloaded from the disclosure list, which numbers
 * are stored (for the row badges), and the employer the data belong to.
 *
 * Everything is partitioned by the employer's tax number. Each message is one transaction in
 * the background, and sending the same data again changes nothing.
 */
import type { Certificate } from '../../lib/certificates.ts';
import type { Disclosure } from '../../lib/disclosure/model.ts';
import type { EbolCells } from '../pages/ebolList.ts';
import type { PageDiagnostics } from '../pages/types.ts';
import type { EbolRowRead } from '../pages/ebolRow.ts';
import type { EmployerRow } from '../rows.ts';

/** Most certificates one `content:storeCertificates` may carry (a SPOT page shows far fewer). */
export const MAX_CERTIFICATES_PER_MESSAGE = 500;
/** Most numbers one `content:listStoredNumbers` may ask about. */
export const MAX_NUMBERS_PER_MESSAGE = 1000;
/** Most eBOL list rows one `content:readEbolRows` may carry. */
export const MAX_ROWS_PER_MESSAGE = 100;
/** Longest cell text sent to be read: far beyond any value of a certificate (a name is cut to 200 anyway). */
export const MAX_CELL_CHARS = 200;
/** Most labels (headings, hints) of each kind, and characters each, the diagnostics text is made of. */
export const MAX_DIAGNOSTIC_LABELS = 50;

export interface StoreCertificatesRequest {
  employerTax: string;
  /** The employer's name as the page header shows it, when it does. */
  employerName: string | null;
  certificates: Certificate[];
  /** `spot-page`: read from the list; `spot-download`: from the signed XML the user downloaded. */
  source: 'spot-page' | 'spot-download';
}

export interface StoreCertificatesResponse {
  added: string[];
  updated: string[];
  cancelled: string[];
  unchanged: string[];
}

export interface StoreDisclosureRequest {
  employerTax: string;
  disclosure: Disclosure;
  /** The certificate number of the list row whose link was clicked, when the row shows one. */
  certificateNumber: string | null;
  /** The worker as the row shows them ("Priimek Ime"), used when nothing else links the file. */
  workerName: string | null;
  fileName: string | null;
}

/** What the in-page helper shows about a downloaded disclosure. */
export interface DisclosureOutcome {
  status: 'new' | 'newVersion' | 'same';
  queryNumber: string;
  certificateNumber: string | null;
  workerName: string | null;
  /** Totals per section, in file order. */
  sections: Array<{ from: string | null; to: string | null; payer: 'zzzs' | 'employer' | null; noData: boolean; amount: number; hours: number }>;
  /** Warning codes of the file (`BLANK_CELLS` …) and of the engine, each once. */
  warnings: string[];
  /** The same warnings worded (sl, en), so the in-page helper needs no catalogue of its own. */
  warningTexts: { code: string; sl: string; en: string }[];
  /**
   * The hourly ZZZS base the engine computes for the certificate's absence from the stored
   * data, or null when it cannot (certificate not stored, ZZZS does not pay, no usable rows).
   */
  zzzsBase: { hourly: number; year: number | null; months: number; amount: number; hours: number } | null;
  /** Why there is no base, when there is none (a code the panel words). */
  noBaseReason: 'noCertificate' | 'notZzzs' | 'noData' | 'engineError' | null;
}

export interface EmployersResponse {
  employers: EmployerRow[];
  /** settings `currentEmployer`, or null */
  current: string | null;
}

declare module '../messages.ts' {
  interface Protocol {
    /** The eBOL list's rows as cell texts → each row's certificate or problems, in order (nothing stored). */
    'content:readEbolRows': { request: { rows: EbolCells[] }; response: { rows: EbolRowRead[] } };
    /** The page's diagnostics as the text the user copies (`diagnosticsText`; labels only, never data). */
    'content:diagnosticsText': { request: { diagnostics: PageDiagnostics; version: string; at: string }; response: { text: string } };
    'content:storeCertificates': { request: StoreCertificatesRequest; response: StoreCertificatesResponse };
    'content:storeDisclosure': { request: StoreDisclosureRequest; response: DisclosureOutcome };
    'content:listStoredNumbers': { request: { employerTax: string; numbers: string[] }; response: { stored: string[] } };
    'content:employers': { request: Record<string, never>; response: EmployersResponse };
    'content:setEmployer': { request: { taxNumber: string; name: string | null }; response: EmployersResponse };
  }
}

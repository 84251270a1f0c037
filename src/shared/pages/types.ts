/**
 * What the page readers return. Elements are references into the live (or parsed) document,
 * so a content script can put a badge next to a row; the companion ignores them.
 */
import type { Certificate } from '../../lib/certificates.ts';
import type { EbolCells } from './ebolList.ts';

export type PageKind = 'ebolList' | 'disclosureList';

/** The business shown in SPOT's page header (the logged-in employer), when the page shows it. */
export interface PageEmployer {
  taxNumber: string | null;
  name: string | null;
}

/** A row that could not be read: never guessed, never stored, reported with its reason. */
export interface RowProblem {
  /** 1-based position among the table's body rows. */
  row: number;
  /** The certificate (or query) number when it could be read. */
  number: string | null;
  /** Slovenian sentence(s): what is wrong. */
  reason: string;
}

export interface EbolRow {
  certificate: Certificate;
  /** The row element and the cell holding the certificate number (for the badge). */
  rowElement: Element;
  numberCell: Element;
  /** "Prenesi XML" of this row, when there is one. */
  xmlLink: Element | null;
}

export interface EbolListPage {
  kind: 'ebolList';
  employer: PageEmployer;
  rows: EbolRow[];
  certificates: Certificate[];
  problems: RowProblem[];
  /** The page says "Ni zadetkov" (or the table has no rows). */
  empty: boolean;
  /** Header labels of the results table as found (for diagnostics and tests). */
  headers: string[];
}

/** A row of the eBOL list as cell texts, not yet read into a certificate (`readEbolRow`). */
export interface EbolCellsRow {
  /** 1-based position among the rows read (as `RowProblem.row`). */
  position: number;
  cells: EbolCells;
  rowElement: Element;
  numberCell: Element;
  xmlLink: Element | null;
}

/** The eBOL list as the content script reads it: cell texts; the background reads the certificates. */
export interface EbolCellsPage {
  kind: 'ebolList';
  employer: PageEmployer;
  rows: EbolCellsRow[];
  empty: boolean;
  headers: string[];
}

export type DownloadFormat = 'csv' | 'xml' | 'other';

export interface DownloadLink {
  format: DownloadFormat;
  url: string;
  label: string;
  element: Element;
}

export interface DisclosureListRow {
  queryNumber: string;
  /** Digits only, or null when the row names none. */
  certificateNumber: string | null;
  /** "Priimek Ime" as shown, or null. */
  worker: string | null;
  baseKind: string | null;
  status: string | null;
  links: DownloadLink[];
  rowElement: Element;
}

export interface DisclosureListPage {
  kind: 'disclosureList';
  employer: PageEmployer;
  rows: DisclosureListRow[];
  problems: RowProblem[];
  empty: boolean;
  headers: string[];
}

/**
 * The page looks like it should be one of ours (a heading, the address, or a table with some
 * of our labels) but its labels do not match: what was found and what was expected, so the
 * user can tell us (and the label table can be fixed in one place).
 */
export interface PageDiagnostics {
  expectedPage: PageKind;
  /** Why we think it should be that page: the heading, the address, or the table. */
  hints: string[];
  /** Header labels of the best candidate table (or of every table, when none is close). */
  foundLabels: string[];
  /** Labels the reader needs (the first synonym of each required field). */
  expectedLabels: string[];
  /** Expected labels not found among `foundLabels`. */
  missingLabels: string[];
  headings: string[];
  url: string;
}

/** What `recognisePage` tells; `E` is how the eBOL list is read (certificates, or cell texts in the content script). */
export type PageRecognition<E = EbolListPage> =
  | E
  | DisclosureListPage
  /** Nothing to read: the login page, a form the helper prefills (refund, A1), any other page. */
  | { kind: 'notData'; page: 'login' | 'other' | 'refundForm' | 'a1Form' }
  | { kind: 'unrecognised'; diagnostics: PageDiagnostics };

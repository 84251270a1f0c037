/**
 * The popup app's messages (`ui:`): employers and settings, paged lists of workers and
 * certificates, disclosures, computations with their claim lines, imports, exports.
 *
 * Lists are paged in the background (offset/limit over an index, with a total count), so the
 * popup never loads every row at start. Files are read in the popup (`readDocument`); only
 * the read result travels here, and the background stores it with the store functions, each
 * file in one transaction.
 */
import type { Certificate } from '../../lib/certificates.ts';
import type { CompensationResult } from '../../lib/compensation/index.ts';
import type { CsvDialect } from '../../lib/csv.ts';
import type { IsoDate } from '../../lib/dates.ts';
import type { ColumnMapping } from '../../lib/disclosure/mapping.ts';
import type { Disclosure, DisclosurePayer } from '../../lib/disclosure/model.ts';
import type { Claim, ClaimLine, ClaimWorker } from '../../lib/refund.ts';
import type { CertificateRow, EmployerRow, PostingRow, WorkerRow } from '../rows.ts';
import type { IsoTimestamp } from '../spot.ts';

/** Settings keys the popup owns (table `settings`). */
export const UI_SETTINGS = {
  retentionDays: 'retentionDays',
  parameterOverrides: 'parameterOverrides',
  exportDialect: 'exportDialect',
  csvMappings: 'csvMappings',
} as const;

export const DEFAULT_RETENTION_DAYS = 90;
/** Largest page a list message returns. */
export const MAX_PAGE = 1000;

export interface Page<T> {
  /**
   * All rows that match, not only this page's; `null` when counting would cost more than the
   * page itself (IndexedDB counts by walking the index): then ask for the count separately.
   */
  total: number | null;
  offset: number;
  rows: T[];
  /** Rows follow this page. */
  hasMore: boolean;
}

/** An employer as the switcher lists it. */
export type EmployerSummary = EmployerRow;

/** Overrides of legal parameters that apply to every computation (RULES §7; monthly gross euros). */
export interface ParameterOverrides {
  minimumWage?: number | null;
  averageWage?: number | null;
}

export interface UiSettings {
  retentionDays: number;
  parameterOverrides: ParameterOverrides;
  exportDialect: CsvDialect;
}

export interface UiContext {
  employers: EmployerSummary[];
  /** The selected employer (settings `currentEmployer`), or null when there is none yet. */
  current: string | null;
  settings: UiSettings;
}

export interface CertificateFilter {
  /** `YYYY-MM`: certificates with a day in that month. */
  month?: string;
  reason?: string;
  status?: 'issued' | 'cancelled';
  kind?: 'eBOL' | 'ePODK';
  /** Part of the worker's name, or the start of the certificate number. */
  search?: string;
}

/** How many certificates and disclosures a worker has (asked for apart from the page of workers). */
export interface WorkerCounts {
  certificates: number;
  disclosures: number;
}

export type WorkerSummary = WorkerRow;

export interface DisclosureSummary {
  id: number;
  queryNumber: string;
  validUntil: IsoDate;
  preparedOn: IsoDate | null;
  workerId: string | null;
  workerTaxNumber: string | null;
  certificateNumber: string | null;
  fileName: string | null;
  periods: { from: IsoDate | null; to: IsoDate | null; payer: DisclosurePayer | null; noData: boolean; rows: number }[];
  warnings: string[];
}

export interface WorkerDetail {
  worker: WorkerRow;
  certificates: CertificateRow[];
  disclosures: DisclosureSummary[];
}

/** A chain of certificates computed together (RULES §4). `key` is its first certificate. */
export interface AbsenceSummary {
  key: string;
  workerId: string;
  reason: string;
  from: IsoDate;
  to: IsoDate;
  certificates: string[];
  computedAt: IsoTimestamp | null;
}

/** What the user entered for one absence; remembered with its computation. */
export interface ComputationOptions {
  /** The user confirmed that the absence is a recurrence of the previous one (RULES §5). */
  recurrence?: boolean;
  excludedAllowances?: number | null;
  valorisation?: number | null;
  weeklyHours?: number | null;
  currentHourlyPay?: number | null;
  /** Special work calendar: hours per date. */
  calendar?: Record<IsoDate, number> | null;
  /** Overrides for this absence only (the settings' overrides apply otherwise). */
  minimumWage?: number | null;
  averageWage?: number | null;
  paymentDate?: IsoDate | null;
}

export interface PreviousAbsence {
  from: IsoDate;
  to: IsoDate;
  certificates: string[];
  /** Employer-paid working days of the previous absence: `recurrence.previousEmployerDays`. */
  employerDays: number;
  /** Working days between the two absences. */
  breakWorkingDays: number;
}

export interface ComputationView {
  id: number;
  computedAt: IsoTimestamp;
  employerTax: string;
  worker: WorkerRow;
  absence: { key: string; from: IsoDate; to: IsoDate; certificates: CertificateRow[] };
  options: ComputationOptions;
  /** The inputs the engine got besides the certificates and disclosures. */
  inputs: {
    employerDaysUsedThisYear: number;
    previousEmployerDays: number | null;
    minimumWage: number | null;
    averageWage: number | null;
  };
  previous: PreviousAbsence | null;
  /** A group-A absence less than 10 working days after the previous one (RULES §5). */
  possibleRecurrence: boolean;
  disclosures: DisclosureSummary[];
  result: CompensationResult;
  claim: Claim;
}

/** One segment of a stored computation, for export. */
export interface SegmentExport {
  worker: { name: string; emso: string | null; zzzsNumber: string | null; taxNumber: string | null };
  computedAt: IsoTimestamp;
  segment: CompensationResult['segments'][number];
}

export interface ClaimLineView {
  id: number;
  employerTax: string;
  worker: ClaimWorker;
  paymentDate: IsoDate | null;
  monthlyObligation: number;
  line: ClaimLine;
}

/**
 * Most certificates one `ui:importCertificates` message carries, i.e. one transaction in the
 * background (about 2 MB of JSON). The popup sends a bigger file in parts of this size.
 */
export const IMPORT_CERTIFICATES_PER_MESSAGE = 5000;

export interface ImportCertificatesResult {
  employers: string[];
  added: number;
  updated: number;
  cancelled: number;
  unchanged: number;
}

export interface ImportDisclosureResult {
  employerTax: string;
  status: 'new' | 'newVersion' | 'same';
  workerId: string | null;
}

declare module '../messages.ts' {
  interface Protocol {
    'ui:getContext': { request: Record<string, never>; response: UiContext };
    'ui:selectEmployer': { request: { taxNumber: string }; response: UiContext };
    'ui:saveEmployer': { request: { employer: EmployerRow; select?: boolean }; response: UiContext };
    'ui:saveSettings': { request: Partial<UiSettings>; response: UiContext };
    'ui:deleteAllData': { request: { confirm: true }; response: UiContext };

    'ui:listWorkers': { request: { employerTax: string; offset: number; limit: number; search?: string }; response: Page<WorkerSummary> };
    'ui:countWorkerRecords': { request: { employerTax: string; workerIds: string[] }; response: Record<string, WorkerCounts> };
    'ui:getWorker': { request: { workerId: string }; response: WorkerDetail };
    'ui:listCertificates': {
      request: { employerTax: string; offset: number; limit: number; filter?: CertificateFilter };
      response: Page<CertificateRow>;
    };
    'ui:countCertificates': { request: { employerTax: string }; response: number };
    'ui:listAbsences': { request: { workerId: string }; response: AbsenceSummary[] };
    'ui:listDisclosures': { request: { employerTax: string; unlinked?: boolean }; response: DisclosureSummary[] };
    'ui:linkDisclosure': { request: { id: number; workerId: string }; response: DisclosureSummary };

    'ui:compute': { request: { certificateNumber: string; options?: ComputationOptions }; response: ComputationView };
    'ui:listSegments': { request: { employerTax: string }; response: SegmentExport[] };
    'ui:listClaims': { request: { employerTax: string; offset: number; limit: number }; response: Page<ClaimLineView> };
    'ui:listPostings': { request: { employerTax: string }; response: (PostingRow & { workerName: string | null })[] };

    'ui:importCertificates': {
      request: { certificates: Certificate[]; fallbackEmployerTax: string | null };
      response: ImportCertificatesResult;
    };
    'ui:importDisclosure': {
      request: { disclosure: Disclosure; fallbackEmployerTax: string | null; fileName: string };
      response: ImportDisclosureResult;
    };
    'ui:getColumnMapping': { request: { signature: string }; response: ColumnMapping | null };
    'ui:saveColumnMapping': { request: { signature: string; mapping: ColumnMapping }; response: ColumnMapping };
  }
}

/**
 * The rows the background stores (src/background/db.ts) and the popup shows. Indexed
 * fields are typed; feature-specific payloads ride in `data`.
 */
import type { IsoDate } from '../lib/dates.ts';
import type { IsoTimestamp } from './spot.ts';
import type { Disclosure } from '../lib/disclosure/model.ts';

export interface EmployerRow {
  taxNumber: string;
  name: string;
  registrationNumber?: string;
  /** Seat (address), phone and e-mail: the A1 applicant's data. */
  seat?: string;
  phone?: string;
  email?: string;
}

/** Where a record came from. */
export type RecordSource = 'spot-page' | 'spot-download' | 'import' | 'companion';

export interface WorkerRow {
  id: string;
  employerTax: string;
  /** "Priimek Ime", as SPOT shows it */
  name: string;
  emso: string | null;
  zzzsNumber?: string | null;
  taxNumber?: string | null;
}

export interface CertificateRow {
  /** eBOL / ePODK number: the natural, unique key */
  number: string;
  kind: 'eBOL' | 'ePODK';
  employerTax: string;
  workerId: string;
  reason: string;
  from: IsoDate;
  to: IsoDate;
  hoursPerDay: number | null;
  status: 'issued' | 'cancelled';
  issuedOn: IsoDate | null;
  /** The worker's name as last seen, so lists need no join. */
  workerName?: string | null;
  source?: RecordSource;
  firstSeenAt?: IsoTimestamp;
  updatedAt?: IsoTimestamp;
}

export interface DisclosureRow {
  id?: number;
  /** FURS query number; unique together with `validUntil` */
  queryNumber: string;
  validUntil: IsoDate;
  preparedOn: IsoDate | null;
  employerTax: string;
  workerId: string | null;
  certificateNumber: string | null;
  workerTaxNumber?: string | null;
  fileName?: string | null;
  source?: RecordSource;
  storedAt?: IsoTimestamp;
  data: Disclosure;
}

export interface ComputationRow {
  id?: number;
  employerTax: string;
  certificateNumber: string;
  workerId: string;
  computedAt: IsoTimestamp;
  data: unknown;
}

export interface ClaimRow {
  id?: number;
  employerTax: string;
  certificateNumber: string;
  /** last day the refund can be claimed */
  expiresOn: IsoDate;
  data: unknown;
}

export interface PostingRow {
  id?: number;
  employerTax: string;
  workerId: string;
  start: IsoDate;
  end: IsoDate | null;
  data: unknown;
}

export interface SettingRow<T = unknown> {
  key: string;
  value: T;
}

export interface HistoryRow {
  id?: number;
  entity: string;
  entityKey: string;
  at: IsoTimestamp;
  change: unknown;
}


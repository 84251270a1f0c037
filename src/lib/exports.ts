import type { Cell, Column } from './csv.ts';
import type { Certificate } from './certificates.ts';
import type { BaseSummary, Segment } from './compensation/index.ts';
import type { Claim, ClaimLine } from './refund.ts';
import { countryOf, type Posting } from './a1.ts';
import { reasonOf } from './rules/reasons.ts';
import { addMonths } from './dates.ts';

/**
 * THE column definitions of every CSV export (Slovenian headers, as payroll programs and
 * Excel users read them). The popup and `spot-companion export` both build their rows into
 * these shapes and write them with `toCsv` (which neutralises formulas), so a file exported
 * from the browser and one made by the companion from the same data are the same file.
 *
 * Rows are small flat-ish records, not storage rows: the popup maps its stored rows
 * (`src/shared/rows.ts`) into them, the companion maps what it read from files.
 */

/** The person a row is about; fields the source does not have are null. */
export interface ExportWorker {
  /** "Priimek Ime", as SPOT lists people. */
  name: string | null;
  emso: string | null;
  zzzsNumber: string | null;
  taxNumber?: string | null;
}

const money = (v: number | null | undefined): Cell => (v === null || v === undefined ? null : { decimal: v, places: 2 });
const decimal = (v: number | null | undefined): Cell => (v === null || v === undefined ? null : { decimal: v });
const date = (v: string | null | undefined): Cell => (v ? { date: v } : null);

/** `01 – bolezen`; an unknown code stays as it is. */
export function reasonLabel(code: string): string {
  const r = reasonOf(code);
  return r ? `${code} – ${r.sl}` : code;
}

export const PAYER_LABELS: Readonly<Record<Segment['payer'], string>> = { employer: 'delodajalec', zzzs: 'ZZZS' };
export const STATUS_LABELS: Readonly<Record<Certificate['status'], string>> = { issued: 'izdano', cancelled: 'preklicano' };
const LIMIT_LABELS: Readonly<Record<NonNullable<Segment['limitApplied']>, string>> = {
  floor: 'spodnja meja (ZZZS)', cap: 'zgornja meja (ZZZS)', currentPay: 'plača, ki bi jo prejel za delo',
};

/** The worker columns every export starts with (after the employer). */
export function workerColumns<T>(workerOf: (row: T) => ExportWorker, employerOf: (row: T) => string | null): Column<T>[] {
  return [
    { header: 'Davčna številka delodajalca', value: (r) => employerOf(r) },
    { header: 'Delavec', value: (r) => workerOf(r).name },
    { header: 'EMŠO', value: (r) => workerOf(r).emso },
    { header: 'ZZZS številka', value: (r) => workerOf(r).zzzsNumber },
    { header: 'Davčna številka delavca', value: (r) => workerOf(r).taxNumber ?? null },
  ];
}

// ---------------------------------------------------------------- certificates (eBOL / ePODK)

export interface CertificateExportRow {
  employerTaxNumber: string | null;
  worker: ExportWorker;
  certificate: Pick<Certificate, 'number' | 'kind' | 'reason' | 'from' | 'to' | 'hoursPerDay' | 'status' | 'issuedOn'>;
}

export const CERTIFICATE_COLUMNS: readonly Column<CertificateExportRow>[] = [
  ...workerColumns<CertificateExportRow>((r) => r.worker, (r) => r.employerTaxNumber),
  { header: 'Številka potrdila', value: (r) => r.certificate.number },
  { header: 'Vrsta', value: (r) => r.certificate.kind },
  { header: 'Razlog', value: (r) => reasonLabel(r.certificate.reason) },
  { header: 'Zadržan od', value: (r) => date(r.certificate.from) },
  { header: 'Zadržan do', value: (r) => date(r.certificate.to) },
  { header: 'Delna zadržanost (ur na dan)', value: (r) => decimal(r.certificate.hoursPerDay) },
  { header: 'Status', value: (r) => STATUS_LABELS[r.certificate.status] },
  { header: 'Datum izdaje', value: (r) => date(r.certificate.issuedOn) },
];

// ---------------------------------------------------------------- computation segments

export interface SegmentExportRow {
  employerTaxNumber: string | null;
  worker: ExportWorker;
  segment: Pick<Segment, 'certificate' | 'reason' | 'from' | 'to' | 'payer' | 'workingDays' | 'hours' | 'hourlyBase' | 'percentage' | 'amount' | 'limitApplied'>;
}

export const SEGMENT_COLUMNS: readonly Column<SegmentExportRow>[] = [
  ...workerColumns<SegmentExportRow>((r) => r.worker, (r) => r.employerTaxNumber),
  { header: 'Številka potrdila', value: (r) => r.segment.certificate },
  { header: 'Razlog', value: (r) => reasonLabel(r.segment.reason) },
  { header: 'Od', value: (r) => date(r.segment.from) },
  { header: 'Do', value: (r) => date(r.segment.to) },
  { header: 'V breme', value: (r) => PAYER_LABELS[r.segment.payer] },
  { header: 'Delovni dnevi', value: (r) => r.segment.workingDays },
  { header: 'Ure', value: (r) => decimal(r.segment.hours) },
  { header: 'Osnova na uro (EUR)', value: (r) => money(r.segment.hourlyBase) },
  { header: 'Odstotek', value: (r) => r.segment.percentage },
  { header: 'Znesek nadomestila (EUR)', value: (r) => money(r.segment.amount) },
  { header: 'Omejitev', value: (r) => (r.segment.limitApplied ? LIMIT_LABELS[r.segment.limitApplied] : null) },
];

// ---------------------------------------------------------------- refund claim lines (eNDM)

export interface ClaimExportRow {
  claim: Pick<Claim, 'employerTaxNumber' | 'worker' | 'paymentDate' | 'monthlyObligation'> & { workerTaxNumber?: string | null };
  line: ClaimLine;
}

/** The fields of SPOT's refund form (FORMATS.md, RULES §8), one line per ZZZS-paid segment. */
export const CLAIM_COLUMNS: readonly Column<ClaimExportRow>[] = [
  ...workerColumns<ClaimExportRow>((r) => ({ ...r.claim.worker, taxNumber: r.claim.workerTaxNumber ?? null }), (r) => r.claim.employerTaxNumber),
  { header: 'Številka e-potrdila', value: (r) => r.line.certificate },
  { header: 'Razlog', value: (r) => reasonLabel(r.line.reason) },
  { header: 'Obdobje od', value: (r) => date(r.line.from) },
  { header: 'Obdobje do', value: (r) => date(r.line.to) },
  { header: 'Število ur', value: (r) => decimal(r.line.hours) },
  { header: 'Leto osnove', value: (r) => r.line.baseYear },
  { header: 'Število mesecev izplačila', value: (r) => r.line.baseMonths },
  { header: 'Skupni znesek bruto osnove (EUR)', value: (r) => money(r.line.baseAmount) },
  { header: 'Skupno število ur osnove', value: (r) => decimal(r.line.baseHours) },
  { header: 'Količnik valorizacije', value: (r) => decimal(r.line.valorisation) },
  { header: 'Osnova na uro (EUR)', value: (r) => money(r.line.hourlyBase) },
  { header: 'Odstotek nadomestila', value: (r) => r.line.percentage },
  { header: 'Znesek nadomestila (EUR)', value: (r) => money(r.line.amount) },
  { header: 'Datum izplačila', value: (r) => date(r.claim.paymentDate) },
  { header: 'Povprečna mesečna obveznost (ure)', value: (r) => decimal(r.claim.monthlyObligation) },
  { header: 'Zahtevek zastara', value: (r) => date(r.line.expiresOn) },
  { header: 'Popolna vrstica', value: (r) => (r.line.complete ? 'da' : 'ne – manjka osnova') },
];

// ---------------------------------------------------------------- A1 register (postings)

export interface PostingExportRow {
  employerTaxNumber: string | null;
  posting: Posting;
}

export const A1_COLUMNS: readonly Column<PostingExportRow>[] = [
  { header: 'Davčna številka delodajalca', value: (r) => r.employerTaxNumber },
  { header: 'EMŠO', value: (r) => r.posting.person.emso },
  { header: 'Priimek', value: (r) => r.posting.person.surname },
  { header: 'Ime', value: (r) => r.posting.person.name },
  { header: 'Država', value: (r) => countryOf(r.posting.country)?.sl ?? r.posting.country },
  { header: 'Kraj opravljanja dela', value: (r) => r.posting.placeOfWork },
  { header: 'Naročnik storitve', value: (r) => r.posting.client.name },
  { header: 'Naslov naročnika', value: (r) => r.posting.client.address },
  { header: 'Davčna številka naročnika', value: (r) => r.posting.client.taxNumber },
  { header: 'Opis del in nalog', value: (r) => r.posting.tasks },
  { header: 'Datum začetka napotitve', value: (r) => date(r.posting.start) },
  { header: 'Datum konca napotitve', value: (r) => date(r.posting.end) },
  { header: 'Izvorna zavarovalna podlaga', value: (r) => r.posting.originalBasis ?? null },
];

// ---------------------------------------------------------------- hourly bases (one line per absence)

/** How a worker's FURS disclosures were matched to their certificates (see `spot-companion bases`). */
export type PairingMethod = 'certificateNumber' | 'workerList' | 'onlyWorker' | 'stored';

export const PAIRING_LABELS: Readonly<Record<PairingMethod, string>> = {
  certificateNumber: 'po številki potrdila v imenu datoteke',
  workerList: 'po seznamu delavcev',
  onlyWorker: 'edini preostali delavec delodajalca – preverite',
  stored: 'iz seznama razkritij na SPOT',
};

export interface BasesExportRow {
  employerTaxNumber: string | null;
  worker: ExportWorker;
  pairing: PairingMethod | null;
  certificates: string[];
  reason: string | null;
  from: string | null;
  to: string | null;
  employerWorkingDays: number | null;
  zzzsFrom: string | null;
  zzzsBase: BaseSummary | null;
  employerBase: BaseSummary | null;
  /** Compensation of the absence per payer; null where an amount could not be computed. */
  amounts: { employer: number | null; zzzs: number | null } | null;
  /** Warning codes with their Slovenian texts. */
  warnings: { code: string; sl: string }[];
  /** The disclosure files the bases come from. */
  files: string[];
}

/** Months as runs: `2024-01 – 2024-12`, `2024-11 – 2024-12, 2025-02`. */
export function monthRanges(list: readonly string[]): string {
  const runs: [string, string][] = [];
  for (const m of [...list].sort()) {
    const last = runs[runs.length - 1];
    if (last && addMonths(last[1], 1) === m) last[1] = m;
    else runs.push([m, m]);
  }
  return runs.map(([a, b]) => (a === b ? a : `${a} – ${b}`)).join(', ');
}

const months = (b: BaseSummary | null): Cell => (b ? monthRanges(b.months) : null);

export const BASES_COLUMNS: readonly Column<BasesExportRow>[] = [
  ...workerColumns<BasesExportRow>((r) => r.worker, (r) => r.employerTaxNumber),
  { header: 'Povezava z razkritji FURS', value: (r) => (r.pairing ? PAIRING_LABELS[r.pairing] : 'ni razkritja') },
  { header: 'Potrdila', value: (r) => r.certificates.join(', ') },
  { header: 'Razlog', value: (r) => (r.reason ? reasonLabel(r.reason) : null) },
  { header: 'Odsotnost od', value: (r) => date(r.from) },
  { header: 'Odsotnost do', value: (r) => date(r.to) },
  { header: 'Delovni dnevi v breme delodajalca', value: (r) => r.employerWorkingDays },
  { header: 'V breme ZZZS od', value: (r) => date(r.zzzsFrom) },
  { header: 'Osnova ZZZS na uro (EUR)', value: (r) => money(r.zzzsBase?.hourly) },
  { header: 'Osnova ZZZS: leto', value: (r) => r.zzzsBase?.year ?? null },
  { header: 'Osnova ZZZS: meseci', value: (r) => months(r.zzzsBase) },
  { header: 'Osnova ZZZS: mesecev izplačila', value: (r) => r.zzzsBase?.paidMonths ?? null },
  { header: 'Osnova ZZZS: znesek (EUR)', value: (r) => money(r.zzzsBase?.amount) },
  { header: 'Osnova ZZZS: ure', value: (r) => decimal(r.zzzsBase?.hours) },
  { header: 'Osnova delodajalca na uro (EUR)', value: (r) => money(r.employerBase?.hourly) },
  { header: 'Osnova delodajalca: meseci', value: (r) => months(r.employerBase) },
  { header: 'Osnova delodajalca: znesek (EUR)', value: (r) => money(r.employerBase?.amount) },
  { header: 'Osnova delodajalca: ure', value: (r) => decimal(r.employerBase?.hours) },
  { header: 'Nadomestilo v breme delodajalca (EUR)', value: (r) => money(r.amounts?.employer) },
  { header: 'Nadomestilo v breme ZZZS (EUR)', value: (r) => money(r.amounts?.zzzs) },
  { header: 'Opozorila', value: (r) => r.warnings.map((w) => w.code).join(', ') },
  { header: 'Opozorila (besedilo)', value: (r) => r.warnings.map((w) => w.sl).join(' | ') },
  { header: 'Datoteke razkritij', value: (r) => r.files.join(', ') },
];

/** Every export by the name `spot-companion export --what` and the popup use. */
export const EXPORT_COLUMNS = {
  certificates: CERTIFICATE_COLUMNS,
  segments: SEGMENT_COLUMNS,
  claims: CLAIM_COLUMNS,
  a1: A1_COLUMNS,
  bases: BASES_COLUMNS,
} as const;

export type ExportKind = keyof typeof EXPORT_COLUMNS;

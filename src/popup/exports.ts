/**
 * CSV exports of the selected employer: certificates, computation segments, refund claim
 * lines, the A1 register. Rows are fetched page by page from the background and written with
 * the shared column definitions (src/lib/exports.ts) through `toCsv`, which neutralises text a
 * spreadsheet would run as a formula — never write CSV any other way.
 */
import type { Posting } from '../lib/a1.ts';
import { exportFileName, toCsv, type CsvDialect } from '../lib/csv.ts';
import {
  A1_COLUMNS, CERTIFICATE_COLUMNS, CLAIM_COLUMNS, SEGMENT_COLUMNS,
  type CertificateExportRow, type ClaimExportRow, type ExportWorker, type PostingExportRow, type SegmentExportRow,
} from '../lib/exports.ts';
import { MAX_PAGE, type EmployerSummary, type Page } from '../shared/protocol/ui.ts';
import { call } from './api.ts';

export type PopupExportKind = 'certificates' | 'segments' | 'claims' | 'a1';

/** The word in the file name (ASCII; `exportFileName` keeps letters, digits and dashes). */
export const EXPORT_FILE_KIND: Readonly<Record<PopupExportKind, string>> = {
  certificates: 'potrdila',
  segments: 'izracuni',
  claims: 'zahtevki-refundacija',
  a1: 'a1-napotitve',
};

export interface BuiltExport {
  fileName: string;
  text: string;
  rows: number;
}

async function allPages<T>(page: (offset: number, limit: number) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += MAX_PAGE) {
    const p = await page(offset, MAX_PAGE);
    out.push(...p.rows);
    if (p.rows.length === 0 || !p.hasMore) return out;
  }
}

function isPosting(v: unknown): v is Posting {
  const p = v as Partial<Posting> | null;
  return typeof p === 'object' && p !== null && typeof p.person === 'object' && typeof p.client === 'object' && typeof p.start === 'string';
}

async function certificateRows(employerTax: string): Promise<CertificateExportRow[]> {
  const [certificates, workers] = await Promise.all([
    allPages((offset, limit) => call('ui:listCertificates', { employerTax, offset, limit })),
    allPages((offset, limit) => call('ui:listWorkers', { employerTax, offset, limit })),
  ]);
  const byId = new Map(workers.map((w) => [w.id, w]));
  return certificates.reverse().map((c) => {
    const w = byId.get(c.workerId);
    const worker: ExportWorker = { name: c.workerName ?? w?.name ?? null, emso: w?.emso ?? null, zzzsNumber: w?.zzzsNumber ?? null, taxNumber: w?.taxNumber ?? null };
    return { employerTaxNumber: c.employerTax, worker, certificate: c };
  });
}

/** Builds one export's file (name and text) for the employer, dated `today` (ISO). */
export async function buildExport(kind: PopupExportKind, employer: EmployerSummary, dialect: CsvDialect, today: string): Promise<BuiltExport> {
  const employerTax = employer.taxNumber;
  const fileName = exportFileName(EXPORT_FILE_KIND[kind], employer.name || employerTax, today);
  switch (kind) {
    case 'certificates': {
      const rows = await certificateRows(employerTax);
      return { fileName, text: toCsv(rows, CERTIFICATE_COLUMNS, dialect), rows: rows.length };
    }
    case 'segments': {
      const rows: SegmentExportRow[] = (await call('ui:listSegments', { employerTax }))
        .map((s) => ({ employerTaxNumber: employerTax, worker: s.worker, segment: s.segment }));
      return { fileName, text: toCsv(rows, SEGMENT_COLUMNS, dialect), rows: rows.length };
    }
    case 'claims': {
      const lines = await allPages((offset, limit) => call('ui:listClaims', { employerTax, offset, limit }));
      const rows: ClaimExportRow[] = lines.map((c) => ({
        claim: { employerTaxNumber: c.employerTax, worker: c.worker, paymentDate: c.paymentDate, monthlyObligation: c.monthlyObligation },
        line: c.line,
      }));
      return { fileName, text: toCsv(rows, CLAIM_COLUMNS, dialect), rows: rows.length };
    }
    case 'a1': {
      const rows: PostingExportRow[] = (await call('ui:listPostings', { employerTax }))
        .filter((p) => isPosting(p.data))
        .map((p) => ({ employerTaxNumber: employerTax, posting: p.data as Posting }));
      return { fileName, text: toCsv(rows, A1_COLUMNS, dialect), rows: rows.length };
    }
  }
}

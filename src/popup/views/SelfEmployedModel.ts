/**
 * What the self-employed view computes from stored data (pure, no DOM): the OPSVZ fields of
 * a month from a person's certificates (`opsvzFields`, RULES §10), and their CSV export.
 *
 * Which certificates: every absence (chain of certificates, `absenceOf`) with a day in the
 * month, whole — its own-burden period counts working days from its first day, which may lie
 * in an earlier month — and the own-burden days the person used earlier in the year, derived
 * from the earlier certificates like `ui:compute` does (`employerDaysUsedBefore`).
 */
import { absenceOf, employerDaysUsedBefore } from '../../lib/assemble.ts';
import type { Certificate } from '../../lib/certificates.ts';
import { exportFileName, toCsv, type Cell, type Column, type CsvDialect } from '../../lib/csv.ts';
import { firstOfMonth, lastOfMonth, type IsoMonth } from '../../lib/dates.ts';
import { reasonOf } from '../../lib/rules/reasons.ts';
import { opsvzFields, type OpsvzFields } from '../../lib/selfEmployed.ts';
import type { SelfEmployedInputs } from '../../shared/protocol/selfEmployed.ts';
import type { CertificateRow, WorkerRow } from '../../shared/rows.ts';

/** A self-employed person works full time: 40 hours a week (8 a day, as field 110 counts). */
export const SELF_EMPLOYED_WEEKLY_HOURS = 40;

export interface OpsvzResult {
  fields: OpsvzFields;
  /** Own-burden working days used in the year before the month's first absence. */
  ownDaysUsed: number;
  /** The certificates the fields were computed from (the month's absences, whole). */
  used: CertificateRow[];
  /** Certificates with a day in the month that were cancelled (not counted). */
  cancelledInMonth: CertificateRow[];
}

function toCertificate(row: CertificateRow, worker: WorkerRow): Certificate {
  return {
    number: row.number, kind: row.kind, reason: row.reason, from: row.from, to: row.to, hoursPerDay: row.hoursPerDay,
    status: row.status, issuedOn: row.issuedOn, employerTaxNumber: row.employerTax,
    worker: { name: worker.name, emso: worker.emso, zzzsNumber: worker.zzzsNumber ?? null },
  };
}

export function computeOpsvz(rows: readonly CertificateRow[], worker: WorkerRow, month: IsoMonth): OpsvzResult {
  const from = firstOfMonth(month);
  const to = lastOfMonth(month);
  const certs = rows.map((r) => toCertificate(r, worker));
  const touches = (c: { from: string; to: string }) => c.from <= to && c.to >= from;
  const chosen = new Map<string, Certificate>();
  for (const c of certs) {
    if (c.status === 'cancelled' || !touches(c) || chosen.has(c.number)) continue;
    for (const x of absenceOf(certs, c.number)) chosen.set(x.number, x);
  }
  const used = [...chosen.values()].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const ownDaysUsed = used.length ? employerDaysUsedBefore(certs, used[0]!.from, SELF_EMPLOYED_WEEKLY_HOURS) : 0;
  const fields = opsvzFields({
    month, certificates: used, weeklyHours: SELF_EMPLOYED_WEEKLY_HOURS, ownBurdenDaysUsedThisYear: ownDaysUsed,
  });
  fields.warnings = fields.warnings.filter((w) => w !== 'NO_CERTIFICATES');
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  return {
    fields, ownDaysUsed,
    used: used.map((c) => byNumber.get(c.number)!),
    cancelledInMonth: rows.filter((r) => r.status === 'cancelled' && touches(r)),
  };
}

/** `01 – bolezen`: the code and the Slovenian name the return uses; an unknown code as it is. */
export function reasonSl(code: string): string {
  const r = reasonOf(code);
  return r ? `${code} – ${r.sl}` : code;
}

// ---------------------------------------------------------------------------------------
// CSV export

export interface OpsvzExportRow {
  field: string;
  label: string;
  value: Cell;
  from?: string;
  to?: string;
  reason?: string;
  certificate?: string;
}

interface ExportContext {
  employerTax: string;
  worker: WorkerRow;
  month: IsoMonth;
}

/** Slovenian headers, as the other exports (src/lib/exports.ts): the file is for payroll programs. */
function columns(ctx: ExportContext): Column<OpsvzExportRow>[] {
  return [
    { header: 'Davčna številka', value: () => ctx.employerTax },
    { header: 'Oseba', value: () => ctx.worker.name },
    { header: 'EMŠO', value: () => ctx.worker.emso },
    { header: 'ZZZS številka', value: () => ctx.worker.zzzsNumber ?? null },
    { header: 'Mesec', value: () => ctx.month },
    { header: 'Polje', value: (r) => r.field },
    { header: 'Opis', value: (r) => r.label },
    { header: 'Vrednost', value: (r) => r.value },
    { header: 'Od', value: (r) => (r.from ? { date: r.from } : null) },
    { header: 'Do', value: (r) => (r.to ? { date: r.to } : null) },
    { header: 'Razlog', value: (r) => r.reason },
    { header: 'Številka potrdila', value: (r) => r.certificate },
  ];
}

const decimal = (v: number | null | undefined): Cell => (typeof v === 'number' ? { decimal: v } : null);

export function opsvzExportRows(result: OpsvzResult, inputs: SelfEmployedInputs, minimumBase: number | null): OpsvzExportRow[] {
  const f = result.fields;
  const rows: OpsvzExportRow[] = f.field090.map((p) => ({
    field: '090', label: 'Obdobje odsotnosti z dela in razlog', value: null,
    from: p.from, to: p.to, reason: reasonSl(p.reason), certificate: p.certificate,
  }));
  rows.push(
    { field: '110', label: 'Ure polnega delovnega časa v mesecu', value: decimal(f.field110) },
    { field: '120', label: 'Vnos uporabnika', value: decimal(inputs.field120) },
    { field: '130', label: 'Ure odsotnosti v lastnem breme', value: decimal(f.field130) },
    { field: '140', label: 'Ure odsotnosti v breme ZZZS', value: decimal(f.field140) },
    { field: '150', label: 'Vnos uporabnika', value: decimal(inputs.field150) },
    { field: '160', label: 'Vnos uporabnika', value: decimal(inputs.field160) },
  );
  const base = typeof inputs.base === 'number' ? inputs.base : minimumBase;
  rows.push({
    field: 'osnova',
    label: typeof inputs.base === 'number' ? 'Zavarovalna osnova (EUR)' : 'Zavarovalna osnova (EUR), najnižja za mesec',
    value: base === null ? null : { decimal: base, places: 2 },
  });
  return rows;
}

export function opsvzCsv(
  ctx: ExportContext & { employerName: string | null; today: string; dialect: CsvDialect },
  rows: readonly OpsvzExportRow[],
): { fileName: string; text: string } {
  return {
    fileName: exportFileName(`opsvz-${ctx.month}`, ctx.employerName || ctx.employerTax, ctx.today),
    text: toCsv(rows, columns(ctx), ctx.dialect),
  };
}

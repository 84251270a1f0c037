import { isIsoDate, type IsoDate } from '../dates.ts';
import { Dec } from '../money.ts';
import type { BaseRow } from '../baseRows.ts';
import type { RuleOverrides } from '../rules/index.ts';

/** What the engine computes from (CASES.md input), after validation. */
export interface CaseCertificate {
  number: string;
  kind: 'eBOL' | 'ePODK';
  reason: string;
  from: IsoDate;
  to: IsoDate;
  hoursPerDay: number | null;
  status: 'issued' | 'cancelled';
}

export interface BaseInput {
  rows: BaseRow[];
  /** The disclosure said "NI PODATKOV" for this base. */
  noData: boolean;
}

export interface ZzzsBaseInput extends BaseInput {
  excludedAllowances: Dec;
  valorisation: Dec;
}

export interface CaseInput {
  id: string | null;
  worker: {
    weeklyHours: number;
    currentHourlyPay: Dec | null;
    calendar: Readonly<Record<IsoDate, number>> | null;
  };
  certificates: CaseCertificate[];
  employerDaysUsedThisYear: number;
  recurrence: { previousEmployerDays: number } | null;
  employerBase: BaseInput;
  zzzsBase: ZzzsBaseInput;
  parameters: RuleOverrides;
}

export class CaseInputError extends Error {
  readonly code = 'BAD_CASE_INPUT';
  constructor(readonly path: string, message: string) {
    super(`${path}: ${message}`);
  }
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function obj(v: unknown, path: string, optional = false): Json {
  if (v === undefined || v === null) {
    if (optional) return {};
    throw new CaseInputError(path, 'manjka.');
  }
  if (!isObject(v)) throw new CaseInputError(path, 'mora biti objekt.');
  return v;
}

function str(v: unknown, path: string): string {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string' || v.trim() === '') throw new CaseInputError(path, 'mora biti neprazno besedilo.');
  return v.trim();
}

function date(v: unknown, path: string): IsoDate {
  if (!isIsoDate(v)) throw new CaseInputError(path, `ni veljaven datum LLLL-MM-DD (${JSON.stringify(v)}).`);
  return v;
}

/** A number given as a JSON number or decimal text (`1234.56`, `1.234,56`); blank → null. */
function num(v: unknown, path: string): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new CaseInputError(path, 'ni končno število.');
    return v;
  }
  if (typeof v === 'string') {
    const t = v.trim().replace(/[\s\u00a0\u202f]/g, '');
    if (t === '' || t === '-') return null;
    const normalised = /,\d+$/.test(t) ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
    const n = Number(normalised);
    if (!Number.isFinite(n)) throw new CaseInputError(path, `ni število (${JSON.stringify(v)}).`);
    return n;
  }
  throw new CaseInputError(path, `ni število (${JSON.stringify(v)}).`);
}

function nonNegative(v: unknown, path: string, fallback: number): number {
  const n = num(v, path);
  if (n === null) return fallback;
  if (n < 0) throw new CaseInputError(path, 'ne sme biti negativno.');
  return n;
}

function normaliseSource(s: string): string {
  const up = s.trim().toUpperCase();
  if (up.startsWith('REK')) return 'REK';
  if (up.startsWith('OPSV') || up.startsWith('PSV')) return 'OPSV';
  return up;
}

const NO_DATA_RE = /^\s*ni\s+podatkov\s*$/i;

/** A row whose cells read "NI PODATKOV" marks an empty period, as in a disclosure. */
function isNoDataRow(r: unknown): boolean {
  return isObject(r) && (r.noData === true || [r.amount, r.hours, r.source].some((x) => typeof x === 'string' && NO_DATA_RE.test(x)));
}

function base(v: unknown, path: string): BaseInput {
  const b = obj(v, path, true);
  const raw = b.rows ?? [];
  if (!Array.isArray(raw)) throw new CaseInputError(`${path}.rows`, 'mora biti seznam vrstic.');
  return {
    rows: rows(raw.filter((r) => !isNoDataRow(r)), `${path}.rows`),
    noData: b.noData === true || raw.some(isNoDataRow),
  };
}

function rows(v: unknown[], path: string): BaseRow[] {
  return v.map((r, i) => {
    const p = `${path}[${i}]`;
    const row = obj(r, p);
    const month = str(row.month, `${p}.month`);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new CaseInputError(`${p}.month`, `ni mesec LLLL-MM (${month}).`);
    const sourceRaw = row.source === undefined || row.source === null ? '' : String(row.source);
    const out: BaseRow = {
      month,
      source: normaliseSource(sourceRaw),
      incomeType: row.incomeType === undefined || row.incomeType === null ? '' : String(row.incomeType).trim(),
      amount: num(row.amount, `${p}.amount`),
      hours: num(row.hours, `${p}.hours`),
    };
    if (sourceRaw && sourceRaw.trim().toUpperCase() !== out.source) out.sourceRaw = sourceRaw.trim();
    return out;
  });
}

function certificate(v: unknown, path: string): CaseCertificate {
  const c = obj(v, path);
  const number = str(c.number, `${path}.number`);
  if (!/^\d+$/.test(number)) throw new CaseInputError(`${path}.number`, `številka potrdila sme vsebovati le števke (${number}).`);
  const from = date(c.from, `${path}.from`);
  const to = date(c.to, `${path}.to`);
  if (to < from) throw new CaseInputError(path, `konec (${to}) je pred začetkom (${from}).`);
  const reasonRaw = str(c.reason, `${path}.reason`);
  const reasonMatch = /^\d{1,2}/.exec(reasonRaw);
  if (!reasonMatch) throw new CaseInputError(`${path}.reason`, `razlog mora biti šifra, npr. "01" (${reasonRaw}).`);
  const status = c.status === undefined ? 'issued' : str(c.status, `${path}.status`);
  if (status !== 'issued' && status !== 'cancelled') {
    throw new CaseInputError(`${path}.status`, `mora biti "issued" ali "cancelled" (${status}).`);
  }
  const kindRaw = c.kind === undefined ? null : str(c.kind, `${path}.kind`);
  const kind = kindRaw === 'eBOL' || kindRaw === 'ePODK'
    ? kindRaw
    : BigInt(number) >= 100_000_000_000n ? 'ePODK' : 'eBOL';
  const hoursPerDay = num(c.hoursPerDay, `${path}.hoursPerDay`);
  if (hoursPerDay !== null && (hoursPerDay <= 0 || hoursPerDay > 24)) {
    throw new CaseInputError(`${path}.hoursPerDay`, 'ur na dan mora biti med 0 in 24.');
  }
  return { number, kind, reason: reasonMatch[0].padStart(2, '0'), from, to, hoursPerDay, status };
}

function overrides(v: unknown): RuleOverrides {
  const p = obj(v, 'parameters', true);
  const out: RuleOverrides = {};
  const money = (x: unknown, path: string): number | Record<string, number | string> | undefined => {
    if (x === undefined || x === null) return undefined;
    if (isObject(x)) return x as Record<string, number | string>;
    const n = num(x, path);
    return n === null ? undefined : n;
  };
  const min = money(p.minimumWage, 'parameters.minimumWage');
  const avg = money(p.averageWage, 'parameters.averageWage');
  if (min !== undefined) out.minimumWage = min;
  if (avg !== undefined) out.averageWage = avg;
  for (const key of ['perAbsenceLimitA', 'perAbsenceLimitB', 'annualLimitA'] as const) {
    const n = num(p[key], `parameters.${key}`);
    if (n !== null) out[key] = n;
  }
  return out;
}

/** Validates a case (CASES.md) and fills defaults; throws CaseInputError naming the field. */
export function parseCaseInput(raw: unknown): CaseInput {
  const c = obj(raw, 'primer');
  const worker = obj(c.worker, 'worker', true);
  const weeklyHours = nonNegative(worker.weeklyHours, 'worker.weeklyHours', 40);
  if (weeklyHours <= 0 || weeklyHours > 60) throw new CaseInputError('worker.weeklyHours', 'mora biti med 0 in 60.');
  const chp = num(worker.currentHourlyPay, 'worker.currentHourlyPay');
  let calendar: Record<IsoDate, number> | null = null;
  if (worker.calendar !== undefined && worker.calendar !== null) {
    const cal = obj(worker.calendar, 'worker.calendar');
    calendar = {};
    for (const [d, h] of Object.entries(cal)) {
      const hours = num(h, `worker.calendar.${d}`);
      calendar[date(d, `worker.calendar.${d}`)] = hours ?? 0;
    }
  }
  if (!Array.isArray(c.certificates)) throw new CaseInputError('certificates', 'mora biti seznam potrdil.');
  const certificates = c.certificates.map((x, i) => certificate(x, `certificates[${i}]`));
  const zzzs = obj(c.zzzsBase, 'zzzsBase', true);
  const recurrence = c.recurrence === undefined || c.recurrence === null ? null : obj(c.recurrence, 'recurrence');
  const valorisation = num(zzzs.valorisation, 'zzzsBase.valorisation');
  if (valorisation !== null && valorisation <= 0) throw new CaseInputError('zzzsBase.valorisation', 'mora biti pozitiven.');
  const id = c.id === undefined || c.id === null ? null : String(c.id);
  return {
    id,
    worker: { weeklyHours, currentHourlyPay: chp === null ? null : Dec.from(chp), calendar },
    certificates,
    employerDaysUsedThisYear: nonNegative(c.employerDaysUsedThisYear, 'employerDaysUsedThisYear', 0),
    recurrence: recurrence && recurrence.previousEmployerDays !== undefined
      ? { previousEmployerDays: nonNegative(recurrence.previousEmployerDays, 'recurrence.previousEmployerDays', 0) }
      : null,
    employerBase: base(c.employerBase, 'employerBase'),
    zzzsBase: {
      ...base(c.zzzsBase, 'zzzsBase'),
      excludedAllowances: Dec.from(num(zzzs.excludedAllowances, 'zzzsBase.excludedAllowances') ?? 0),
      valorisation: Dec.from(valorisation ?? 1),
    },
    parameters: overrides(c.parameters),
  };
}

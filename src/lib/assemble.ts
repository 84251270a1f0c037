import type { BaseRow } from './baseRows.ts';
import type { Certificate } from './certificates.ts';
import type { Disclosure, DisclosurePayer } from './disclosure/model.ts';
import { addDays, yearOf, type IsoDate } from './dates.ts';
import { isWorkingDay } from './calendar.ts';
import { compute, parseCaseInput } from './compensation/index.ts';
import { reasonOf } from './rules/reasons.ts';

/**
 * From stored or read data to a case the engine computes (CASES.md input). Pure, so the
 * popup and the companion pair certificates and disclosures the same way.
 */

export interface WorkerOptions {
  weeklyHours?: number;
  currentHourlyPay?: number | null;
  calendar?: Record<IsoDate, number> | null;
}

export interface AssembleOptions {
  worker?: WorkerOptions;
  employerDaysUsedThisYear?: number;
  recurrence?: { previousEmployerDays: number } | null;
  excludedAllowances?: number;
  valorisation?: number;
  parameters?: Record<string, unknown>;
}

/**
 * The latest version of each query (a disclosure downloaded again with a newer validity date
 * replaces the older one for computing; the older is kept in storage).
 */
export function latestVersions(disclosures: readonly Disclosure[]): Disclosure[] {
  const byQuery = new Map<string, Disclosure>();
  const anonymous: Disclosure[] = [];
  for (const d of disclosures) {
    if (!d.queryNumber) { anonymous.push(d); continue; }
    const prev = byQuery.get(d.queryNumber);
    if (!prev || (d.validUntil ?? '') > (prev.validUntil ?? '')) byQuery.set(d.queryNumber, d);
  }
  return [...byQuery.values(), ...anonymous];
}

/**
 * Rows for one base: sections meant for that payer, or for either when the file does not
 * say. A month reported by several disclosures is taken from the most recently prepared one,
 * so that overlapping downloads never count a month twice.
 */
export function baseRows(disclosures: readonly Disclosure[], payer: DisclosurePayer): { rows: BaseRow[]; noData: boolean } {
  const ordered = latestVersions(disclosures).sort((a, b) => ((b.preparedOn ?? '') > (a.preparedOn ?? '') ? 1 : -1));
  const months = new Map<string, BaseRow[]>();
  let noData = false;
  for (const d of ordered) {
    const fromThis = new Map<string, BaseRow[]>();
    for (const s of d.sections) {
      if (s.payer !== null && s.payer !== payer) continue;
      if (s.noData) noData = true;
      for (const r of s.rows) {
        if (months.has(r.month)) continue;
        const list = fromThis.get(r.month) ?? [];
        list.push(r);
        fromThis.set(r.month, list);
      }
    }
    for (const [m, rows] of fromThis) months.set(m, rows);
  }
  const rows = [...months.values()].flat().sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  return { rows, noData };
}

/** True when `b` continues `a` (no working day between them). */
function continues(aTo: IsoDate, bFrom: IsoDate): boolean {
  for (let d = addDays(aTo, 1); d < bFrom; d = addDays(d, 1)) if (isWorkingDay(d)) return false;
  return true;
}

/**
 * The certificates of one absence containing `certificateNumber`: the chain of the worker's
 * non-cancelled certificates of the same reason group with no working day between them.
 */
export function absenceOf(certificates: readonly Certificate[], certificateNumber: string): Certificate[] {
  const group = (reason: string): string => {
    const g = reasonOf(reason)?.group;
    return g === 'A' || g === 'B' ? g : reason;
  };
  const target = certificates.find((c) => c.number === certificateNumber);
  if (!target) return [];
  const same = certificates
    .filter((c) => c.status !== 'cancelled' && group(c.reason) === group(target.reason))
    .sort((a, b) => (a.from < b.from ? -1 : 1));
  const i = same.findIndex((c) => c.number === certificateNumber);
  if (i < 0) return [target];
  let start = i, end = i;
  while (start > 0 && continues(same[start - 1]!.to, same[start]!.from)) start--;
  while (end < same.length - 1 && continues(same[end]!.to, same[end + 1]!.from)) end++;
  return same.slice(start, end + 1);
}

/**
 * Employer-paid working days already used in the year before `absenceStart`, derived from
 * the worker's earlier certificates of that year (RULES §5: the extension derives it).
 */
export function employerDaysUsedBefore(certificates: readonly Certificate[], absenceStart: IsoDate, weeklyHours = 40): number {
  const year = yearOf(absenceStart);
  const earlier = certificates.filter((c) => c.status !== 'cancelled' && c.to < absenceStart && yearOf(c.to) >= year);
  if (earlier.length === 0) return 0;
  const result = compute(parseCaseInput({ worker: { weeklyHours }, certificates: earlier.map(toCaseCertificate) }));
  return result.segments
    .filter((s) => s.payer === 'employer' && yearOf(s.from) === year)
    .reduce((n, s) => n + s.workingDays, 0);
}

function toCaseCertificate(c: Certificate): Record<string, unknown> {
  return {
    number: c.number, kind: c.kind, reason: c.reason, from: c.from, to: c.to, status: c.status,
    ...(c.hoursPerDay !== null ? { hoursPerDay: c.hoursPerDay } : {}),
  };
}

/** The engine's input for an absence, in the CASES.md shape. */
export function assembleCase(certificates: readonly Certificate[], disclosures: readonly Disclosure[], options: AssembleOptions = {}): Record<string, unknown> {
  const employer = baseRows(disclosures, 'employer');
  const zzzs = baseRows(disclosures, 'zzzs');
  const w = options.worker ?? {};
  return {
    worker: {
      weeklyHours: w.weeklyHours ?? 40,
      ...(w.currentHourlyPay ? { currentHourlyPay: w.currentHourlyPay } : {}),
      ...(w.calendar ? { calendar: w.calendar } : {}),
    },
    certificates: certificates.map(toCaseCertificate),
    employerDaysUsedThisYear: options.employerDaysUsedThisYear ?? 0,
    ...(options.recurrence ? { recurrence: options.recurrence } : {}),
    employerBase: { rows: employer.rows, noData: employer.noData },
    zzzsBase: {
      rows: zzzs.rows, noData: zzzs.noData,
      ...(options.excludedAllowances ? { excludedAllowances: options.excludedAllowances } : {}),
      ...(options.valorisation ? { valorisation: options.valorisation } : {}),
    },
    ...(options.parameters ? { parameters: options.parameters } : {}),
  };
}

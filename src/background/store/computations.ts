/**
 * Computing an absence from stored data, and storing the result with its claim lines.
 *
 * The numbers are the engine's: `assembleCase` + `computeCase` from `src/lib` on the
 * worker's stored certificates and disclosures, with what the user entered for the absence
 * (`ComputationOptions`, remembered with the computation) and the settings' parameter
 * overrides. One computation per absence (keyed by its first certificate) is kept; computing
 * again replaces it and its claim lines in one transaction.
 */
import { absenceOf, assembleCase, employerDaysUsedBefore } from '../../lib/assemble.ts';
import { countWorkingDays } from '../../lib/calendar.ts';
import type { Certificate } from '../../lib/certificates.ts';
import { CaseInputError, computeCase, type CompensationResult } from '../../lib/compensation/index.ts';
import { addDays } from '../../lib/dates.ts';
import { buildClaim, type Claim } from '../../lib/refund.ts';
import { MissingRuleError, RECURRENCE_BREAK_WORKING_DAYS, reasonOf } from '../../lib/rules/index.ts';
import { MessageError, errorText } from '../../shared/messages.ts';
import type {
  AbsenceSummary, ClaimLineView, ComputationOptions, ComputationView, Page, PreviousAbsence, SegmentExport,
} from '../../shared/protocol/ui.ts';
import type { CertificateRow, ComputationRow, WorkerRow } from '../../shared/rows.ts';
import type { IsoTimestamp } from '../../shared/spot.ts';
import type { SpotDb } from '../db.ts';
import { compareByFrom } from './certificateList.ts';
import { disclosureSummary, disclosuresOf } from './queries.ts';
import { readUiSettings } from './settings.ts';

/** What a `computations` row keeps in `data`. */
export interface StoredComputation {
  absenceKey: string;
  certificates: string[];
  options: ComputationOptions;
  inputs: ComputationView['inputs'];
  previous: PreviousAbsence | null;
  possibleRecurrence: boolean;
  disclosureIds: number[];
  result: CompensationResult;
  claim: Claim;
}

/** What a `claims` row keeps in `data`. */
export interface StoredClaimLine {
  computationId: number;
  absenceKey: string;
  worker: Claim['worker'];
  paymentDate: Claim['paymentDate'];
  monthlyObligation: number;
  line: Claim['lines'][number];
}

export function toCertificate(row: CertificateRow, worker: WorkerRow | undefined): Certificate {
  return {
    number: row.number, kind: row.kind,
    worker: { name: row.workerName ?? worker?.name ?? null, zzzsNumber: worker?.zzzsNumber ?? null, emso: worker?.emso ?? null },
    reason: row.reason, from: row.from, to: row.to, hoursPerDay: row.hoursPerDay, status: row.status, issuedOn: row.issuedOn,
  };
}

async function workerCertificates(db: SpotDb, employerTax: string, workerId: string): Promise<CertificateRow[]> {
  return (await db.certificates.where('[employerTax+workerId]').equals([employerTax, workerId]).toArray()).sort(compareByFrom);
}

/** The worker's absences (chains of certificates), newest first, with when each was last computed. */
export async function listAbsences(db: SpotDb, workerId: string): Promise<AbsenceSummary[]> {
  const worker = await db.workers.get(workerId);
  if (!worker) throw new MessageError('NOT_FOUND', errorText('NOT_FOUND', workerId));
  const rows = await workerCertificates(db, worker.employerTax, workerId);
  const certs = rows.map((r) => toCertificate(r, worker));
  const computed = new Map<string, string>();
  for (const c of await db.computations.where('workerId').equals(workerId).toArray()) computed.set(c.certificateNumber, c.computedAt);
  const seen = new Set<string>();
  const out: AbsenceSummary[] = [];
  for (const c of certs) {
    if (seen.has(c.number)) continue;
    const chain = c.status === 'cancelled' ? [c] : absenceOf(certs, c.number);
    for (const x of chain) seen.add(x.number);
    const key = chain[0]!.number;
    out.push({
      key, workerId, reason: chain[0]!.reason, from: chain[0]!.from, to: chain.reduce((m, x) => (x.to > m ? x.to : m), chain[0]!.to),
      certificates: chain.map((x) => x.number), computedAt: computed.get(key) ?? null,
    });
  }
  return out.reverse();
}

function employerDaysOf(certs: readonly Certificate[], chain: readonly Certificate[], weeklyHours: number): number {
  const start = chain[0]!.from;
  const raw = assembleCase(chain, [], { worker: { weeklyHours }, employerDaysUsedThisYear: employerDaysUsedBefore(certs, start, weeklyHours) });
  return computeCase(raw).segments.filter((s) => s.payer === 'employer').reduce((n, s) => n + s.workingDays, 0);
}

/** The group-A absence before `chain`, if any, with its employer days and the break between them. */
function previousAbsence(certs: readonly Certificate[], chain: readonly Certificate[], weeklyHours: number): PreviousAbsence | null {
  const first = chain[0]!;
  if (reasonOf(first.reason)?.group !== 'A') return null;
  const inChain = new Set(chain.map((c) => c.number));
  const before = certs.filter((c) => !inChain.has(c.number) && c.status !== 'cancelled' && reasonOf(c.reason)?.group === 'A' && c.to < first.from);
  if (before.length === 0) return null;
  const last = before.reduce((m, c) => (c.to > m.to ? c : m));
  const prev = absenceOf(certs, last.number);
  const prevTo = prev.reduce((m, c) => (c.to > m ? c.to : m), prev[0]!.to);
  const gapFrom = addDays(prevTo, 1), gapTo = addDays(first.from, -1);
  return {
    from: prev[0]!.from, to: prevTo, certificates: prev.map((c) => c.number),
    employerDays: employerDaysOf(certs, prev, weeklyHours),
    breakWorkingDays: gapFrom <= gapTo ? countWorkingDays(gapFrom, gapTo) : 0,
  };
}

const positive = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null);

export interface ComputeRequest {
  certificateNumber: string;
  /** Omitted: the options remembered with the absence's last computation (or none). */
  options?: ComputationOptions;
  now: IsoTimestamp;
}

/** Computes the absence containing a certificate and stores the computation and its claim lines. */
export async function computeAbsence(db: SpotDb, req: ComputeRequest): Promise<ComputationView> {
  const target = await db.certificates.get(req.certificateNumber);
  if (!target) throw new MessageError('NOT_FOUND', errorText('NOT_FOUND', req.certificateNumber));
  const employerTax = target.employerTax;
  const worker: WorkerRow = (await db.workers.get(target.workerId))
    ?? { id: target.workerId, employerTax, name: target.workerName ?? '', emso: null, zzzsNumber: null, taxNumber: null };
  const rows = await workerCertificates(db, employerTax, worker.id);
  const certs = rows.map((r) => toCertificate(r, worker));
  const chain = target.status === 'cancelled' ? [toCertificate(target, worker)] : absenceOf(certs, target.number);
  const key = chain[0]!.number;
  const chainNumbers = chain.map((c) => c.number);
  const stored = await db.computations.where('certificateNumber').equals(key).filter((c) => c.employerTax === employerTax).first();
  const options: ComputationOptions = req.options ?? (stored?.data as StoredComputation | undefined)?.options ?? {};

  const weeklyHours = positive(options.weeklyHours) ?? 40;
  const settings = await readUiSettings(db);
  const minimumWage = positive(options.minimumWage) ?? positive(settings.parameterOverrides.minimumWage);
  const averageWage = positive(options.averageWage) ?? positive(settings.parameterOverrides.averageWage);
  const disclosures = await disclosuresOf(db, worker.id, chainNumbers);

  let view: Omit<ComputationView, 'id' | 'computedAt'>;
  try {
    const previous = previousAbsence(certs, chain, weeklyHours);
    const possibleRecurrence = previous !== null && previous.breakWorkingDays < RECURRENCE_BREAK_WORKING_DAYS.value;
    const previousEmployerDays = options.recurrence && previous ? previous.employerDays : null;
    const employerDaysUsedThisYear = employerDaysUsedBefore(certs, chain[0]!.from, weeklyHours);
    const parameters: Record<string, number> = {};
    if (minimumWage !== null) parameters.minimumWage = minimumWage;
    if (averageWage !== null) parameters.averageWage = averageWage;
    const calendar = options.calendar && Object.keys(options.calendar).length ? options.calendar : null;
    const raw = assembleCase(chain, disclosures.map((d) => d.data), {
      worker: { weeklyHours, currentHourlyPay: positive(options.currentHourlyPay), calendar },
      employerDaysUsedThisYear,
      recurrence: previousEmployerDays !== null ? { previousEmployerDays } : null,
      ...(positive(options.excludedAllowances) !== null ? { excludedAllowances: positive(options.excludedAllowances)! } : {}),
      ...(positive(options.valorisation) !== null ? { valorisation: positive(options.valorisation)! } : {}),
      ...(Object.keys(parameters).length ? { parameters } : {}),
    });
    const result = computeCase(raw);
    const claim = buildClaim(result, {
      worker: { name: worker.name || null, zzzsNumber: worker.zzzsNumber ?? null, emso: worker.emso },
      employerTaxNumber: employerTax, paymentDate: options.paymentDate ?? null, weeklyHours,
    });
    view = {
      employerTax, worker,
      absence: { key, from: chain[0]!.from, to: chain.reduce((m, c) => (c.to > m ? c.to : m), chain[0]!.to), certificates: rows.filter((r) => chainNumbers.includes(r.number)) },
      options, inputs: { employerDaysUsedThisYear, previousEmployerDays, minimumWage, averageWage },
      previous, possibleRecurrence, disclosures: disclosures.map(disclosureSummary), result, claim,
    };
    if (view.absence.certificates.length === 0) view.absence.certificates = [target];
  } catch (e) {
    if (e instanceof CaseInputError || e instanceof MissingRuleError || e instanceof RangeError) {
      throw new MessageError('INVALID_PAYLOAD', `Izračun ni mogoč: ${e.message}`);
    }
    throw e;
  }

  const data: StoredComputation = {
    absenceKey: key, certificates: chainNumbers, options, inputs: view.inputs, previous: view.previous,
    possibleRecurrence: view.possibleRecurrence, disclosureIds: disclosures.map((d) => d.id!), result: view.result, claim: view.claim,
  };
  const id = await db.transaction('rw', db.computations, db.claims, async () => {
    const old = await db.computations.where('certificateNumber').equals(key).filter((c) => c.employerTax === employerTax).primaryKeys();
    await db.computations.bulkDelete(old);
    const row: ComputationRow = { employerTax, certificateNumber: key, workerId: worker.id, computedAt: req.now, data };
    const newId = await db.computations.add(row);
    const oldClaims = await db.claims.where('certificateNumber').anyOf(chainNumbers).filter((c) => c.employerTax === employerTax).primaryKeys();
    await db.claims.bulkDelete(oldClaims);
    await db.claims.bulkAdd(view.claim.lines.map((line) => ({
      employerTax, certificateNumber: line.certificate, expiresOn: line.expiresOn,
      data: {
        computationId: newId, absenceKey: key, worker: view.claim.worker, paymentDate: view.claim.paymentDate,
        monthlyObligation: view.claim.monthlyObligation, line,
      } satisfies StoredClaimLine,
    })));
    return newId;
  });
  return { id, computedAt: req.now, ...view };
}

/** Every segment of the employer's stored computations, by worker and date, for export. */
export async function listSegments(db: SpotDb, employerTax: string): Promise<SegmentExport[]> {
  const rows = await db.computations.where('employerTax').equals(employerTax).toArray();
  const workers = new Map((await db.workers.bulkGet([...new Set(rows.map((r) => r.workerId))])).filter((w) => w).map((w) => [w!.id, w!]));
  const out: SegmentExport[] = [];
  for (const r of rows) {
    const data = r.data as StoredComputation;
    const w = workers.get(r.workerId);
    const worker = { name: w?.name ?? '', emso: w?.emso ?? null, zzzsNumber: w?.zzzsNumber ?? null, taxNumber: w?.taxNumber ?? null };
    for (const segment of data.result?.segments ?? []) out.push({ worker, computedAt: r.computedAt, segment });
  }
  return out.sort((a, b) => a.worker.name.localeCompare(b.worker.name, 'sl') || (a.segment.from < b.segment.from ? -1 : a.segment.from > b.segment.from ? 1 : 0));
}

/** One page of the employer's claim lines, the soonest to expire first. */
export async function listClaims(db: SpotDb, employerTax: string, offset: number, limit: number): Promise<Page<ClaimLineView>> {
  const rows = await db.claims.where('employerTax').equals(employerTax).toArray();
  rows.sort((a, b) => (a.expiresOn < b.expiresOn ? -1 : a.expiresOn > b.expiresOn ? 1 : (a.id ?? 0) - (b.id ?? 0)));
  return {
    total: rows.length, offset, hasMore: rows.length > offset + limit,
    rows: rows.slice(offset, offset + limit).map((r) => {
      const d = r.data as StoredClaimLine;
      return { id: r.id!, employerTax: r.employerTax, worker: d.worker, paymentDate: d.paymentDate, monthlyObligation: d.monthlyObligation, line: d.line };
    }),
  };
}

import { assembleCase } from '../lib/assemble.ts';
import { computeCase, warningText, type CompensationResult } from '../lib/compensation/index.ts';
import type { BasesExportRow, CertificateExportRow, ClaimExportRow, SegmentExportRow } from '../lib/exports.ts';
import { buildClaim } from '../lib/refund.ts';
import { Dec, money, sum } from '../lib/money.ts';
import { describeError } from './errors.ts';
import { readInputs, type FileNote, type ReadSet } from './inputs.ts';
import { PAIRING_WARNINGS, pairWorkers, type UnpairedDisclosures, type Worker } from './pairing.ts';

/**
 * What `bases` and `export` share: files → read → paired → computed, and the rows each
 * export is made of. One computation per worker (all their certificates at once, as the
 * engine chains them into absences; `result.absences[i]` is one absence).
 */

export interface Computed {
  worker: Worker;
  result: CompensationResult | null;
  /** Why the engine refused this worker's data (the message), when it did. */
  error: string | null;
}

export interface Batch {
  set: ReadSet;
  computed: Computed[];
  unpaired: UnpairedDisclosures[];
  /** Workers the engine could not compute: reported like failed files. */
  failed: FileNote[];
}

export async function runBatch(paths: readonly string[], onProgress?: (done: number, total: number) => void): Promise<Batch> {
  const set = await readInputs(paths, onProgress);
  const { workers, unpaired } = pairWorkers(set.certificates, set.disclosures, set.workers);
  const failed: FileNote[] = [];
  const computed = workers.map((worker): Computed => {
    try {
      const raw = assembleCase(worker.certificates.map((c) => c.certificate), worker.disclosures.map((d) => d.disclosure));
      return { worker, result: computeCase(raw), error: null };
    } catch (e) {
      const error = describeError(e);
      failed.push({ file: unique(worker.certificates.map((c) => c.file)).join(', '), reason: `izračun za ${worker.worker.name ?? 'delavca'}: ${error}` });
      return { worker, result: null, error };
    }
  });
  return { set, computed, unpaired, failed };
}

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

const textOf = (code: string): string => (PAIRING_WARNINGS[code] ?? warningText(code)).sl;

/** One line per absence (one per worker when nothing could be computed), with bases, months, hours and warnings. */
export function basesRows({ worker: w, result, error }: Computed): BasesExportRow[] {
  const base = {
    employerTaxNumber: w.employerTaxNumber, worker: w.worker, pairing: w.pairing, files: w.disclosures.map((d) => d.file),
  };
  const warningsFor = (codes: string[]): BasesExportRow['warnings'] => unique(codes).map((code) => ({ code, sl: textOf(code) }));
  if (!result || result.absences.length === 0) {
    const codes = [...w.warnings, ...(result?.warnings ?? [])];
    return [{
      ...base, certificates: w.certificates.map((c) => c.certificate.number), reason: w.certificates[0]?.certificate.reason ?? null,
      from: null, to: null, employerWorkingDays: null, zzzsFrom: null, zzzsBase: null, employerBase: null, amounts: null,
      warnings: error ? [...warningsFor(codes), { code: 'ENGINE_REFUSED', sl: error }] : warningsFor(codes),
    }];
  }
  return result.absences.map((a, i) => {
    const engine = result.warningDetails
      .filter((d) => d.absence === i || (d.absence === undefined && (d.certificate === undefined || a.certificates.includes(d.certificate))))
      .map((d) => d.code);
    const segments = result.segments.filter((s) => s.absence === i);
    /** The payer's total, or null when a segment has no amount (no base data). */
    const total = (payer: 'employer' | 'zzzs'): number | null => {
      const own = segments.filter((s) => s.payer === payer);
      return own.some((s) => s.amount === null) ? null : money(sum(own.map((s) => Dec.from(s.amount as number))));
    };
    return {
      ...base, certificates: a.certificates, reason: segments[0]?.reason ?? w.certificates.find((c) => c.certificate.number === a.certificates[0])?.certificate.reason ?? null,
      from: a.from, to: a.to, employerWorkingDays: a.employerWorkingDays, zzzsFrom: a.zzzsFrom,
      zzzsBase: a.zzzsBase, employerBase: a.employerBase, amounts: { employer: total('employer'), zzzs: total('zzzs') },
      warnings: warningsFor([...w.warnings, ...engine]),
    };
  });
}

export function certificateRows({ worker: w }: Computed): CertificateExportRow[] {
  return w.certificates.map(({ certificate: c }) => ({
    employerTaxNumber: w.employerTaxNumber,
    worker: { name: c.worker.name, emso: c.worker.emso, zzzsNumber: c.worker.zzzsNumber, taxNumber: w.worker.taxNumber ?? null },
    certificate: c,
  }));
}

export function segmentRows({ worker: w, result }: Computed): SegmentExportRow[] {
  return (result?.segments ?? []).map((segment) => ({ employerTaxNumber: w.employerTaxNumber, worker: w.worker, segment }));
}

export function claimRows({ worker: w, result }: Computed): ClaimExportRow[] {
  if (!result) return [];
  const claim = buildClaim(result, { worker: { name: w.worker.name, zzzsNumber: w.worker.zzzsNumber, emso: w.worker.emso }, employerTaxNumber: w.employerTaxNumber });
  return claim.lines.map((line) => ({ claim: { ...claim, workerTaxNumber: w.worker.taxNumber ?? null }, line }));
}

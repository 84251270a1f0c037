/**
 * The stored claims the in-page helper offers on SPOT's refund form: the `claims` rows of an
 * employer (one per ZZZS-paid segment of a stored computation), grouped per absence, newest
 * computation first.
 */
import { Dec } from '../../lib/money.ts';
import { MAX_CLAIM_CHOICES, type RefundClaimChoice } from '../../shared/protocol/prefill.ts';
import type { ClaimRow } from '../../shared/rows.ts';
import type { SpotDb } from '../db.ts';
import type { StoredClaimLine } from './computations.ts';

const isLine = (v: unknown): v is StoredClaimLine => {
  const d = v as Partial<StoredClaimLine> | null;
  return typeof d === 'object' && d !== null && typeof d.absenceKey === 'string' && typeof d.line === 'object' && d.line !== null;
};

/** Groups claim rows into one claim per absence (rows of other shapes are skipped). */
export function groupClaims(rows: readonly ClaimRow[], computedAt: ReadonlyMap<number, string>): RefundClaimChoice[] {
  const groups = new Map<string, { data: StoredClaimLine; lines: StoredClaimLine['line'][] }>();
  for (const row of rows) {
    if (!isLine(row.data)) continue;
    const key = `${row.data.computationId}:${row.data.absenceKey}`;
    const group = groups.get(key) ?? { data: row.data, lines: [] };
    group.lines.push(row.data.line);
    groups.set(key, group);
  }
  const out: RefundClaimChoice[] = [];
  for (const { data, lines } of groups.values()) {
    lines.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.certificate.localeCompare(b.certificate)));
    out.push({
      key: data.absenceKey,
      computedAt: computedAt.get(data.computationId) ?? null,
      worker: data.worker,
      paymentDate: data.paymentDate,
      monthlyObligation: data.monthlyObligation,
      lines,
      total: lines.reduce((acc, l) => (l.amount === null ? acc : acc.add(l.amount)), Dec.ZERO).toNumber(2),
      expiresOn: lines.reduce<string | null>((m, l) => (m === null || l.expiresOn < m ? l.expiresOn : m), null),
    });
  }
  return out.sort((a, b) => ((b.computedAt ?? '') < (a.computedAt ?? '') ? -1 : (b.computedAt ?? '') > (a.computedAt ?? '') ? 1 : b.key.localeCompare(a.key)));
}

/**
 * The employer's claims, newest first; with a certificate number, only the claims that have a
 * line of it — unless none has, then all of them (`matched: false`).
 */
export async function refundClaimChoices(
  db: SpotDb, employerTax: string, certificateNumber: string | null,
): Promise<{ claims: RefundClaimChoice[]; matched: boolean }> {
  const rows = await db.claims.where('employerTax').equals(employerTax).toArray();
  const ids = [...new Set(rows.map((r) => (isLine(r.data) ? r.data.computationId : null)).filter((id): id is number => typeof id === 'number'))];
  const computations = await db.computations.bulkGet(ids);
  const computedAt = new Map(computations.filter((c) => c).map((c) => [c!.id!, c!.computedAt]));
  const all = groupClaims(rows, computedAt);
  if (certificateNumber) {
    const matching = all.filter((c) => c.lines.some((l) => l.certificate === certificateNumber));
    if (matching.length > 0) return { claims: matching.slice(0, MAX_CLAIM_CHOICES), matched: true };
  }
  return { claims: all.slice(0, MAX_CLAIM_CHOICES), matched: false };
}

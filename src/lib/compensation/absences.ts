import { addDays, toDayNumber, type IsoDate } from '../dates.ts';
import { isWorkingDay } from '../calendar.ts';
import type { Reason, ReasonGroup } from '../rules/reasons.ts';
import type { CaseCertificate } from './input.ts';

export interface AbsenceCertificate extends CaseCertificate {
  reasonInfo: Reason;
  /** First day counted for this certificate (later than `from` when it overlapped an earlier one). */
  effectiveFrom: IsoDate;
  /** `effectiveFrom` and `to` as day numbers, read once (issue 8). */
  effectiveFromDn: number;
  toDn: number;
}

/** A chain of certificates of one worker, one reason group, with no working day between them (RULES §4). */
export interface Absence {
  group: ReasonGroup;
  /** Reason code of a group of its own, to keep e.g. 06 and 09 apart. */
  groupKey: string;
  certificates: AbsenceCertificate[];
  from: IsoDate;
  to: IsoDate;
}

/** True when no working day lies strictly between `a` and `b` (a < b). */
export function noWorkingDayBetween(a: IsoDate, b: IsoDate): boolean {
  for (let d = addDays(a, 1); d < b; d = addDays(d, 1)) if (isWorkingDay(d)) return false;
  return true;
}

/**
 * The certificate as the engine counts it. Written out field by field: a spread copies
 * through a slow generic path, and every certificate is copied twice per computation (issue 8).
 */
export function absenceCertificate(
  c: CaseCertificate, reasonInfo: Reason, effectiveFrom: IsoDate,
  effectiveFromDn = toDayNumber(effectiveFrom), toDn = toDayNumber(c.to),
): AbsenceCertificate {
  return {
    number: c.number, kind: c.kind, reason: c.reason, from: c.from, to: c.to, hoursPerDay: c.hoursPerDay, status: c.status,
    reasonInfo, effectiveFrom, effectiveFromDn, toDn,
  };
}

const byStart = (x: AbsenceCertificate, y: AbsenceCertificate): number =>
  (x.from < y.from ? -1 : x.from > y.from ? 1 : x.number < y.number ? -1 : 1);

function inOrder(certs: readonly AbsenceCertificate[]): boolean {
  for (let i = 1; i < certs.length; i++) if (byStart(certs[i - 1]!, certs[i]!) > 0) return false;
  return true;
}

const groupKeyOf = (r: Reason): string => (r.group === 'OWN' ? `OWN:${r.code}` : r.group);

/**
 * Chains certificates into absences. Certificates must be valid, not cancelled and of known
 * reasons. A certificate overlapping an earlier one of the same absence starts after it,
 * so that no day is counted twice; one wholly inside an earlier one adds nothing.
 */
export function chainAbsences(certs: readonly AbsenceCertificate[]): { absences: Absence[]; overlapped: string[] } {
  // Certificates nearly always come in order; sorting a copy allocates (issue 8).
  const sorted = inOrder(certs) ? certs : [...certs].sort(byStart);
  const absences: Absence[] = [];
  // The open absence of each group; a case has one or two groups, so a list beats a Map (issue 8).
  const lastOfGroup: Absence[] = [];
  const overlapped: string[] = [];
  for (const cert of sorted) {
    const key = groupKeyOf(cert.reasonInfo);
    const open = lastOfGroup.find((a) => a.groupKey === key);
    if (open && (cert.from <= open.to || noWorkingDayBetween(open.to, cert.from))) {
      if (cert.from <= open.to) {
        overlapped.push(cert.number);
        if (cert.to <= open.to) continue;
      }
      const effectiveFrom = cert.from <= open.to ? addDays(open.to, 1) : cert.from;
      open.certificates.push(absenceCertificate(cert, cert.reasonInfo, effectiveFrom, effectiveFrom === cert.effectiveFrom ? cert.effectiveFromDn : toDayNumber(effectiveFrom), cert.toDn));
      open.to = cert.to;
      continue;
    }
    const absence: Absence = {
      group: cert.reasonInfo.group, groupKey: key, certificates: [absenceCertificate(cert, cert.reasonInfo, cert.from, cert.effectiveFromDn, cert.toDn)], from: cert.from, to: cert.to,
    };
    absences.push(absence);
    const at = lastOfGroup.findIndex((a) => a.groupKey === key);
    if (at >= 0) lastOfGroup[at] = absence;
    else lastOfGroup.push(absence);
  }
  return { absences, overlapped };
}

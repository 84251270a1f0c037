import { Dec } from '../money.ts';
import { fullTimeHours } from '../calendar.ts';
import type { Param, Rules } from '../rules/index.ts';
import type { DaySegment } from './segments.ts';
import { formatNumber, type Lang } from '../format.ts';

export interface Limit {
  value: Dec;
  /** How the value was worked out, written when the trace is read (issue 8: not per computation). */
  formula: (lang: Lang) => string;
  source: string;
  status?: string;
}

export interface SegmentAmount {
  /** hourly base × hours × percentage, rounded. */
  raw: Dec;
  amount: Dec;
  floor: Limit | null;
  cap: Limit | null;
  applied: 'floor' | 'cap' | 'currentPay' | null;
  missing: string[];
}

const n = (v: Dec | number, lang: Lang, places: number | null = null): string => formatNumber(v, places, lang);

function perHours(share: Param<Dec>, wage: Param<Dec>, month: string, hours: Dec): { value: Dec; ft: number } {
  const ft = fullTimeHours(month);
  return { value: share.value.mul(wage.value).div(ft).mul(hours).round(2), ft };
}

/**
 * The amount of a segment (RULES §7): round2(hourly base × hours × percentage / 100); ZZZS
 * segments at least the floor and (days from 2024) at most the cap, both pro-rated per hour
 * of the month's full-time hours; employer segments at most what the worker would have
 * earned by working, when the current hourly pay is known.
 */
export function segmentAmount(seg: DaySegment, hourlyBase: Dec, rules: Rules, currentHourlyPay: Dec | null): SegmentAmount {
  const raw = hourlyBase.mul(seg.hours).mul(seg.percentage).div(100).round(2);
  const out: SegmentAmount = { raw, amount: raw, floor: null, cap: null, applied: null, missing: [] };
  if (seg.payer === 'employer') {
    if (currentHourlyPay) {
      const earn = currentHourlyPay.mul(seg.hours).round(2);
      out.cap = { value: earn, formula: (l) => `${n(currentHourlyPay, l, 2)} €/h × ${n(seg.hours, l)} h`, source: 'ZDR-1 čl. 137' };
      if (earn.cmp(raw) < 0) { out.amount = earn; out.applied = 'currentPay'; }
    }
    return out;
  }
  const floorShare = rules.floorShare(seg.from);
  if (floorShare) {
    const minWage = rules.minimumWage(seg.month);
    if (!minWage) out.missing.push('minimumWage');
    else {
      const { value, ft } = perHours(floorShare, minWage, seg.month, seg.hours);
      out.floor = {
        value, formula: (l) => `${n(floorShare.value, l)} × ${n(minWage.value, l, 2)} € / ${ft} h × ${n(seg.hours, l)} h`,
        source: `${floorShare.source}; ${minWage.source}`, ...(floorShare.status ? { status: floorShare.status } : {}),
      };
      if (value.cmp(out.amount) > 0) { out.amount = value; out.applied = 'floor'; }
    }
  }
  const capMultiple = rules.capMultiple(seg.from);
  if (capMultiple) {
    const avg = rules.averageWageForCap(seg.month);
    if (!avg) out.missing.push('averageWage');
    else {
      const { value, ft } = perHours(capMultiple, avg, seg.month, seg.hours);
      out.cap = {
        value, formula: (l) => `${n(capMultiple.value, l)} × ${n(avg.value, l, 2)} € / ${ft} h × ${n(seg.hours, l)} h`,
        source: `${capMultiple.source}; ${avg.source}`, ...(avg.status ? { status: avg.status } : capMultiple.status ? { status: capMultiple.status } : {}),
      };
      if (value.cmp(out.amount) < 0) { out.amount = value; out.applied = 'cap'; }
    }
  }
  return out;
}

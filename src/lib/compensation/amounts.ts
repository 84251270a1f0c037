import type { Dec } from '../money.ts';
import { fullTimeHours } from '../calendar.ts';
import type { Param, Rules } from '../rules/index.ts';
import type { DaySegment } from './segments.ts';
import { formatNumber, type Lang } from '../format.ts';

/**
 * A floor or cap of a segment. Its formula and source are written when the trace is read:
 * a computation keeps only the figures (issue 8: no text and no closure per segment).
 */
export interface Limit {
  value: Dec;
  formula(lang: Lang): string;
  readonly source: string;
  readonly status?: string | undefined;
}

export interface SegmentAmount {
  /** hourly base × hours × percentage, rounded. */
  raw: Dec;
  amount: Dec;
  floor: Limit | null;
  cap: Limit | null;
  applied: 'floor' | 'cap' | 'currentPay' | null;
  missing: readonly string[];
}

const n = (v: Dec | number, lang: Lang, places: number | null = null): string => formatNumber(v, places, lang);

/** What the worker would have earned by working: current hourly pay × hours. */
class CurrentPayLimit implements Limit {
  constructor(readonly value: Dec, private readonly pay: Dec, private readonly hours: Dec) {}
  get source(): string { return 'ZDR-1 čl. 137'; }
  get status(): undefined { return undefined; }
  formula(l: Lang): string { return `${n(this.pay, l, 2)} €/h × ${n(this.hours, l)} h`; }
}

/** A share or multiple of a monthly wage, pro-rated per hour of the month's full-time hours. */
class PerHourLimit implements Limit {
  readonly value: Dec;
  private readonly ft: number;
  constructor(
    private readonly share: Param<Dec>, private readonly wage: Param<Dec>, month: string, private readonly hours: Dec,
    /** The floor names the share's status; the cap the wage's, else the multiple's. */
    private readonly wageStatusFirst: boolean,
  ) {
    this.ft = fullTimeHours(month);
    this.value = share.value.mul(wage.value).div(this.ft).mul(hours).round(2);
  }
  get source(): string { return `${this.share.source}; ${this.wage.source}`; }
  get status(): string | undefined { return (this.wageStatusFirst ? this.wage.status : undefined) ?? this.share.status; }
  formula(l: Lang): string {
    return `${n(this.share.value, l)} × ${n(this.wage.value, l, 2)} € / ${this.ft} h × ${n(this.hours, l)} h`;
  }
}

const NONE_MISSING: readonly string[] = Object.freeze([]);

/**
 * The amount of a segment (RULES §7): round2(hourly base × hours × percentage / 100); ZZZS
 * segments at least the floor and (days from 2024) at most the cap, both pro-rated per hour
 * of the month's full-time hours; employer segments at most what the worker would have
 * earned by working, when the current hourly pay is known.
 */
export function segmentAmount(seg: DaySegment, hourlyBase: Dec, rules: Rules, currentHourlyPay: Dec | null): SegmentAmount {
  const raw = hourlyBase.mul(seg.hours).mul(seg.percentage).div(100).round(2);
  const out: SegmentAmount = { raw, amount: raw, floor: null, cap: null, applied: null, missing: NONE_MISSING };
  if (seg.payer === 'employer') {
    if (currentHourlyPay) {
      const earn = currentHourlyPay.mul(seg.hours).round(2);
      out.cap = new CurrentPayLimit(earn, currentHourlyPay, seg.hours);
      if (earn.cmp(raw) < 0) { out.amount = earn; out.applied = 'currentPay'; }
    }
    return out;
  }
  let missing: string[] | null = null;
  const floorShare = rules.floorShare(seg.from);
  if (floorShare) {
    const minWage = rules.minimumWage(seg.month);
    if (!minWage) (missing ??= []).push('minimumWage');
    else {
      const floor = new PerHourLimit(floorShare, minWage, seg.month, seg.hours, false);
      out.floor = floor;
      if (floor.value.cmp(out.amount) > 0) { out.amount = floor.value; out.applied = 'floor'; }
    }
  }
  const capMultiple = rules.capMultiple(seg.from);
  if (capMultiple) {
    const avg = rules.averageWageForCap(seg.month);
    if (!avg) (missing ??= []).push('averageWage');
    else {
      const cap = new PerHourLimit(capMultiple, avg, seg.month, seg.hours, true);
      out.cap = cap;
      if (cap.value.cmp(out.amount) < 0) { out.amount = cap.value; out.applied = 'cap'; }
    }
  }
  if (missing) out.missing = missing;
  return out;
}

import { Dec } from '../money.ts';
import { fromDayNumber, type IsoDate, type IsoMonth } from '../dates.ts';
import type { AbsenceCertificate } from './absences.ts';

export type Payer = 'employer' | 'zzzs';

/** A maximal run of days with the same certificate, payer, percentage and calendar month (RULES §7). */
export interface DaySegment {
  cert: AbsenceCertificate;
  payer: Payer;
  percentage: number;
  month: IsoMonth;
  from: IsoDate;
  to: IsoDate;
  workingDays: number;
  hours: Dec;
}

const monthTexts = new Map<number, IsoMonth>();

/** `YYYY-MM` of a month key (year × 12 + month − 1), made once per month. */
export function monthKeyToIso(key: number): IsoMonth {
  let text = monthTexts.get(key);
  if (text === undefined) {
    text = `${String(Math.floor(key / 12)).padStart(4, '0')}-${String((key % 12) + 1).padStart(2, '0')}`;
    monthTexts.set(key, text);
  }
  return text;
}

/**
 * Collects the days of an absence, one at a time and in order, into segments. A day is a
 * handful of numbers, not an object (issue 8: tens of days per absence, thousands of
 * absences). Hours are counted per kind of day and multiplied out once per segment, which
 * is exact and gives the same sum as adding day by day.
 */
export class SegmentCollector {
  readonly segments: DaySegment[] = [];
  private cert: AbsenceCertificate | null = null;
  private payer: Payer = 'employer';
  private percentage = 0;
  private monthKey = 0;
  private fromDn = 0;
  private toDn = 0;
  private workingDays = 0;
  /** Days at the usual hours `full`, at the certificate's partial hours, and the sum of special days. */
  private fullDays = 0;
  private partialDays = 0;
  private special: Dec | null = null;

  constructor(private readonly full: Dec) {}

  /**
   * One day. `hours` is 'full' or 'partial' for a working day at the usual or the
   * certificate's hours, 'none' for a day of 0 hours, or the hours of a special day.
   */
  day(cert: AbsenceCertificate, dn: number, monthKey: number, payer: Payer, percentage: number, working: boolean, hours: 'full' | 'partial' | 'none' | Dec): void {
    this.extend(cert, dn, dn, monthKey, payer, percentage);
    if (working) this.workingDays++;
    if (hours === 'full') this.fullDays++;
    else if (hours === 'partial') this.partialDays++;
    else if (hours !== 'none') this.special = this.special === null ? hours : this.special.add(hours);
  }

  /**
   * Days `fromDn`..`toDn` of one certificate, alike in payer, percentage and month, of which
   * `workingDays` are working days at the usual or the certificate's hours and the rest 0.
   */
  run(cert: AbsenceCertificate, fromDn: number, toDn: number, monthKey: number, payer: Payer, percentage: number, workingDays: number): void {
    this.extend(cert, fromDn, toDn, monthKey, payer, percentage);
    this.workingDays += workingDays;
    if (cert.hoursPerDay === null) this.fullDays += workingDays;
    else this.partialDays += workingDays;
  }

  /** Continues the current segment up to `toDn`, or ends it and starts one at `fromDn` when the days differ in what makes a segment. */
  private extend(cert: AbsenceCertificate, fromDn: number, toDn: number, monthKey: number, payer: Payer, percentage: number): void {
    if (cert !== this.cert || payer !== this.payer || percentage !== this.percentage || monthKey !== this.monthKey) {
      this.flush();
      this.cert = cert;
      this.payer = payer;
      this.percentage = percentage;
      this.monthKey = monthKey;
      this.fromDn = fromDn;
    }
    this.toDn = toDn;
  }

  /** Ends the current segment, if any. */
  flush(): void {
    const cert = this.cert;
    if (cert === null) return;
    let hours = this.special ?? Dec.ZERO;
    if (this.fullDays) hours = hours.add(this.full.mul(this.fullDays));
    if (this.partialDays) hours = hours.add(Dec.from(cert.hoursPerDay as number).mul(this.partialDays));
    this.segments.push({
      cert, payer: this.payer, percentage: this.percentage, month: monthKeyToIso(this.monthKey),
      from: fromDayNumber(this.fromDn), to: fromDayNumber(this.toDn), workingDays: this.workingDays, hours,
    });
    this.cert = null;
    this.workingDays = 0;
    this.fullDays = 0;
    this.partialDays = 0;
    this.special = null;
  }
}

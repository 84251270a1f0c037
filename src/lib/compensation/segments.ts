import { Dec, sum } from '../money.ts';
import type { IsoDate, IsoMonth } from '../dates.ts';
import type { Day, Payer } from './days.ts';
import type { AbsenceCertificate } from './absences.ts';

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
  days: Day[];
}

export function segmentDays(days: readonly Day[]): DaySegment[] {
  const out: DaySegment[] = [];
  let cur: Day[] = [];
  const flush = (): void => {
    if (cur.length === 0) return;
    const first = cur[0]!;
    out.push({
      cert: first.cert, payer: first.payer, percentage: first.percentage, month: first.month,
      from: first.date, to: cur[cur.length - 1]!.date,
      workingDays: cur.filter((d) => d.working).length,
      hours: sum(cur.map((d) => d.hours)),
      days: cur,
    });
    cur = [];
  };
  for (const d of days) {
    const last = cur[cur.length - 1];
    if (last && (last.cert !== d.cert || last.payer !== d.payer || last.percentage !== d.percentage || last.month !== d.month)) flush();
    cur.push(d);
  }
  flush();
  return out;
}


import { Dec, sum } from '../money.ts';
import { fromDayNumber, type IsoDate, type IsoMonth } from '../dates.ts';
import { monthKeyToIso, type Day, type Payer } from './days.ts';
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
}

/** Σ hours, counting equal (shared) values instead of adding them one by one. */
function sumHours(days: readonly Day[], start: number, end: number): Dec {
  const counts = new Map<Dec, number>();
  for (let i = start; i < end; i++) {
    const h = days[i]!.hours;
    counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  return sum([...counts].map(([h, n]) => (n === 1 ? h : h.mul(n))));
}

export function segmentDays(days: readonly Day[]): DaySegment[] {
  const out: DaySegment[] = [];
  let start = 0;
  for (let i = 1; i <= days.length; i++) {
    const a = days[start]!;
    const b = days[i];
    if (b && b.cert === a.cert && b.payer === a.payer && b.percentage === a.percentage && b.monthKey === a.monthKey) continue;
    let working = 0;
    for (let j = start; j < i; j++) if (days[j]!.working) working++;
    out.push({
      cert: a.cert, payer: a.payer, percentage: a.percentage, month: monthKeyToIso(a.monthKey),
      from: fromDayNumber(a.dn), to: fromDayNumber(days[i - 1]!.dn), workingDays: working, hours: sumHours(days, start, i),
    });
    start = i;
  }
  return out;
}

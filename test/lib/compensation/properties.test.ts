import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeCase } from '../../../src/lib/compensation/index.ts';
import { addDays, addMonths, eachDay, monthOf } from '../../../src/lib/dates.ts';
import { Dec, sum } from '../../../src/lib/money.ts';

const KNOWN_REASONS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '11', '12', '16'];

/** Non-overlapping certificates: each starts 0–12 days after the previous one ends. */
const certificatesArb = fc
  .record({
    start: fc.integer({ min: 0, max: 365 * 4 }),
    parts: fc.array(
      fc.record({
        gap: fc.integer({ min: 1, max: 12 }),
        length: fc.integer({ min: 1, max: 45 }),
        reason: fc.constantFrom(...KNOWN_REASONS),
        cancelled: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
        partial: fc.option(fc.constantFrom(2, 3.5, 4, 6), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  })
  .map(({ start, parts }) => {
    let cursor = addDays('2022-01-01', start);
    return parts.map((p, i) => {
      const from = addDays(cursor, p.gap - 1);
      const to = addDays(from, p.length - 1);
      cursor = addDays(to, 1);
      return {
        number: String(2_000_000 + i), kind: 'eBOL', reason: p.reason, from, to,
        status: p.cancelled ? 'cancelled' : 'issued', ...(p.partial ? { hoursPerDay: p.partial } : {}),
      };
    });
  });

const rowsArb = (fromMonth: string, months: number) =>
  fc.array(
    fc.record({
      offset: fc.integer({ min: 0, max: months - 1 }),
      amount: fc.option(fc.integer({ min: 0, max: 1_500_000 }).map((c) => c / 100), { nil: null, freq: 8 }),
      hours: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null, freq: 8 }),
      incomeType: fc.constantFrom('1001', '1001', '1002', '1090'),
    }),
    { maxLength: 20 },
  ).map((rows) => rows.map((r) => ({
    month: addMonths(fromMonth, r.offset), source: 'REK', incomeType: r.incomeType, amount: r.amount, hours: r.hours,
  })));

const caseArb = fc.record({
  certificates: certificatesArb,
  weeklyHours: fc.constantFrom(40, 40, 30, 20, 36),
  used: fc.integer({ min: 0, max: 130 }),
  recurrence: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
  employerRows: rowsArb('2021-09', 66),
  zzzsRows: rowsArb('2020-01', 84),
  excluded: fc.constantFrom(0, 0, 150.25),
  chp: fc.option(fc.constantFrom(9.5, 25), { nil: undefined }),
}).map((c) => ({
  worker: { weeklyHours: c.weeklyHours, ...(c.chp ? { currentHourlyPay: c.chp } : {}) },
  certificates: c.certificates,
  employerDaysUsedThisYear: c.used,
  ...(c.recurrence !== undefined ? { recurrence: { previousEmployerDays: c.recurrence } } : {}),
  employerBase: { rows: c.employerRows },
  zzzsBase: { rows: c.zzzsRows, excludedAllowances: c.excluded },
}));

describe('compensation engine properties (random valid cases)', () => {
  it('segments cover every day of every non-cancelled certificate exactly once', () => {
    fc.assert(fc.property(caseArb, (input) => {
      const result = computeCase(input);
      const covered = new Map<string, number>();
      for (const s of result.segments) {
        expect(s.from <= s.to).toBe(true);
        expect(monthOf(s.from)).toBe(monthOf(s.to));
        for (const d of eachDay(s.from, s.to)) covered.set(`${s.certificate}:${d}`, (covered.get(`${s.certificate}:${d}`) ?? 0) + 1);
      }
      const expected = new Set<string>();
      for (const c of input.certificates) {
        if (c.status === 'cancelled') continue;
        for (const d of eachDay(c.from, c.to)) expected.add(`${c.number}:${d}`);
      }
      expect(new Set(covered.keys())).toEqual(expected);
      for (const n of covered.values()) expect(n).toBe(1);
    }), { numRuns: 300 });
  });

  it('the payer never returns from ZZZS to the employer within an absence', () => {
    fc.assert(fc.property(caseArb, (input) => {
      const result = computeCase(input);
      const seenZzzs = new Set<number>();
      for (const s of result.segments) {
        if (s.payer === 'zzzs') seenZzzs.add(s.absence);
        else expect(seenZzzs.has(s.absence)).toBe(false);
      }
    }), { numRuns: 300 });
  });

  it('amounts are never negative or NaN, and totals equal the sum of segments', () => {
    fc.assert(fc.property(caseArb, (input) => {
      const result = computeCase(input);
      for (const s of result.segments) {
        for (const v of [s.hours, s.percentage, s.workingDays]) expect(Number.isFinite(v) && v >= 0).toBe(true);
        if (s.amount !== null) expect(Number.isFinite(s.amount) && s.amount >= 0).toBe(true);
        if (s.hourlyBase !== null) expect(Number.isFinite(s.hourlyBase) && s.hourlyBase >= 0).toBe(true);
        expect(s.amount === null).toBe(s.hourlyBase === null);
      }
      for (const payer of ['employer', 'zzzs'] as const) {
        const total = sum(result.segments.filter((s) => s.payer === payer && s.amount !== null).map((s) => Dec.from(s.amount!)));
        expect(result.totals[payer]).toBe(total.toNumber(2));
      }
      if (result.segments.some((s) => s.amount === null)) expect(result.warnings).toContain('NO_BASE_DATA');
    }), { numRuns: 300 });
  });
});

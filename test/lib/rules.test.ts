import { describe, expect, it } from 'vitest';
import {
  ANNUAL_AVERAGE_WAGE, ANNUAL_LIMIT_A, createRules, MINIMUM_WAGE, PER_ABSENCE_LIMIT_A, PER_ABSENCE_LIMIT_B, REASONS, type Dated,
} from '../../src/lib/rules/index.ts';
import { addDays } from '../../src/lib/dates.ts';

function assertNoOverlap(rows: readonly Dated<unknown>[]): void {
  const sorted = [...rows].sort((a, b) => (a.from < b.from ? -1 : 1));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    expect(prev.to, `row before ${sorted[i]!.from} must end`).toBeDefined();
    expect(addDays(prev.to!, 1)).toBe(sorted[i]!.from);
  }
  for (const r of rows) expect(r.source.length).toBeGreaterThan(3);
}

describe('rules tables', () => {
  it('dated tables are contiguous, never overlapping, and each row names its source', () => {
    for (const t of [PER_ABSENCE_LIMIT_A, PER_ABSENCE_LIMIT_B, ANNUAL_LIMIT_A, MINIMUM_WAGE, ANNUAL_AVERAGE_WAGE]) assertNoOverlap(t);
    for (const r of REASONS) assertNoOverlap(r.zzzs);
  });
  it('looks limits up by the date of the day', () => {
    const rules = createRules();
    expect(rules.perAbsenceLimit('A', '2022-02-28')?.value).toBe(30);
    expect(rules.perAbsenceLimit('A', '2022-03-01')?.value).toBe(20);
    expect(rules.perAbsenceLimit('A', '2023-12-31')?.value).toBe(20);
    expect(rules.perAbsenceLimit('A', '2024-01-01')?.value).toBe(30);
    expect(rules.perAbsenceLimit('B', '2023-06-01')?.value).toBe(30);
    expect(rules.perAbsenceLimit('OWN', '2023-06-01')).toBeNull();
    expect(rules.annualLimit('A', '2023-05-01')?.value).toBe(80);
    expect(rules.annualLimit('A', '2025-05-01')).toMatchObject({ value: 120, status: 'UNCONFIRMED' });
  });
  it('uses the previous year\'s average wage for the cap (CONVENTION) and honours overrides', () => {
    const rules = createRules();
    expect(rules.averageWageForCap('2026-02')?.value.toFixed(2)).toBe('2536.03');
    expect(rules.averageWageForCap('2026-02')?.status).toBe('CONVENTION');
    expect(rules.averageWageForCap('2025-06')?.value.toFixed(2)).toBe('2395.00');
    expect(rules.averageWageForCap('2027-06')).toBeNull();
    const o = createRules({ averageWage: { '2027': 2700, '2027-06': '2750.50' }, minimumWage: 1500 });
    expect(o.averageWageForCap('2027-06')?.value.toFixed(2)).toBe('2750.50');
    expect(o.averageWageForCap('2027-05')?.value.toFixed(2)).toBe('2700.00');
    expect(o.minimumWage('2024-01')).toMatchObject({ overridden: true });
    expect(createRules().minimumWage('2026-03')?.value.toFixed(2)).toBe('1481.88');
  });
  it('knows every reason code of RULES §2 and no others', () => {
    expect(REASONS.map((r) => r.code)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '16']);
    const rules = createRules();
    expect(rules.reason('13')).toBeNull();
    expect(rules.zzzsPercentages(rules.reason('01')!, '2025-01-01')?.value).toEqual({ first90: 80, from91: 90 });
  });
});

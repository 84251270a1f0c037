import { describe, expect, it } from 'vitest';
import { absenceOf, assembleCase, baseRows, employerDaysUsedBefore, latestVersions } from '../../src/lib/assemble.ts';
import { computeCase } from '../../src/lib/compensation/index.ts';
import type { Certificate } from '../../src/lib/certificates.ts';
import type { Disclosure } from '../../src/lib/disclosure/model.ts';

const cert = (number: string, reason: string, from: string, to: string, status: 'issued' | 'cancelled' = 'issued'): Certificate => ({
  number, kind: 'eBOL', worker: { name: 'Novak Ana', zzzsNumber: null, emso: null }, reason, from, to, hoursPerDay: null, status, issuedOn: null,
});

const disclosure = (q: string, validUntil: string, payer: 'zzzs' | 'employer' | null, rows: [string, number, number][], preparedOn = validUntil): Disclosure => ({
  type: 'disclosure', queryNumber: q, employerTaxNumber: '12345679', workerTaxNumber: '87654321', preparedOn, validUntil,
  sections: [{
    basePeriod: { from: null, to: null }, payer, noData: rows.length === 0,
    rows: rows.map(([month, amount, hours]) => ({ month, source: 'REK', incomeType: '1001', amount, hours })),
    totals: { amount: 0, hours: 0 },
  }],
  warnings: [],
});

describe('assembling a case from stored data', () => {
  it('finds the chain of certificates of an absence, skipping cancelled ones and other groups', () => {
    const certs = [
      cert('1', '01', '2025-04-01', '2025-04-30'),
      cert('2', '02', '2025-05-01', '2025-05-23'),
      cert('3', '01', '2025-05-26', '2025-05-30', 'cancelled'),
      cert('4', '06', '2025-05-24', '2025-05-30'),
      cert('5', '01', '2025-06-10', '2025-06-12'),
    ];
    expect(absenceOf(certs, '2').map((c) => c.number)).toEqual(['1', '2']);
    expect(absenceOf(certs, '5').map((c) => c.number)).toEqual(['5']);
    expect(absenceOf(certs, '4').map((c) => c.number)).toEqual(['4']);
  });

  it('uses the newest version of a query and never counts a month twice', () => {
    const old = disclosure('P-1', '2025-03-01', 'zzzs', [['2024-01', 1000, 100], ['2024-02', 1000, 100]], '2025-03-02');
    const newer = disclosure('P-1', '2025-03-14', 'zzzs', [['2024-01', 1100, 110], ['2024-02', 1100, 110]], '2025-03-15');
    expect(latestVersions([old, newer])).toEqual([newer]);
    const other = disclosure('P-2', '2025-04-01', 'zzzs', [['2024-02', 999, 99], ['2024-03', 1200, 120]], '2025-04-02');
    const { rows } = baseRows([old, newer, other], 'zzzs');
    expect(rows.map((r) => [r.month, r.amount])).toEqual([['2024-01', 1100], ['2024-02', 999], ['2024-03', 1200]]);
    expect(baseRows([newer], 'employer').rows).toEqual([]);
    expect(baseRows([disclosure('P-3', '2025-04-01', null, [['2025-03', 1, 1]])], 'employer').rows).toHaveLength(1);
  });

  it('derives the employer days already used this year from earlier certificates', () => {
    const certs = [cert('1', '01', '2025-02-03', '2025-02-14'), cert('2', '01', '2024-12-16', '2025-01-03'), cert('3', '06', '2025-03-03', '2025-03-07')];
    // 1–3 January 2025 (holidays count as working days) + 10 days in February; care of a family member is never employer-paid.
    expect(employerDaysUsedBefore(certs, '2025-04-01')).toBe(13);
    expect(employerDaysUsedBefore(certs, '2025-02-03')).toBe(3);
  });

  it('produces a case the engine computes', () => {
    const certs = [cert('1000002', '01', '2025-04-01', '2025-04-30'), cert('1000003', '01', '2025-05-01', '2025-05-23')];
    const zzzs = disclosure('P-9', '2025-03-14', 'zzzs', Array.from({ length: 12 }, (_, i) => [`2024-${String(i + 1).padStart(2, '0')}`, 2224, 160] as [string, number, number]));
    const employer = disclosure('P-10', '2025-04-02', 'employer', [['2025-03', 2450, 168]]);
    const result = computeCase(assembleCase(certs, [zzzs, employer]));
    expect(result.segments.map((s) => [s.payer, s.hourlyBase])).toEqual([['employer', 14.58], ['employer', 14.58], ['zzzs', 13.9]]);
  });
});

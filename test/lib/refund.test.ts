import { describe, expect, it } from 'vitest';
import { buildClaim, claimExpiry, defaultMonthlyObligation, expiryState } from '../../src/lib/refund.ts';
import { computeCase } from '../../src/lib/compensation/index.ts';
import { goldenCases } from '../shared-cases.ts';

describe('refund claims', () => {
  it('lapses three years after the 19th of the following month, or after the day after an earlier payment', () => {
    expect(claimExpiry('2025-05-23')).toMatchObject({ dueOn: '2025-06-19', expiresOn: '2028-06-19', warnFrom: '2028-04-20' });
    expect(claimExpiry('2025-12-31')).toMatchObject({ dueOn: '2026-01-19', expiresOn: '2029-01-19' });
    expect(claimExpiry('2025-05-23', '2025-06-10')).toMatchObject({ dueOn: '2025-06-11', expiresOn: '2028-06-11' });
    expect(claimExpiry('2025-05-23', '2025-06-25').dueOn).toBe('2025-06-19');
  });

  it('tells open, expiring (60 days before) and expired claims apart', () => {
    const line = claimExpiry('2025-05-23');
    expect(expiryState(line, '2028-04-19')).toBe('open');
    expect(expiryState(line, '2028-04-20')).toBe('expiring');
    expect(expiryState(line, '2028-06-19')).toBe('expiring');
    expect(expiryState(line, '2028-06-20')).toBe('expired');
  });

  it('has one line per ZZZS-paid segment with the base of the absence', () => {
    const golden = goldenCases().find((c) => c.name.startsWith('06-'))!;
    const result = computeCase(golden.input);
    const claim = buildClaim(result, { worker: { name: 'Novak Ana', zzzsNumber: '012345678', emso: null }, employerTaxNumber: '12345679' });
    const zzzs = result.segments.filter((s) => s.payer === 'zzzs');
    expect(claim.lines).toHaveLength(zzzs.length);
    expect(claim.lines[0]).toMatchObject({
      certificate: '1000101', from: '2025-02-17', to: '2025-02-28', hours: 80, baseYear: 2024, baseMonths: 12,
      hourlyBase: 14.59, percentage: 70, amount: 817.04, complete: true,
    });
    expect(claim.total).toBe(result.totals.zzzs);
    expect(claim.monthlyObligation).toBe(173.33);
    expect(claim.expiresOn).toBe('2028-03-19');
  });

  it('keeps the monthly obligation within 1–200 hours', () => {
    expect(defaultMonthlyObligation(20)).toBe(86.67);
    expect(defaultMonthlyObligation(60)).toBe(200);
    const result = computeCase(goldenCases()[0]!.input);
    expect(() => buildClaim(result, { worker: { name: null, zzzsNumber: null, emso: null }, monthlyObligation: 0 })).toThrow(/med 1 in 200/);
  });
});

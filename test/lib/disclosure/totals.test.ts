import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactSum, sumField } from '../../../src/lib/disclosure/totals.ts';

// sumField adds whole cents in one pass when it can; exactSum is the general rule.
describe('sumField: the sum in cents is exactSum', () => {
  const same = (values: Array<number | null>): void => {
    const rows = values.map((v) => ({ amount: v, hours: v }));
    expect(Object.is(sumField(rows, 'amount'), exactSum(values))).toBe(true);
    expect(Object.is(sumField(rows, 'hours'), exactSum(values))).toBe(true);
  };

  it('on what files hold: cents, whole hours, blanks, zeros', () => {
    same([]);
    same([null, null]);
    same([0, -0, null]);
    same([2345.67, 2301.1, 2310, 2298.45, 2401, 2355.2, 2512.33, 2287.91, 2344, 2390.1, 2365.55, 2820.7]);
    same([0.1, 0.2]);
    same([184, 168, null, 40]);
    same([-12, 12]);
    same([1.005, 2]); // three decimals: exactSum decides
    same([1e13, 0.01]); // too large for the shortcut
    same([9e12, 9e12, 9e12, 9e12, 9e12, 9e12, 9e12, 9e12, 9e12, 9e12, 9e12, -9e12]); // cents leave the safe range
  });

  it('on random cents and other decimals', () => {
    const cents = fc.integer({ min: -1e12, max: 1e12 }).map((c) => c / 100);
    const any = fc.oneof(cents, fc.constant(null), fc.integer({ min: -5000, max: 5000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 1e15 }).map((c) => c / 1000));
    fc.assert(fc.property(fc.array(cents, { maxLength: 30 }), same), { numRuns: 1000 });
    fc.assert(fc.property(fc.array(any, { maxLength: 30 }), same), { numRuns: 1000 });
  });
});

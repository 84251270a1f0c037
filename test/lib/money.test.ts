import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec, sum } from '../../src/lib/money.ts';

describe('Dec', () => {
  it('is exact where floats are not', () => {
    expect(Dec.from(0.1).add(0.2).toFixed(2)).toBe('0.30');
    expect(Dec.from(0.1).add(0.2).cmp(Dec.from('0.3'))).toBe(0);
    expect(sum(Array.from({ length: 1000 }, () => Dec.from('0.01'))).toFixed(2)).toBe('10.00');
  });
  it('rounds half away from zero', () => {
    expect(Dec.from('2052.865').round(2).toFixed(2)).toBe('2052.87');
    expect(Dec.from('-2.345').toFixed(2)).toBe('-2.35');
    expect(Dec.from('2.344999').toFixed(2)).toBe('2.34');
    expect(Dec.from(2450).div(168).toFixed(2)).toBe('14.58');
  });
  it('parses exponents and rejects garbage', () => {
    expect(Dec.from(1e-7).toFixed(7)).toBe('0.0000001');
    expect(Dec.from('1.5e3').toFixed(0)).toBe('1500');
    expect(() => Dec.from('1,5')).toThrow();
    expect(() => Dec.from(Number.NaN)).toThrow();
  });
  it('agrees with integer-cent arithmetic for random money', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -10_000_000, max: 10_000_000 }), { maxLength: 50 }), (cents) => {
      const total = sum(cents.map((c) => Dec.cents(BigInt(c))));
      expect(total.toScaled(2)).toBe(cents.reduce((a, b) => a + BigInt(b), 0n));
    }));
  });
});

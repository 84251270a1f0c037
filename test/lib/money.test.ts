import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec, sum, sumNumbers } from '../../src/lib/money.ts';

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

/** Exact reference on bigint fractions, rounding half away from zero like `Dec`. */
function refScaled(n: bigint, d: bigint, places: number): bigint {
  if (d < 0n) { n = -n; d = -d; }
  const scaled = (n < 0n ? -n : n) * 10n ** BigInt(places);
  let q = scaled / d;
  if ((scaled % d) * 2n >= d) q += 1n;
  return n < 0n ? -q : q;
}

describe('Dec on numbers and bigints', () => {
  // Numerators from small to far beyond 2^53, so that both representations and the switch between them are exercised.
  const decimal = fc.record({
    n: fc.oneof(fc.bigInt({ min: -10_000n, max: 10_000n }), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n })),
    k: fc.integer({ min: 0, max: 8 }),
  });

  it('adds, subtracts, multiplies, divides and compares exactly', () => {
    fc.assert(fc.property(decimal, decimal, (a, b) => {
      const x = Dec.of(a.n, 10n ** BigInt(a.k));
      const y = Dec.of(b.n, 10n ** BigInt(b.k));
      const [an, ad, bn, bd] = [a.n, 10n ** BigInt(a.k), b.n, 10n ** BigInt(b.k)];
      expect(x.add(y).toScaled(9)).toBe(refScaled(an * bd + bn * ad, ad * bd, 9));
      expect(x.sub(y).toScaled(9)).toBe(refScaled(an * bd - bn * ad, ad * bd, 9));
      expect(x.mul(y).toScaled(4)).toBe(refScaled(an * bn, ad * bd, 4));
      if (bn !== 0n) expect(x.div(y).round(2).toScaled(2)).toBe(refScaled(an * bd, ad * bn, 2));
      const l = an * bd, r = bn * ad;
      expect(x.cmp(y)).toBe(l < r ? -1 : l > r ? 1 : 0);
      expect(x.toFixed(3)).toBe(Dec.of(refScaled(an, ad, 3), 1000n).toFixed(3));
    }));
  });

  it('sums JS numbers as the sum of their decimals', () => {
    const money = fc.oneof(
      fc.integer({ min: -10_000_000, max: 10_000_000 }).map((c) => c / 100),
      fc.integer({ min: 0, max: 300_000 }).map((c) => 1500 + c / 100), // float sums such as 1715.3600000000001
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    );
    fc.assert(fc.property(fc.array(money, { maxLength: 15 }), (values) => {
      expect(sumNumbers(values).equals(sum(values.map((v) => Dec.from(v))))).toBe(true);
    }));
  });

  it('never gives −0', () => {
    expect(Object.is(Dec.from(0).mul(-5).toNumber(2), 0)).toBe(true);
    expect(Object.is(Dec.from('-0.001').round(2).toNumber(2), 0)).toBe(true);
    expect(Object.is(Dec.from('-0.001').toNumber(2), 0)).toBe(true);
    expect(Dec.from('-0.001').toFixed(2)).toBe('0.00');
  });
});

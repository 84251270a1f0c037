/**
 * Exact decimal arithmetic on rationals of bigints. Money and hours never pass through
 * binary floating-point sums (RULES §6): a value is parsed from its decimal text, kept
 * exact through every step, and rounded half away from zero only where the rules round.
 */

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

const REDUCE_ABOVE = 1n << 48n;

const SCALES: readonly bigint[] = Array.from({ length: 13 }, (_, i) => 10n ** BigInt(i));

const DECIMAL_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

export class Dec {
  readonly n: bigint;
  readonly d: bigint;

  private constructor(n: bigint, d: bigint) {
    if (d === 0n) throw new RangeError('Deljenje z nič.');
    if (d < 0n) { n = -n; d = -d; }
    // Reducing costs a gcd per operation; money keeps small denominators (100, hours), so
    // fractions are only reduced once the denominator grows large. Values compare by
    // cross-multiplication, so an unreduced fraction is still exact.
    const g = d > REDUCE_ABOVE ? gcd(n, d) : 1n;
    this.n = g > 1n ? n / g : n;
    this.d = g > 1n ? d / g : d;
  }

  static readonly ZERO = new Dec(0n, 1n);
  static readonly ONE = new Dec(1n, 1n);

  static of(n: bigint, d: bigint = 1n): Dec {
    return new Dec(n, d);
  }

  /** From a JS number (via its shortest decimal text, so 0.1 is exactly 1/10) or decimal text. */
  static from(value: number | string | bigint | Dec): Dec {
    if (value instanceof Dec) return value;
    if (typeof value === 'bigint') return new Dec(value, 1n);
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new RangeError(`Ni končno število: ${value}`);
      if (Number.isSafeInteger(value)) return new Dec(BigInt(value), 1n);
      // Money: a double that is exactly the nearest one to k/100 has that decimal as its shortest form.
      const cents = Math.round(value * 100);
      if (Number.isSafeInteger(cents) && cents / 100 === value) return new Dec(BigInt(cents), 100n);
    }
    const text = String(value).trim();
    const m = DECIMAL_RE.exec(text);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`Ni decimalno število: ${text}`);
    const frac = m[3] ?? '';
    const exp = Number(m[4] ?? '0');
    let n = BigInt((m[2] || '0') + frac);
    if (m[1] === '-') n = -n;
    const scale = frac.length - exp;
    return scale >= 0 ? new Dec(n, 10n ** BigInt(scale)) : new Dec(n * 10n ** BigInt(-scale), 1n);
  }

  /** Integer cents as a Dec (for sums kept in cents). */
  static cents(c: bigint): Dec {
    return new Dec(c, 100n);
  }

  add(o: Dec | number): Dec {
    const b = Dec.from(o);
    if (b.d === this.d) return new Dec(this.n + b.n, this.d);
    return new Dec(this.n * b.d + b.n * this.d, this.d * b.d);
  }
  sub(o: Dec | number): Dec {
    const b = Dec.from(o);
    if (b.d === this.d) return new Dec(this.n - b.n, this.d);
    return new Dec(this.n * b.d - b.n * this.d, this.d * b.d);
  }
  mul(o: Dec | number): Dec {
    const b = Dec.from(o);
    return new Dec(this.n * b.n, this.d * b.d);
  }
  div(o: Dec | number): Dec {
    const b = Dec.from(o);
    if (b.n === 0n) throw new RangeError('Deljenje z nič.');
    return new Dec(this.n * b.d, this.d * b.n);
  }
  cmp(o: Dec | number): -1 | 0 | 1 {
    const b = Dec.from(o);
    const l = this.n * b.d, r = b.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  isZero(): boolean { return this.n === 0n; }
  /** Equal in value (fractions need not be reduced). */
  equals(o: Dec | number): boolean { return this.cmp(o) === 0; }
  isNegative(): boolean { return this.n < 0n; }
  min(o: Dec): Dec { return this.cmp(o) <= 0 ? this : o; }
  max(o: Dec): Dec { return this.cmp(o) >= 0 ? this : o; }

  /** Rounds half away from zero to `places` decimals (RULES §6). */
  round(places = 2): Dec {
    return new Dec(this.toScaled(places), SCALES[places] ?? 10n ** BigInt(places));
  }

  /** Value in integer units of 10^-places, rounded half away from zero. */
  toScaled(places = 2): bigint {
    const scale = SCALES[places] ?? 10n ** BigInt(places);
    if (this.d === 1n) return this.n * scale;
    if (scale % this.d === 0n) return this.n * (scale / this.d);
    const neg = this.n < 0n;
    const scaled = (neg ? -this.n : this.n) * scale;
    let q = scaled / this.d;
    if ((scaled % this.d) * 2n >= this.d) q += 1n;
    return neg ? -q : q;
  }

  /** Fixed decimal text, rounded half away from zero. */
  toFixed(places = 2): string {
    const v = this.toScaled(places);
    const neg = v < 0n;
    const digits = (neg ? -v : v).toString().padStart(places + 1, '0');
    const int = places > 0 ? digits.slice(0, -places) : digits;
    const frac = places > 0 ? `.${digits.slice(-places)}` : '';
    return `${neg ? '-' : ''}${int}${frac}`;
  }

  /** A JS number for output (JSON), rounded to `places` decimals first. */
  toNumber(places = 6): number {
    // An integer below 2^53 divided by a power of ten is the double nearest that decimal.
    const v = this.toScaled(places);
    return places <= 12 && v < 9007199254740992n && v > -9007199254740992n ? Number(v) / 10 ** places : Number(this.toFixed(places));
  }

  toString(): string {
    if (this.d === 1n) return this.n.toString();
    if (this.n % this.d === 0n) return (this.n / this.d).toString();
    return this.toFixed(6).replace(/\.?0+$/, '');
  }
}

/** Sum of decimals, exactly. */
export function sum(values: Iterable<Dec>): Dec {
  let acc = Dec.ZERO;
  for (const v of values) acc = acc.add(v);
  return acc;
}

/** Money as a JSON number with 2 decimals. */
export function money(value: Dec): number {
  return value.toNumber(2);
}

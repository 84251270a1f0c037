/**
 * Exact decimal arithmetic on rationals. Money and hours never pass through binary
 * floating-point sums (RULES §6): a value is parsed from its decimal text, kept exact through
 * every step, and rounded half away from zero only where the rules round.
 *
 * A value is held as two safe integers in JS numbers while it fits (money and hours nearly
 * always do) and as bigints otherwise. Number arithmetic on safe integers is exact as long as
 * every result is a safe integer; each step checks that and redoes itself in bigints when it
 * is not, so both representations give the same values — only the speed differs (issue 8:
 * bigints allocate on every operation).
 */

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function gcdNumber(a: number, b: number): number {
  let x = Math.abs(a);
  let y = b;
  while (y !== 0) { const t = x % y; x = y; y = t; }
  return x;
}

const REDUCE_ABOVE = 1n << 64n;
/** Small fractions are reduced above this denominator, so that later products stay small. */
const REDUCE_SMALL_ABOVE = 2 ** 24;
const MAX = Number.MAX_SAFE_INTEGER;
const MAX_BIG = BigInt(MAX);

const SCALES: readonly bigint[] = Array.from({ length: 13 }, (_, i) => 10n ** BigInt(i));
const SCALES_NUMBER: readonly number[] = Array.from({ length: 13 }, (_, i) => 10 ** i);

const POW10: readonly bigint[] = Array.from({ length: 32 }, (_, i) => 10n ** BigInt(i));
const pow10 = (k: number): bigint => POW10[k] ?? 10n ** BigInt(k);

/**
 * A number's shortest decimal text (what `String` prints) as integer digits and a count of
 * decimals — read by hand, as a RegExp costs more than the rest (issue 8: base data are
 * float sums such as 1715.3600000000001). Null for text with an exponent or no point.
 */
function decimalParts(value: number): [digits: bigint, decimals: number] | null {
  const text = String(value);
  const dot = text.indexOf('.');
  if (dot < 0 || text.indexOf('e') >= 0) return null;
  return [BigInt(text.slice(0, dot) + text.slice(dot + 1)), text.length - dot - 1];
}

const DECIMAL_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** A product or sum of safe integers is exact exactly when its magnitude stays safe. */
const safe = (x: number): boolean => x <= MAX && x >= -MAX;

export class Dec {
  /** Numerator and denominator as numbers; meaningful only when `bn` is null. */
  private readonly sn: number;
  private readonly sd: number;
  /** Numerator and denominator as bigints when they do not fit a safe integer. */
  private readonly bn: bigint | null;
  private readonly bd: bigint;

  private constructor(sn: number, sd: number, bn: bigint | null, bd: bigint) {
    this.sn = sn;
    this.sd = sd;
    this.bn = bn;
    this.bd = bd;
  }

  /** From safe integers (d ≠ 0). */
  private static small(n: number, d: number): Dec {
    if (d < 0) { n = -n; d = -d; }
    // −0 would reach JSON and equality checks as a different number than bigint 0 gives.
    if (n === 0) return new Dec(0, d, null, 1n);
    if (d > REDUCE_SMALL_ABOVE) {
      const g = gcdNumber(n, d);
      if (g > 1) { n /= g; d /= g; }
    }
    return new Dec(n, d, null, 1n);
  }

  private static big(n: bigint, d: bigint): Dec {
    if (d === 0n) throw new RangeError('Deljenje z nič.');
    if (d < 0n) { n = -n; d = -d; }
    // Reducing costs a gcd per operation; money keeps small denominators (100, hours), so
    // fractions are only reduced once the denominator grows large. Values compare by
    // cross-multiplication, so an unreduced fraction is still exact.
    const g = d > REDUCE_ABOVE ? gcd(n, d) : 1n;
    if (g > 1n) { n /= g; d /= g; }
    if (n <= MAX_BIG && n >= -MAX_BIG && d <= MAX_BIG) return Dec.small(Number(n), Number(d));
    return new Dec(0, 1, n, d);
  }

  static readonly ZERO = Dec.small(0, 1);
  static readonly ONE = Dec.small(1, 1);
  /** 0…1023 made once: percentages, 100, hours and day counts are mixed in on every segment. */
  private static readonly SMALL = Array.from({ length: 1024 }, (_, i) => Dec.small(i, 1));

  get n(): bigint {
    return this.bn ?? BigInt(this.sn);
  }
  get d(): bigint {
    return this.bn === null ? BigInt(this.sd) : this.bd;
  }

  static of(n: bigint, d: bigint = 1n): Dec {
    return Dec.big(n, d);
  }

  /** From a JS number (via its shortest decimal text, so 0.1 is exactly 1/10) or decimal text. */
  static from(value: number | string | bigint | Dec): Dec {
    if (value instanceof Dec) return value;
    if (typeof value === 'bigint') return Dec.big(value, 1n);
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new RangeError(`Ni končno število: ${value}`);
      if (Number.isSafeInteger(value)) return value >= 0 && value < Dec.SMALL.length ? Dec.SMALL[value]! : Dec.small(value, 1);
      // Money: a double that is exactly the nearest one to k/100 has that decimal as its shortest form.
      const cents = Math.round(value * 100);
      if (Number.isSafeInteger(cents) && cents / 100 === value) return Dec.small(cents, 100);
      const parts = decimalParts(value);
      if (parts) return Dec.big(parts[0], pow10(parts[1]));
    }
    const text = String(value).trim();
    const m = DECIMAL_RE.exec(text);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`Ni decimalno število: ${text}`);
    const frac = m[3] ?? '';
    const exp = Number(m[4] ?? '0');
    let n = BigInt((m[2] || '0') + frac);
    if (m[1] === '-') n = -n;
    const scale = frac.length - exp;
    return scale >= 0 ? Dec.big(n, 10n ** BigInt(scale)) : Dec.big(n * 10n ** BigInt(-scale), 1n);
  }

  /** Integer cents as a Dec (for sums kept in cents). */
  static cents(c: bigint | number): Dec {
    if (typeof c === 'number') {
      if (!Number.isSafeInteger(c)) throw new RangeError(`Ni celo število centov: ${c}`);
      return Dec.small(c, 100);
    }
    return Dec.big(c, 100n);
  }

  add(o: Dec | number): Dec {
    const b = Dec.from(o);
    if (b.isZero()) return this;
    if (this.bn === null && b.bn === null) {
      if (this.sd === b.sd) {
        const s = this.sn + b.sn;
        if (safe(s)) return Dec.small(s, this.sd);
      } else {
        const l = this.sn * b.sd, r = b.sn * this.sd, d = this.sd * b.sd, s = l + r;
        if (safe(l) && safe(r) && safe(d) && safe(s)) return Dec.small(s, d);
      }
    }
    const an = this.n, ad = this.d, bn = b.n, bd = b.d;
    if (ad === bd) return Dec.big(an + bn, ad);
    // Decimal denominators (powers of ten) divide each other: no product, nothing to reduce.
    if (ad > bd && ad % bd === 0n) return Dec.big(an + bn * (ad / bd), ad);
    if (bd > ad && bd % ad === 0n) return Dec.big(an * (bd / ad) + bn, bd);
    return Dec.big(an * bd + bn * ad, ad * bd);
  }
  sub(o: Dec | number): Dec {
    const b = Dec.from(o);
    return b.isZero() ? this : this.add(b.neg());
  }
  mul(o: Dec | number): Dec {
    const b = Dec.from(o);
    if (b.bn === null && b.sn === b.sd) return this;
    if (this.bn === null && b.bn === null) {
      const n = this.sn * b.sn, d = this.sd * b.sd;
      if (safe(n) && safe(d)) return Dec.small(n, d);
    }
    return Dec.big(this.n * b.n, this.d * b.d);
  }
  div(o: Dec | number): Dec {
    const b = Dec.from(o);
    if (b.isZero()) throw new RangeError('Deljenje z nič.');
    if (this.bn === null && b.bn === null) {
      const n = this.sn * b.sd, d = this.sd * b.sn;
      if (safe(n) && safe(d)) return Dec.small(n, d);
    }
    return Dec.big(this.n * b.d, this.d * b.n);
  }
  cmp(o: Dec | number): -1 | 0 | 1 {
    const b = Dec.from(o);
    if (this.bn === null && b.bn === null) {
      const l = this.sn * b.sd, r = b.sn * this.sd;
      if (safe(l) && safe(r)) return l < r ? -1 : l > r ? 1 : 0;
    }
    const l = this.n * b.d, r = b.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  private neg(): Dec {
    return this.bn === null ? Dec.small(-this.sn, this.sd) : Dec.big(-this.bn, this.bd);
  }
  isZero(): boolean { return this.bn === null ? this.sn === 0 : this.bn === 0n; }
  /** Equal in value (fractions need not be reduced). */
  equals(o: Dec | number): boolean { return this.cmp(o) === 0; }
  isNegative(): boolean { return this.bn === null ? this.sn < 0 : this.bn < 0n; }
  min(o: Dec): Dec { return this.cmp(o) <= 0 ? this : o; }
  max(o: Dec): Dec { return this.cmp(o) >= 0 ? this : o; }

  /** Rounds half away from zero to `places` decimals (RULES §6). */
  round(places = 2): Dec {
    const v = this.scaledNumber(places);
    if (v !== null) return Dec.small(v, SCALES_NUMBER[places]!);
    return Dec.big(this.toScaled(places), SCALES[places] ?? 10n ** BigInt(places));
  }

  /**
   * Value in integer units of 10^-places, rounded half away from zero, as a number when it
   * and every intermediate are safe integers; null otherwise.
   */
  private scaledNumber(places: number): number | null {
    const scale = SCALES_NUMBER[places];
    if (this.bn !== null || scale === undefined) return null;
    const n = this.sn, d = this.sd;
    if (d === 1) { const v = n * scale; return safe(v) ? v : null; }
    const a = (n < 0 ? -n : n) * scale;
    if (!safe(a)) return null;
    const r = a % d;
    let q = (a - r) / d;
    if (r * 2 >= d) q += 1;
    // A negative value rounding to 0 gives 0, as the bigint 0n does, not −0.
    return n < 0 && q !== 0 ? -q : q;
  }

  /** Value in integer units of 10^-places, rounded half away from zero. */
  toScaled(places = 2): bigint {
    const v = this.scaledNumber(places);
    if (v !== null) return BigInt(v);
    const scale = SCALES[places] ?? 10n ** BigInt(places);
    const n = this.n, d = this.d;
    if (d === 1n) return n * scale;
    if (scale % d === 0n) return n * (scale / d);
    const neg = n < 0n;
    const scaled = (neg ? -n : n) * scale;
    let q = scaled / d;
    if ((scaled % d) * 2n >= d) q += 1n;
    return neg ? -q : q;
  }

  /** Fixed decimal text, rounded half away from zero. */
  toFixed(places = 2): string {
    const v = this.scaledNumber(places) ?? this.toScaled(places);
    const neg = v < 0;
    const digits = (neg ? -v : v).toString().padStart(places + 1, '0');
    const int = places > 0 ? digits.slice(0, -places) : digits;
    const frac = places > 0 ? `.${digits.slice(-places)}` : '';
    return `${neg ? '-' : ''}${int}${frac}`;
  }

  /** A JS number for output (JSON), rounded to `places` decimals first. */
  toNumber(places = 6): number {
    // An integer below 2^53 divided by a power of ten is the double nearest that decimal.
    const small = this.scaledNumber(places);
    if (small !== null) return small / 10 ** places;
    const v = this.toScaled(places);
    return places <= 12 && v < 9007199254740992n && v > -9007199254740992n ? Number(v) / 10 ** places : Number(this.toFixed(places));
  }

  toString(): string {
    if (this.bn === null) {
      if (this.sd === 1) return String(this.sn);
      if (this.sn % this.sd === 0) return String(this.sn / this.sd);
      return this.toFixed(6).replace(/\.?0+$/, '');
    }
    if (this.bd === 1n) return this.bn.toString();
    if (this.bn % this.bd === 0n) return (this.bn / this.bd).toString();
    return this.toFixed(6).replace(/\.?0+$/, '');
  }
}

/** Sum of decimals, exactly. */
export function sum(values: Iterable<Dec>): Dec {
  let acc = Dec.ZERO;
  for (const v of values) acc = acc.add(v);
  return acc;
}

/**
 * Σ of JS numbers, each taken as exactly what `Dec.from` takes it for. Whole cents are
 * added as numbers; only other values (a float sum such as 1715.3600000000001) go through
 * decimal text and bigints.
 */
export function sumNumbers(values: readonly number[]): Dec {
  return sumNumbersOf(values, (v) => v);
}

/** `sumNumbers` of `value(item)` over items, without an array of the numbers in between. */
export function sumNumbersOf<T>(items: readonly T[], value: (item: T) => number): Dec {
  let cents = 0;
  /** Other decimals, added as digits at the largest count of decimals seen. */
  let digits = 0n;
  let decimals = 0;
  let hasDigits = false;
  let rest: Dec | null = null;
  for (let i = 0; i < items.length; i++) {
    const v = value(items[i]!);
    const c = Math.round(v * 100);
    if (Number.isSafeInteger(c) && c / 100 === v && safe(cents + c)) { cents += c; continue; }
    const parts = Number.isFinite(v) ? decimalParts(v) : null;
    if (!parts) { rest = rest === null ? Dec.from(v) : rest.add(v); continue; }
    const [n, k] = parts;
    if (k > decimals) { digits *= pow10(k - decimals); decimals = k; }
    digits += k === decimals ? n : n * pow10(decimals - k);
    hasDigits = true;
  }
  let total = Dec.cents(cents);
  if (hasDigits) total = total.add(Dec.of(digits, pow10(decimals)));
  return rest === null ? total : total.add(rest);
}

/** Money as a JSON number with 2 decimals. */
export function money(value: Dec): number {
  return value.toNumber(2);
}

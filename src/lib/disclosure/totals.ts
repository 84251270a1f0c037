/**
 * Exact decimal sums for totals (DESIGN: never float accumulation). Every value is scaled to
 * an integer by the largest number of decimals among the values, summed as integers, and
 * divided once: the result is the double nearest to the exact decimal sum, the same as
 * `Number('<exact sum>')`. Falls back to BigInt when the integers would not be exact.
 */
export function exactSum(values: Iterable<number | null>): number {
  const list: number[] = [];
  let scale = 0;
  for (const v of values) {
    if (v === null || v === 0) continue;
    list.push(v);
    const d = decimalsOf(v);
    if (d > scale) scale = d;
  }
  if (list.length === 0) return 0;
  if (scale <= 15) {
    const f = 10 ** scale;
    let total = 0;
    let safe = true;
    for (const v of list) {
      const scaled = v * f;
      // Within 2^50 the product is within far less than 0.5 of the exact integer.
      if (Math.abs(scaled) > 2 ** 50) { safe = false; break; }
      total += Math.round(scaled);
    }
    if (safe && Number.isSafeInteger(total)) return total === 0 ? 0 : total / f;
  }
  return bigSum(list);
}

/** `exactSum` of one field of the rows (in sections: amounts, hours). */
export function sumField<K extends 'amount' | 'hours'>(rows: readonly Record<K, number | null>[], field: K): number {
  return centsSum(rows, field) ?? exactSum(rows.map((r) => r[field]));
}

/**
 * The common case of `exactSum` in one pass and without a list: every value has at most two
 * decimals and is below 10^13, so it is a whole number of cents (the same `Math.round(v * 100)`
 * `exactSum` takes at scale 2), and their sum is exact while it stays a safe integer. One
 * division then gives the double nearest to the exact sum, as `exactSum` does at scale 2, or
 * at scale 0 for whole numbers (the quotient is the same integer). `null` = some value is
 * not such a number, or the sum is too large: `exactSum` decides.
 */
function centsSum<K extends 'amount' | 'hours'>(rows: readonly Record<K, number | null>[], field: K): number | null {
  let cents = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i]![field];
    if (v === null) continue;
    if (!(Math.abs(v) < 1e13)) return null;
    const c = Math.round(v * 100);
    if (c / 100 !== v) return null;
    cents += c;
    if (!Number.isSafeInteger(cents)) return null; // checked as it grows: never inexact on the way
  }
  return cents === 0 ? 0 : cents / 100;
}

/** Decimal places of the shortest representation of `v` (what `String(v)` prints). */
function decimalsOf(v: number): number {
  // Fast paths for what files hold: whole hours, and money with cents.
  if (Number.isInteger(v)) return 0;
  if (Math.abs(v) < 1e13 && Math.round(v * 100) / 100 === v) return 2;
  const m = /^-?\d+(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(v));
  if (!m) return 0;
  const frac = m[1]?.length ?? 0;
  const exp = m[2] ? Number(m[2]) : 0;
  return Math.max(0, frac - exp);
}

function bigSum(list: readonly number[]): number {
  const parts = list.map(toScaled);
  const scale = parts.reduce((m, p) => Math.max(m, p.scale), 0);
  let total = 0n;
  for (const p of parts) total += p.digits * 10n ** BigInt(scale - p.scale);
  const negative = total < 0n;
  const abs = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? abs : `${abs.slice(0, abs.length - scale)}.${abs.slice(abs.length - scale)}`;
  const n = Number(`${negative ? '-' : ''}${text}`);
  return n === 0 ? 0 : n;
}

function toScaled(v: number): { digits: bigint; scale: number } {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(v));
  if (!m) return { digits: 0n, scale: 0 }; // not finite: parseDecimal never produces these
  const [, sign = '', int = '0', frac = '', e = '0'] = m;
  const exp = Number(e);
  let digits = BigInt(`${int}${frac}`);
  let scale = frac.length - exp;
  if (scale < 0) { digits *= 10n ** BigInt(-scale); scale = 0; }
  return { digits: sign === '-' ? -digits : digits, scale };
}

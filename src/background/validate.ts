/**
 * Small validators for message payloads (shape and size), so that every handler can trust
 * the type of what it receives. A validator returns `null` when the value is fine, or a short
 * Slovenian description of the first problem (with its path), which travels back to the
 * caller inside an `INVALID_PAYLOAD` error.
 */

export interface Validator<T> {
  /**
   * `null` when valid, else the problem. `path` only names the place in the message: whether
   * the answer is `null` must not depend on it (containers check their parts with an empty path
   * and ask again with the real one only for the part that fails, so a valid payload of
   * thousands of records builds no path strings).
   */
  check(value: unknown, path: string): string | null;
  /** Phantom: the type a valid value has. Never set. */
  readonly type?: T;
}

export type Infer<V> = V extends Validator<infer T> ? T : never;

const at = (path: string) => (path ? `${path}: ` : '');

export function string(opts: { max: number; min?: number; pattern?: RegExp }): Validator<string> {
  return {
    check(value, path) {
      if (typeof value !== 'string') return `${at(path)}pričakovano besedilo`;
      if (value.length > opts.max) return `${at(path)}besedilo je predolgo (največ ${opts.max} znakov)`;
      if (value.length < (opts.min ?? 0)) return `${at(path)}besedilo je prekratko (vsaj ${opts.min} znakov)`;
      if (opts.pattern && !opts.pattern.test(value)) return `${at(path)}besedilo ni v pričakovani obliki`;
      return null;
    },
  };
}

export function number(opts: { min?: number; max?: number; integer?: boolean } = {}): Validator<number> {
  return {
    check(value, path) {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${at(path)}pričakovano število`;
      if (opts.integer && !Number.isInteger(value)) return `${at(path)}pričakovano celo število`;
      if (opts.min !== undefined && value < opts.min) return `${at(path)}število je manjše od ${opts.min}`;
      if (opts.max !== undefined && value > opts.max) return `${at(path)}število je večje od ${opts.max}`;
      return null;
    },
  };
}

export function boolean(): Validator<boolean> {
  return { check: (value, path) => (typeof value === 'boolean' ? null : `${at(path)}pričakovano da/ne`) };
}

export function literal<const L extends string | number | boolean | null>(...allowed: L[]): Validator<L> {
  return {
    check: (value, path) =>
      allowed.includes(value as L) ? null : `${at(path)}pričakovana ena od vrednosti ${allowed.join(', ')}`,
  };
}

export function nullable<T>(inner: Validator<T>): Validator<T | null> {
  return { check: (value, path) => (value === null ? null : inner.check(value, path)) };
}

/** The key may be missing (or `undefined`). */
export function optional<T>(inner: Validator<T>): Validator<T | undefined> {
  return { check: (value, path) => (value === undefined ? null : inner.check(value, path)) };
}

export function array<T>(inner: Validator<T>, opts: { max: number }): Validator<T[]> {
  return {
    check(value, path) {
      if (!Array.isArray(value)) return `${at(path)}pričakovan seznam`;
      if (value.length > opts.max) return `${at(path)}seznam je predolg (največ ${opts.max})`;
      for (let i = 0; i < value.length; i++) {
        if (inner.check(value[i], '') !== null) return inner.check(value[i], `${path}[${i}]`);
      }
      return null;
    },
  };
}

type Shape = Record<string, Validator<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Infer<S[K]> ? K : never }[keyof S];
type ObjectOf<S extends Shape> = { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & {
  [K in OptionalKeys<S>]?: Infer<S[K]>;
};

/** A plain object with exactly these keys (unknown keys are refused). */
export function object<S extends Shape>(shape: S): Validator<{ [K in keyof ObjectOf<S>]: ObjectOf<S>[K] }> {
  // Taken apart once, not on every check.
  const keys = Object.keys(shape);
  const validators = keys.map((key) => shape[key]!);
  return {
    check(value, path) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${at(path)}pričakovan objekt`;
      for (const key of Object.keys(value)) {
        if (!Object.hasOwn(shape, key)) return `${at(path)}nepričakovano polje »${key}«`;
      }
      const record = value as Record<string, unknown>;
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        const validator = validators[i]!;
        if (validator.check(record[key], '') !== null) return validator.check(record[key], path ? `${path}.${key}` : key);
      }
      return null;
    },
  };
}

/** An empty object `{}` — for messages that carry no data. */
export const empty = (): Validator<Record<string, never>> => object({}) as Validator<Record<string, never>>;

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** Size of a payload as UTF-8 JSON, or `Infinity` when it cannot be serialised. */
export function jsonSize(value: unknown): number {
  let json: string;
  try {
    json = JSON.stringify(value) ?? '';
  } catch {
    return Number.POSITIVE_INFINITY;
  }
  // ASCII is one byte a character: only text with other characters is encoded to be counted.
  return ASCII_ONLY.test(json) ? json.length : new TextEncoder().encode(json).length;
}

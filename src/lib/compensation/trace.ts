import type { RuleStatus } from '../rules/types.ts';

/**
 * One step of a computation's explanation (DESIGN: OpenFisca-style, every result can be
 * explained). Texts are given in both languages so that the CLI, the popup and the
 * companion show the same words; `numbers` carry the figures a clerk checks.
 */
export interface TraceStep {
  step: string;
  sl: string;
  en: string;
  numbers: Record<string, number | string | null>;
  /** The legal reference or source of the rule applied. */
  ref: string;
  status?: RuleStatus;
  /** Index of the absence the step belongs to (0-based), when it belongs to one. */
  absence?: number;
}

export interface EngineWarning {
  code: string;
  sl: string;
  en: string;
  certificate?: string;
  absence?: number;
}

/**
 * A step whose words and figures are worked out when first read: a batch of thousands of
 * computations (the companion, the benchmark) pays for the explanation only when it is shown.
 * It keeps a plain function and the one value it reads, not a closure, so that a stored
 * result holds no more than that value (issue 8).
 * `JSON.stringify` gets the whole step (`toJSON`); across a structured clone (IndexedDB, a
 * Firefox message) use `plainTrace` first — its fields live on the prototype.
 */
export class LazyStep<A = unknown> implements TraceStep {
  #make: ((arg: A) => TraceStep) | null;
  /** The value the step is made from; the step itself once made (`#make` is then null). */
  #arg: A | TraceStep;

  constructor(make: (arg: A) => TraceStep, arg: A) {
    this.#make = make;
    this.#arg = arg;
  }

  #get(): TraceStep {
    if (this.#make !== null) {
      this.#arg = this.#make(this.#arg as A);
      this.#make = null;
    }
    return this.#arg as TraceStep;
  }

  get step(): string { return this.#get().step; }
  get sl(): string { return this.#get().sl; }
  get en(): string { return this.#get().en; }
  get numbers(): Record<string, number | string | null> { return this.#get().numbers; }
  get ref(): string { return this.#get().ref; }
  get status(): RuleStatus | undefined { return this.#get().status; }
  get absence(): number | undefined { return this.#get().absence; }

  toJSON(): TraceStep {
    return { ...this.#get() };
  }
}

/** The steps as plain data (for storage and messages). */
export function plainTrace(steps: readonly TraceStep[]): TraceStep[] {
  return steps.map((s) => (s instanceof LazyStep ? s.toJSON() : s));
}

/** Collects steps and warnings; warnings keep their first occurrence per code and place. */
export class Explainer {
  readonly steps: TraceStep[] = [];
  readonly warnings: EngineWarning[] = [];

  /** A step, worked out from `arg` only when read. */
  step<A>(make: (arg: A) => TraceStep, arg: A): void {
    this.steps.push(new LazyStep(make, arg));
  }

  warn(w: EngineWarning): void {
    const dup = this.warnings.some((x) => x.code === w.code && x.absence === w.absence && x.certificate === w.certificate);
    if (!dup) this.warnings.push(w);
  }

  /** Distinct warning codes in the order they were first raised. */
  codes(): string[] {
    const codes: string[] = [];
    for (const w of this.warnings) if (!codes.includes(w.code)) codes.push(w.code);
    return codes;
  }
}

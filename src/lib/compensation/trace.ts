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

/** Collects steps and warnings; warnings keep their first occurrence per code and place. */
export class Explainer {
  readonly steps: TraceStep[] = [];
  readonly warnings: EngineWarning[] = [];

  step(s: TraceStep): void {
    this.steps.push(s);
  }

  warn(w: EngineWarning): void {
    const dup = this.warnings.some((x) => x.code === w.code && x.absence === w.absence && x.certificate === w.certificate);
    if (!dup) this.warnings.push(w);
  }

  /** Distinct warning codes in the order they were first raised. */
  codes(): string[] {
    return [...new Set(this.warnings.map((w) => w.code))];
  }
}

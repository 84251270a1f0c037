/** One measured figure and its budget; `pass` is decided by the runner from `budget`. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The limit: `max` (value must stay at or under) or `min` (value must reach). */
  budget?: { max?: number; min?: number };
  /** Extra figures printed beside the value (e.g. a comparison ratio). */
  note?: string;
}

export interface Bench {
  name: string;
  run(): Promise<BenchResult[]>;
}

import { compute, parseCaseInput, plainTrace, type CompensationResult } from '../src/lib/compensation/index.ts';
import { addDays, addMonths } from '../src/lib/dates.ts';
import type { Bench } from './types.ts';

/** A deterministic generator so every run computes the same 10 000 absences. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const REASONS = ['01', '01', '01', '02', '03', '04', '06', '12'];

function randomCase(rand: () => number, i: number): unknown {
  const start = addDays('2024-01-01', Math.floor(rand() * 900));
  const certificates = [];
  let from = start;
  const parts = 1 + Math.floor(rand() * 4);
  const reason = REASONS[Math.floor(rand() * REASONS.length)]!;
  for (let p = 0; p < parts; p++) {
    const to = addDays(from, 3 + Math.floor(rand() * 30));
    certificates.push({ number: String(5_000_000 + i * 10 + p), kind: 'eBOL', reason, from, to, status: 'issued' });
    from = addDays(to, 1);
  }
  const month = start.slice(0, 7);
  const year = Number(start.slice(0, 4));
  return {
    worker: { weeklyHours: rand() < 0.8 ? 40 : 30 },
    certificates,
    employerDaysUsedThisYear: Math.floor(rand() * 100),
    employerBase: { rows: [1, 2, 3].map((k) => ({ month: addMonths(month, -k), source: 'REK', incomeType: '1001', amount: 1500 + Math.round(rand() * 300000) / 100, hours: 168 })) },
    zzzsBase: { rows: Array.from({ length: 12 }, (_, m) => ({ month: `${year - 1}-${String(m + 1).padStart(2, '0')}`, source: 'REK', incomeType: '1001', amount: 1500 + Math.round(rand() * 300000) / 100, hours: 160 + 8 * Math.floor(rand() * 3) })) },
  };
}

export const engineBench: Bench = {
  name: 'engine',
  async run() {
    const rand = prng(20261121);
    const inputs = Array.from({ length: 10_000 }, (_, i) => parseCaseInput(randomCase(rand, i)));
    for (const input of inputs.slice(0, 200)) compute(input); // warm up the JIT
    const cpu = process.cpuUsage();
    const started = performance.now();
    let segments = 0;
    const results: CompensationResult[] = [];
    for (const input of inputs) {
      const r = compute(input);
      segments += r.segments.length;
      results.push(r);
    }
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    // The explanation is worked out when it is read; writing out every step in both languages:
    const t = performance.now();
    let steps = 0;
    for (const r of results) steps += plainTrace(r.trace).length;
    const traceMs = performance.now() - t;
    return [{
      name: 'computing 10 000 absences (engine)', value: Math.round(ms), unit: 'ms', budget: { max: 1000 },
      note: `${segments} segments; CPU ${Math.round(cpuMs)} ms; writing out all ${steps} explanation steps (sl + en) takes ${Math.round(traceMs)} ms more`,
    }];
  },
};

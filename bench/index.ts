import { engineBench } from './engine.bench.ts';
import { companionBench } from './companion.bench.ts';
import { browserBench } from './browser.bench.ts';
import type { Bench } from './types.ts';

/** Every benchmark `npm run bench` runs, in order. */
export const benches: Bench[] = [engineBench, companionBench, browserBench];

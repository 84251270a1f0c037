#!/usr/bin/env node
// npm run bench: benchmarks with their budgets come in a later issue (bench/run.mjs).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, run } from './run.mjs';

const runner = join(ROOT, 'bench', 'run.mjs');
if (existsSync(runner)) process.exit(await run(process.execPath, [runner, ...process.argv.slice(2)]));
console.log('No benchmarks yet: they come in a later issue (bench/run.mjs with budgets).');

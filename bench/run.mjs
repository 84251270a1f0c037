#!/usr/bin/env node
// npm run bench: runs every benchmark, prints a table with the budgets, writes
// bench/results.json, and exits non-zero when a budget is missed. Benchmarks are never tests.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const here = dirname(fileURLToPath(import.meta.url));
// Benchmarks measure what ships: build the extensions and the companion first, in another
// process, so the build's heap does not slow the measurements down.
process.stderr.write('… build\n');
execFileSync(process.execPath, ['-e', "import('./scripts/build.mjs').then((m) => m.buildAll({ quiet: true }))"], { cwd: join(here, '..'), stdio: 'inherit' });
const { benches } = await import('./index.ts');
const only = process.argv.slice(2);

const results = [];
for (const bench of benches) {
  if (only.length && !only.includes(bench.name)) continue;
  process.stderr.write(`… ${bench.name}\n`);
  try {
    for (const r of await bench.run()) results.push({ bench: bench.name, ...r });
  } catch (error) {
    results.push({ bench: bench.name, name: `${bench.name} (failed to run)`, value: NaN, unit: '', budget: { max: 0 }, note: String(error?.message ?? error) });
  }
}

const passes = (r) => Number.isFinite(r.value) && (r.budget?.max === undefined || r.value <= r.budget.max) && (r.budget?.min === undefined || r.value >= r.budget.min);
const budgetText = (r) => (r.budget?.max !== undefined ? `≤ ${r.budget.max} ${r.unit}` : r.budget?.min !== undefined ? `≥ ${r.budget.min} ${r.unit}` : '—');
const rows = results.map((r) => [r.name, `${r.value} ${r.unit}`.trim(), budgetText(r), r.budget ? (passes(r) ? 'ok' : 'MISSED') : '', r.note ?? '']);
const header = ['what', 'measured', 'budget', '', 'notes'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`\nMachine: ${machine}`);

// A full run refreshes the table in BENCHMARKS.md (between its markers).
const doc = join(here, '..', 'BENCHMARKS.md');
if (!only.length && existsSync(doc)) {
  const table = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
  const section = `<!-- bench:table -->\n${table}\n\nRun on ${new Date().toISOString().slice(0, 10)}: ${machine}.\n<!-- /bench:table -->`;
  writeFileSync(doc, readFileSync(doc, 'utf8').replace(/<!-- bench:table -->[\s\S]*?<!-- \/bench:table -->/, section));
}
writeFileSync(join(here, 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, results: results.map((r) => ({ ...r, pass: r.budget ? passes(r) : null })) }, null, 2)}\n`);
const missed = results.filter((r) => r.budget && !passes(r));
if (missed.length) {
  console.error(`\nMissed budgets: ${missed.map((r) => r.name).join('; ')}`);
  process.exit(1);
}

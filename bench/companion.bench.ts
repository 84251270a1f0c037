import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocument } from '../src/lib/documents.ts';
import type { Disclosure } from '../src/lib/disclosure/model.ts';
import { Dec, sum } from '../src/lib/money.ts';
import { naiveDisclosure } from './baseline/naiveDisclosure.ts';
import { writeOfficeFolder } from './fixtures.ts';
import type { Bench } from './types.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** What the companion does per disclosure file: read it whole, validated, and sum it exactly. */
function exactHourlyBase(bytes: Uint8Array, name: string): number {
  const d = readDocument(bytes, name) as Disclosure;
  const rows = d.sections.flatMap((s) => s.rows);
  const hours = sum(rows.map((r) => Dec.from(r.hours ?? 0)));
  return hours.isZero() ? 0 : sum(rows.map((r) => Dec.from(r.amount ?? 0))).div(hours).toNumber(2);
}

function timeEach(files: { name: string; bytes: Uint8Array }[], read: (f: { name: string; bytes: Uint8Array }) => unknown, rounds = 3): number {
  for (const f of files.slice(0, 50)) read(f); // warm up
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    for (const f of files) read(f);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

export const companionBench: Bench = {
  name: 'companion',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'spot-bench-'));
    try {
      const { disclosures, certificates } = writeOfficeFolder(dir, 500);
      const out = join(dir, '..', `${dir.split('/').pop()}-out.csv`);
      const started = performance.now();
      execFileSync(process.execPath, [join(ROOT, 'bin/spot-companion.js'), 'bases', dir, '--format', 'csv', '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
      const ms = performance.now() - started;
      const lines = readFileSync(out, 'utf8').trim().split('\n').length - 1;
      rmSync(out, { force: true });

      const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
      const ours = timeEach(files, (f) => exactHourlyBase(f.bytes, f.name), 5);
      const naive = timeEach(files, (f) => naiveDisclosure(f.bytes), 5);
      const filesPerSecond = Math.round((disclosures / ms) * 1000);
      return [
        {
          name: `spot-companion bases over ${disclosures} disclosure files`, value: filesPerSecond, unit: 'files/s', budget: { min: 500 },
          note: `${disclosures} disclosures + ${certificates} eBOL in ${Math.round(ms)} ms incl. start-up; ${lines} lines`,
        },
        {
          name: 'disclosure reading vs papaparse defaults + float sums', value: Number((naive / ours).toFixed(2)), unit: '×', budget: { min: 1 },
          note: `ours ${Math.round(ours)} ms, naive ${Math.round(naive)} ms for ${files.length} files (higher = ours faster)`,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

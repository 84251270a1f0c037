#!/usr/bin/env node
// npm run package: fresh build, then one zip per browser in artifacts/ (web-ext build).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAll, TARGETS } from './build.mjs';
import { bin, ROOT, run } from './run.mjs';

await buildAll({ quiet: true });
const { version } = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
for (const target of TARGETS) {
  const code = await run(bin('web-ext'), [
    'build',
    '--source-dir', join(ROOT, 'dist', target),
    '--artifacts-dir', join(ROOT, 'artifacts'),
    '--filename', `spot-pomocnik-${target}-${version}.zip`,
    '--overwrite-dest',
    '--no-config-discovery',
  ]);
  if (code !== 0) process.exit(code);
}

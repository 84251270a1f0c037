#!/usr/bin/env node
// Second half of `npm run lint` (after tsc --noEmit): Mozilla's add-on linter on the built
// Firefox extension. Builds first when dist/ is missing. Fails on errors; warnings are listed
// (the known ones are explained in README.md).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildAll } from './build.mjs';
import { bin, ROOT, run } from './run.mjs';

const dist = join(ROOT, 'dist', 'firefox');
if (!existsSync(join(dist, 'manifest.json'))) {
  console.log('dist/firefox is missing: building first …');
  await buildAll({ quiet: true });
}
process.exit(await run(bin('web-ext'), ['lint', '--source-dir', dist, '--no-config-discovery']));

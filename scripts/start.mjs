#!/usr/bin/env node
// npm start: build both extensions, say how to load them, then run the local companion on the
// bundled example data: each engine case in examples/ (*.case.json) is computed, then
// `spot-companion bases examples/` prints the hourly bases table (one line per worker and absence).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildAll, TARGETS } from './build.mjs';
import { ROOT, run, seconds } from './run.mjs';

const ms = await buildAll({ quiet: true });
console.log(`Built in ${seconds(ms)}:`);
for (const target of TARGETS) console.log(`  dist/${target}/  (${readdirSync(join(ROOT, 'dist', target)).join(', ')})`);
console.log(`
Load it:
  Chrome/Chromium: chrome://extensions → Developer mode → "Load unpacked" → dist/chrome
  Firefox:         about:debugging#/runtime/this-firefox → "Load Temporary Add-on…" → dist/firefox/manifest.json
Then open https://spot.gov.si: the helper panel appears at the bottom right.`);

const examples = join(ROOT, 'examples');
const companion = join(ROOT, 'bin', 'spot-companion.js');
if (!existsSync(examples) || !existsSync(companion)) {
  console.log('\n(The companion and its example data are not here: nothing more to run.)');
  process.exit(0);
}
let failures = 0;

const cases = readdirSync(examples, { recursive: true })
  .map((name) => join(examples, String(name)))
  .filter((path) => statSync(path).isFile() && path.endsWith('.case.json'))
  .sort();
for (const file of cases) {
  console.log(`\n$ spot-companion compute ${relative(ROOT, file)}`);
  if ((await run(process.execPath, [companion, 'compute', file])) !== 0) failures++;
}
// Last, so that it is what stays on the screen: the table of hourly bases (summary on stderr).
console.log(`\n$ spot-companion bases examples/ --format csv`);
if ((await run(process.execPath, [companion, 'bases', 'examples/', '--format', 'csv'])) !== 0) failures++;
console.log(`
More: spot-companion bases examples/ --out osnove.csv (Excel SI), --format json; spot-companion export examples/ --what claims;
spot-companion help. The companion and the extension talk through "spot-companion install-native-host" (see README).`);
process.exit(failures ? 1 : 0);

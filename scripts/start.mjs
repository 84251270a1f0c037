#!/usr/bin/env node
// npm start: build both extensions, say how to load them, then run the local companion on the
// bundled example data (once examples/ and bin/spot-companion.js exist): `compute` for each
// case (.json), `parse` for each SPOT/FURS file.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
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
  console.log('\n(The companion and its example data are not here yet: nothing more to run.)');
  process.exit(0);
}
// A case (.json) is computed; a SPOT/FURS file (CSV, XML, saved HTML page) is parsed.
const COMMAND_BY_EXTENSION = { '.json': 'compute', '.csv': 'parse', '.xml': 'parse', '.html': 'parse', '.htm': 'parse' };
const files = readdirSync(examples, { recursive: true })
  .map((name) => join(examples, String(name)))
  .filter((path) => statSync(path).isFile() && COMMAND_BY_EXTENSION[extname(path).toLowerCase()])
  .sort();
let failures = 0;
for (const file of files) {
  const command = COMMAND_BY_EXTENSION[extname(file).toLowerCase()];
  console.log(`\n$ spot-companion ${command} ${relative(ROOT, file)}`);
  if ((await run(process.execPath, [companion, command, file])) !== 0) failures++;
}
process.exit(failures ? 1 : 0);

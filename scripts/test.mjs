#!/usr/bin/env node
// npm test: make sure the Debian browsers are there, build, unit tests, e2e tests in the real
// browsers. Exits non-zero when any part fails; prints how long each part took.
import { existsSync } from 'node:fs';
import { buildAll } from './build.mjs';
import { bin, run, seconds } from './run.mjs';

const BROWSERS = [
  { pkg: 'chromium', path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  { pkg: 'firefox-esr', path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr' },
];
const times = [];
const failed = [];

async function step(name, fn) {
  const started = Date.now();
  console.log(`\n== ${name}`);
  let ok;
  try {
    ok = await fn();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    ok = false;
  }
  times.push(`${name}: ${seconds(Date.now() - started)}${ok ? '' : ' (FAILED)'}`);
  if (!ok) failed.push(name);
  return ok;
}

async function ensureBrowsers() {
  const missing = BROWSERS.filter((b) => !existsSync(b.path));
  if (missing.length === 0) return true;
  const pkgs = missing.map((b) => b.pkg);
  if (process.getuid?.() !== 0) {
    console.error(
      `Missing browser(s): ${missing.map((b) => b.path).join(', ')}.\n` +
        `The e2e tests run the extension in the Debian browsers. Install them as root:\n` +
        `  sudo apt-get install -y ${pkgs.join(' ')}\n` +
        `or run "npm test" as root (it installs them itself).`,
    );
    return false;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  console.log(`Installing ${pkgs.join(' ')} with apt-get …`);
  if ((await run('apt-get', ['update'], { env })) !== 0) return false;
  return (await run('apt-get', ['install', '-y', '--no-install-recommends', ...pkgs], { env })) === 0;
}

const total = Date.now();
const browsersOk = await step('browsers', ensureBrowsers);
const built = await step('build', async () => (await buildAll({ quiet: true }), true));
if (built) {
  await step('unit tests', async () => (await run(bin('vitest'), ['run', '--project', 'unit', '--project', 'dom'])) === 0);
  if (browsersOk) await step('e2e tests', async () => (await run(bin('vitest'), ['run', '--project', 'e2e'])) === 0);
}

console.log(`\n== Times\n  ${times.join('\n  ')}\n  total: ${seconds(Date.now() - total)}`);
if (failed.length) {
  console.error(`\nFAILED: ${failed.join(', ')}`);
  process.exit(1);
}
console.log('\nAll tests passed.');

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../../fixtures/spot/', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The built extension for a browser; e2e tests always load what ships. */
export function distFor(target: 'chrome' | 'firefox'): string {
  const dir = fileURLToPath(new URL(`../../../dist/${target}/`, import.meta.url));
  if (!existsSync(`${dir}manifest.json`)) {
    throw new Error(`${dir}manifest.json is missing: run "npm run build" first (npm test does it).`);
  }
  return dir.replace(/\/$/, '');
}

export function requireExecutable(path: string, name: string): string {
  if (!existsSync(path)) {
    throw new Error(`${name} not found at ${path}: install it (apt-get install -y chromium firefox-esr) or run "npm test" as root.`);
  }
  return path;
}

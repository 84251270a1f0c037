#!/usr/bin/env node
// Builds dist/chrome and dist/firefox from the same sources with Vite's JS API (vite.config.ts),
// then checks what is about to ship: files the manifest names exist, content.js is a classic
// script, HTML has no inline script, the manifest asks for nothing beyond storage, alarms (the
// daily reminder count) and SPOT (and, as an optional permission, nativeMessaging for the local
// companion).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Script } from 'node:vm';
import { build } from 'vite';
import { buildCompanion } from './build-companion.mjs';

const root = new URL('..', import.meta.url).pathname;
export const TARGETS = ['chrome', 'firefox'];
// alarms: the daily recount of the reminders on the toolbar badge (no warning is shown for it).
const ALLOWED_PERMISSIONS = ['storage', 'unlimitedStorage', 'alarms'];
// Asked for at runtime, on a click, only by users of the local companion (spot-companion native-host).
const ALLOWED_OPTIONAL_PERMISSIONS = ['nativeMessaging'];
const ALLOWED_HOSTS = ['https://spot.gov.si/*', 'https://*.spot.gov.si/*'];

export async function buildAll({ quiet = false } = {}) {
  const started = Date.now();
  for (const target of TARGETS) {
    // pages first: it empties dist/<target>.
    for (const part of ['pages', 'background', 'content']) {
      await build({ configFile: join(root, 'vite.config.ts'), mode: `${target}-${part}`, logLevel: quiet ? 'error' : 'warn' });
    }
    verify(join(root, 'dist', target));
  }
  await buildCompanion({ quiet });
  return Date.now() - started;
}

function fail(dist, message) {
  throw new Error(`build check failed for ${relative(root, dist)}: ${message}`);
}

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

export function verify(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const named = [
    manifest.background?.service_worker,
    ...(manifest.background?.scripts ?? []),
    manifest.action?.default_popup,
    ...Object.values(manifest.icons ?? {}),
    ...(manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
    `_locales/${manifest.default_locale}/messages.json`,
    'app.html',
  ].filter(Boolean);
  for (const file of named) if (!existsSync(join(dist, file))) fail(dist, `missing ${file}`);

  const extra = (manifest.permissions ?? []).filter((p) => !ALLOWED_PERMISSIONS.includes(p));
  const hosts = [...(manifest.host_permissions ?? []), ...(manifest.content_scripts ?? []).flatMap((c) => c.matches ?? [])];
  const extraHosts = hosts.filter((h) => !ALLOWED_HOSTS.includes(h));
  const extraOptional = (manifest.optional_permissions ?? []).filter((p) => !ALLOWED_OPTIONAL_PERMISSIONS.includes(p));
  if (extra.length || extraHosts.length || extraOptional.length || manifest.optional_host_permissions) {
    fail(dist, `the manifest asks for more than storage, alarms, SPOT and (optionally) nativeMessaging: ${[...extra, ...extraHosts, ...extraOptional, ...(manifest.optional_host_permissions ?? [])].join(', ')}`);
  }

  // Content scripts are classic scripts: an import/export statement is a syntax error there.
  const content = readFileSync(join(dist, 'content.js'), 'utf8');
  try {
    new Script(content, { filename: 'content.js' });
  } catch (error) {
    fail(dist, `content.js is not a classic script: ${error.message}`);
  }
  if (/\bimport\s*\(/.test(content)) fail(dist, 'content.js contains a dynamic import()');

  for (const file of filesUnder(dist)) {
    if (file.endsWith('.html')) {
      const html = readFileSync(file, 'utf8');
      if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html)) fail(dist, `${relative(dist, file)} has an inline <script>`);
      if (/\son[a-z]+\s*=/i.test(html)) fail(dist, `${relative(dist, file)} has an inline event handler`);
      if (/\b(src|href)=["']?(https?:)?\/\//i.test(html)) fail(dist, `${relative(dist, file)} loads something remote`);
    }
  }
}

function summary() {
  for (const target of TARGETS) {
    const dist = join(root, 'dist', target);
    const files = filesUnder(dist);
    const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
    console.log(`  dist/${target}: ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const ms = await buildAll();
    console.log(`Built in ${(ms / 1000).toFixed(1)} s:`);
    summary();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

#!/usr/bin/env node
// The companion runs the same TypeScript sources as the extension (src/lib, src/shared).
// `npm run build` compiles them to dist/companion/cli.mjs; that file is used while it is newer
// than every source, so a run never uses stale code; otherwise tsx compiles the sources on the
// fly, so a fresh clone needs no build step.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = `${root}dist/companion/cli.mjs`;

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function builtIsFresh() {
  try {
    const at = statSync(built).mtimeMs;
    return at >= newestSource(`${root}src`) && at >= newestSource(`${root}public/_locales`);
  } catch {
    return false;
  }
}

let main;
if (!process.env.SPOT_COMPANION_FROM_SOURCE && builtIsFresh()) {
  ({ main } = await import(built));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/companion/cli.ts'));
}
process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// The companion runs the same TypeScript sources as the extension (src/lib, src/shared);
// tsx compiles them on the fly so that a fresh clone needs no build step before use.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/companion/cli.ts');
process.exitCode = await main(process.argv.slice(2));

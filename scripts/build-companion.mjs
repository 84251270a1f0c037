// Compiles the companion (src/companion/cli.ts and what it imports) to plain JavaScript in
// dist/companion, so `spot-companion` starts without compiling TypeScript on every run (the
// native host is started by the browser for every exchange). bin/spot-companion.js uses it
// only while it is newer than every source file; otherwise it runs the sources through tsx.
import { join } from 'node:path';
import { build } from 'vite';

const root = new URL('..', import.meta.url).pathname;

export async function buildCompanion({ quiet = false } = {}) {
  await build({
    configFile: false,
    root,
    logLevel: quiet ? 'error' : 'warn',
    publicDir: false,
    build: {
      ssr: join(root, 'src/companion/cli.ts'),
      outDir: join(root, 'dist/companion'),
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: true,
      rollupOptions: { output: { format: 'es', entryFileNames: 'cli.mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' } },
    },
  });
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Test files that ask for happy-dom (`// @vitest-environment happy-dom`) run in their own
 * project: Vitest keeps one transform mode per worker process, and mixing node and DOM files
 * in one worker broke `node:` imports depending on which file a worker ran first.
 */
function domTestFiles(dir = 'test'): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'e2e' && name !== 'fixtures') out.push(...domTestFiles(path));
    } else if (/\.test\.tsx?$/.test(name) && /^\s*(\/\/|\/\*\*?)\s*@vitest-environment happy-dom/m.test(readFileSync(path, 'utf8').slice(0, 400))) {
      out.push(relative('.', path));
    }
  }
  return out;
}
const dom = domTestFiles();

// Three projects: node unit tests, DOM component tests, and end-to-end tests in the real
// browsers (one file at a time: two cores, and each browser is a heavy process).
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', ...dom],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: dom.length ? dom : ['test/__none__'],
          environment: 'happy-dom',
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Test files that need a DOM start with `// @dom-environment` and run in their own project,
 * in happy-dom with modules transformed for Node (test/env/happy-dom-node.ts). Vitest's own
 * `@vitest-environment happy-dom` transforms for the browser, which broke `node:` imports in
 * some full runs; files still using it are put in the same project.
 */
function domTestFiles(dir = 'test'): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'e2e' && name !== 'fixtures') out.push(...domTestFiles(path));
    } else if (/\.test\.tsx?$/.test(name) && /^\s*(\/\/|\/\*\*?)\s*@(dom-environment|vitest-environment happy-dom)/m.test(readFileSync(path, 'utf8').slice(0, 400))) {
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
          environment: './test/env/happy-dom-node.ts',
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

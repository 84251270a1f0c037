import { builtinEnvironments, type Environment } from 'vitest/runtime';

/**
 * happy-dom with modules transformed for Node, as the node tests are: component and
 * content-script tests read fixtures with `node:fs`, and Vitest's own happy-dom environment
 * transforms for the browser, which turned `node:` imports into stubs that failed in some full
 * runs ("No such built-in module: node:"). Test files ask for it with a first-line comment
 * `// @dom-environment` (see vitest.config.ts).
 */
const happyDom = builtinEnvironments['happy-dom'];

export default {
  name: 'happy-dom-node',
  viteEnvironment: 'ssr',
  setup: (global, options) => happyDom.setup(global, options),
} satisfies Environment;

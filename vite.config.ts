/**
 * Builds the extension for one browser, in two parts (Vite cannot mix output formats):
 *
 *   mode `<target>-pages`   background.js (ES module) + popup.html + app.html (ES modules),
 *                           public/ (locales, icons) and manifest.json
 *   mode `<target>-content` content.js, a classic IIFE script (content scripts cannot be
 *                           modules), into the same folder
 *
 * `scripts/build.mjs` runs both parts for chrome and firefox into dist/<target>;
 * by hand: `npx vite build --mode chrome-pages`, then `--mode chrome-content`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { CONTENT_KEY_PREFIXES, pruneCatalogue } from './scripts/locale-parts.mjs';

export type Target = 'chrome' | 'firefox';
export type Part = 'pages' | 'content';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * One manifest for both browsers, shipped unchanged: Chrome uses `background.service_worker`
 * and ignores `scripts` (with a warning on chrome://extensions), Firefox uses
 * `background.scripts` (an event page) and ignores `service_worker`; Chrome ignores
 * `browser_specific_settings`. A per-browser difference, if ever truly needed, goes here.
 */
export function manifestFor(_target: Target): Record<string, unknown> {
  return JSON.parse(readFileSync(here('manifest.json'), 'utf8')) as Record<string, unknown>;
}

function emitManifest(target: Target): Plugin {
  return {
    name: 'spot-pomocnik:manifest',
    generateBundle() {
      this.addWatchFile(here('manifest.json'));
      this.emitFile({ type: 'asset', fileName: 'manifest.json', source: `${JSON.stringify(manifestFor(target), null, 2)}\n` });
    },
  };
}

/** The bundled copies of the `_locales` catalogues lose their descriptions; the content script keeps only its keys. */
function localeCatalogues(part: Part): Plugin {
  const keep = part === 'content' ? (key: string) => CONTENT_KEY_PREFIXES.some((p) => key.startsWith(p)) : () => true;
  return {
    name: 'spot-pomocnik:locale-catalogues',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]_locales[\\/][a-z]{2}[\\/]messages\.json$/.test(id.split('?')[0] ?? '')) return null;
      return { code: pruneCatalogue(code, keep), map: null };
    },
  };
}

function parseMode(mode: string): { target: Target; part: Part } {
  const [target, part] = mode.split('-');
  if ((target === 'chrome' || target === 'firefox') && (part === 'pages' || part === 'content')) return { target, part };
  throw new Error(`vite.config.ts: mode must be <chrome|firefox>-<pages|content>, got "${mode}"`);
}

const common: UserConfig = {
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // Libraries sometimes test process.env.NODE_ENV; nothing of Node reaches the browser.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  logLevel: 'warn',
  build: {
    target: ['chrome120', 'firefox140'],
    // Minified to keep the content script (loaded on every SPOT page) and the popup small
    // (issue 8 budgets); the readable sources are the repository, built reproducibly.
    minify: true,
    sourcemap: process.env.SPOT_SOURCEMAP === "1",
    reportCompressedSize: false,
  },
};

function pages(target: Target): UserConfig {
  return {
    ...common,
    root: here('src/popup'),
    base: './',
    publicDir: here('public'),
    plugins: [emitManifest(target), localeCatalogues('pages')],
    build: {
      ...common.build,
      outDir: here(`dist/${target}`),
      emptyOutDir: true,
      // The polyfill would be an inline-free but useless script; extension pages load locally.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        input: {
          popup: here('src/popup/popup.html'),
          app: here('src/popup/app.html'),
          background: here('src/background/index.ts'),
        },
        output: {
          entryFileNames: (chunk) => (chunk.name === 'background' ? 'background.js' : 'assets/[name]-[hash].js'),
          chunkFileNames: 'assets/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
  };
}

function content(target: Target): UserConfig {
  return {
    ...common,
    publicDir: false,
    plugins: [localeCatalogues('content')],
    resolve: { alias: { 'webextension-polyfill': here('src/content/browserApi.ts') } },
    build: {
      ...common.build,
      outDir: here(`dist/${target}`),
      emptyOutDir: false,
      copyPublicDir: false,
      lib: {
        entry: here('src/content/main.ts'),
        formats: ['iife'],
        name: 'spotPomocnikContent',
        fileName: () => 'content.js',
      },
    },
  };
}

export default defineConfig(({ mode }) => {
  const { target, part } = parseMode(mode);
  return part === 'pages' ? pages(target) : content(target);
});

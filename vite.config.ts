/**
 * Builds the extension for one browser, in three parts (Vite cannot mix output formats, and the
 * popup must not share chunks with the background):
 *
 *   mode `<target>-pages`      popup.html + app.html (ES modules), public/ (locales, icons) and
 *                              manifest.json
 *   mode `<target>-background` background.js, one ES module with everything it needs
 *   mode `<target>-content`    content.js, a classic IIFE script (content scripts cannot be
 *                              modules)
 *
 * The background is built apart from the pages so that the popup's first chunk holds only what
 * the popup runs (issue 8: open to interactive in 150 ms): built together, every module both
 * use went into chunks shared with the background (the domain rules, the catalogues,
 * papaparse's chunk with the bundler's runtime), nine files before the first view.
 *
 * `scripts/build.mjs` runs the three parts for chrome and firefox into dist/<target>; by hand:
 * `npx vite build --mode chrome-pages`, then `--mode chrome-background` and `--mode chrome-content`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { CONTENT_KEY_PREFIXES, pruneCatalogue } from './scripts/locale-parts.mjs';

export type Target = 'chrome' | 'firefox';
export type Part = 'pages' | 'background' | 'content';

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

/**
 * The bundled copies of the `_locales` catalogues lose their descriptions; the background keeps
 * every string (it hands them to the content script and the pages when the browser's own
 * catalogue speaks another language: shared/i18n.ts), the content script only its keys, and the
 * pages none: they ask the browser, or read the user's language from `_locales` at start
 * (src/popup/catalogue.ts).
 */
function localeCatalogues(part: Part): Plugin {
  const keep = part === 'background' ? () => true
    : part === 'content' ? (key: string) => CONTENT_KEY_PREFIXES.some((p) => key.startsWith(p))
      : () => false;
  return {
    name: 'spot-pomocnik:locale-catalogues',
    enforce: 'pre',
    transform(code, id) {
      // Imported as JSON; `?raw` (the pages' own copy, src/popup/catalogue.ts) stays the file as it is.
      if (!/[\\/]_locales[\\/][a-z]{2}[\\/]messages\.json$/.test(id)) return null;
      return { code: pruneCatalogue(code, keep), map: null };
    },
  };
}

/**
 * src/popup/boot.ts, a chunk of its own, as the first script of popup.html and app.html: it asks
 * the background for the app's start while the app's chunk is still loading. Module scripts run
 * in document order, each as soon as it is loaded (and the page parsed): the small boot first,
 * the app when its larger chunk is in.
 */
function earlyStart(): Plugin {
  return {
    name: 'spot-pomocnik:early-start',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const boot = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === 'boot');
        if (!boot) throw new Error('vite.config.ts: the boot chunk (src/popup/boot.ts) is missing');
        return [{ tag: 'script', attrs: { type: 'module', src: `./${boot.fileName}` }, injectTo: 'head-prepend' }];
      },
    },
  };
}

const BOOT = here('src/popup/boot.ts');

function parseMode(mode: string): { target: Target; part: Part } {
  const [target, part] = mode.split('-');
  if ((target === 'chrome' || target === 'firefox') && (part === 'pages' || part === 'background' || part === 'content')) return { target, part };
  throw new Error(`vite.config.ts: mode must be <chrome|firefox>-<pages|background|content>, got "${mode}"`);
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
    plugins: [emitManifest(target), localeCatalogues('pages'), earlyStart()],
    resolve: { alias: { 'webextension-polyfill': here('src/popup/browserApi.ts') } },
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
          boot: BOOT,
        },
        output: {
          entryFileNames: 'assets/[name]-[hash].js',
          chunkFileNames: 'assets/[name]-[hash].js',
          // Everything popup.html / app.html import statically, in one chunk: each chunk of the
          // first view is a request before the app runs (the views load on first use). boot.ts
          // stays alone (it imports nothing).
          codeSplitting: { groups: [{ name: 'start', tags: ['$initial'], test: (id) => id !== BOOT }] },
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
  };
}

/** One file of its own beside the pages (no public folder, nothing emptied: the pages build writes there too). */
function singleFile(target: Target, part: 'background' | 'content', lib: NonNullable<NonNullable<UserConfig['build']>['lib']>, extra: UserConfig = {}): UserConfig {
  return {
    ...common,
    ...extra,
    publicDir: false,
    plugins: [localeCatalogues(part)],
    build: { ...common.build, outDir: here(`dist/${target}`), emptyOutDir: false, copyPublicDir: false, lib },
  };
}

/** The service worker (Chrome) / event page (Firefox): one ES module, no chunks (no `import()` in a service worker). */
function background(target: Target): UserConfig {
  return singleFile(target, 'background', { entry: here('src/background/index.ts'), formats: ['es'], fileName: () => 'background.js' });
}

function content(target: Target): UserConfig {
  return singleFile(
    target, 'content',
    { entry: here('src/content/main.ts'), formats: ['iife'], name: 'spotPomocnikContent', fileName: () => 'content.js' },
    { resolve: { alias: { 'webextension-polyfill': here('src/content/browserApi.ts') } } },
  );
}

export default defineConfig(({ mode }) => {
  const { target, part } = parseMode(mode);
  return part === 'pages' ? pages(target) : part === 'background' ? background(target) : content(target);
});

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIREFOX_EXTENSION_ID, NATIVE_HOST_NAME } from '../../shared/protocol/native.ts';
import { userConfigHome, APP_DIR, type Env } from '../config.ts';
import { UsageError } from '../errors.ts';

/**
 * Registers the native-messaging host with a browser, per user (no root needed):
 * a small launcher script (absolute node + bin/spot-companion.js native-host, with the
 * config file pinned) and the host manifest in the browser's per-user folder.
 *
 *   Linux:  ~/.config/chromium/NativeMessagingHosts/   ~/.config/google-chrome/NativeMessagingHosts/
 *           ~/.mozilla/native-messaging-hosts/
 *   macOS:  ~/Library/Application Support/{Chromium,Google/Chrome}/NativeMessagingHosts/
 *           ~/Library/Application Support/Mozilla/NativeMessagingHosts/
 *
 * Windows registers hosts in the registry; that is not done here (a clear error says so).
 */
export const BROWSERS = ['chromium', 'chrome', 'firefox'] as const;
export type BrowserName = (typeof BROWSERS)[number];

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'spot-companion.js');

/** The browser's per-user folder for host manifests. For Chromium-based browsers it sits in the user data folder. */
export function manifestDir(browser: BrowserName, e: Env): string {
  if (e.platform === 'win32') throw new UsageError('V sistemu Windows brskalniki najdejo pomočnika prek registra; to namestitev še ni podprta.');
  const mac = e.platform === 'darwin';
  switch (browser) {
    case 'chromium': return join(mac ? join(e.home, 'Library', 'Application Support', 'Chromium') : join(userConfigHome(e), 'chromium'), 'NativeMessagingHosts');
    case 'chrome': return join(mac ? join(e.home, 'Library', 'Application Support', 'Google', 'Chrome') : join(userConfigHome(e), 'google-chrome'), 'NativeMessagingHosts');
    case 'firefox': return mac ? join(e.home, 'Library', 'Application Support', 'Mozilla', 'NativeMessagingHosts') : join(e.home, '.mozilla', 'native-messaging-hosts');
  }
}

/** The host manifest a browser reads (name, description, launcher path, stdio, who may connect). */
export function hostManifest(browser: BrowserName, launcher: string, extensionId?: string): Record<string, unknown> {
  const base = {
    name: NATIVE_HOST_NAME,
    description: 'SPOT pomočnik – lokalni pomočnik: shranjevanje izvozov v izbrano mapo, nove datoteke FURS iz mape za prenose',
    path: launcher,
    type: 'stdio',
  };
  if (browser === 'firefox') return { ...base, allowed_extensions: [FIREFOX_EXTENSION_ID] };
  if (!extensionId) throw new UsageError('Manjka ID razširitve.');
  return { ...base, allowed_origins: [`chrome-extension://${extensionId}/`] };
}

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** The launcher the manifest points to: exec node on the companion, config file pinned. */
export function launcherScript(configFile: string, node = process.execPath, bin = BIN): string {
  return [
    '#!/bin/sh',
    '# SPOT pomočnik: the browser starts this for the native-messaging host (spot-companion install-native-host).',
    `SPOT_COMPANION_CONFIG=${shellQuote(configFile)}`,
    'export SPOT_COMPANION_CONFIG',
    `exec ${shellQuote(node)} ${shellQuote(bin)} native-host "$@"`,
    '',
  ].join('\n');
}

export function launcherPath(e: Env): string {
  return join(userConfigHome(e), APP_DIR, 'native-host.sh');
}

/** Chrome's extension id alphabet: the first 128 bits of a SHA-256, hex digits 0–f written as a–p. */
function idOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32).replace(/[0-9a-f]/g, (h) => String.fromCharCode(97 + parseInt(h, 16)));
}

/** The id Chrome gives an extension whose manifest has `key` (base64 DER public key). */
export function extensionIdFromKey(key: string): string {
  return idOf(Buffer.from(key, 'base64'));
}

/** The id Chrome gives an unpacked extension loaded from `dir` (from its absolute path). */
export function extensionIdFromPath(dir: string): string {
  return idOf(Buffer.from(realpathSync(dir), 'utf8'));
}

export const EXTENSION_ID = /^[a-p]{32}$/;

function manifestKey(): string | null {
  try {
    const m = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { key?: unknown };
    return typeof m.key === 'string' ? m.key : null;
  } catch {
    return null;
  }
}

/** The Chrome extension id: the flag, else from the manifest's `key`; else a clear error with a hint. */
export function chromeExtensionId(flag: string | undefined): string {
  if (flag !== undefined) {
    if (!EXTENSION_ID.test(flag)) throw new UsageError(`ID razširitve »${flag}« ni veljaven: pričakovanih je 32 malih črk a–p (kot na strani chrome://extensions).`);
    return flag;
  }
  const key = manifestKey();
  if (key) return extensionIdFromKey(key);
  const dist = join(ROOT, 'dist', 'chrome');
  const hint = existsSync(dist) ? ` Če ste naložili razpakirano razširitev iz »${dist}«, je njen ID ${extensionIdFromPath(dist)}.` : '';
  throw new UsageError(`Za Chrome in Chromium navedite --extension-id ID: manifest.json nima ključa »key«, zato ID razširitve ni znan vnaprej. ID vidite na strani chrome://extensions (vklopite »Način za razvijalce«).${hint}`);
}

export interface InstallResult { done: string[] }

export async function installHost(browser: BrowserName, options: { extensionId?: string; configFile: string; env: Env }): Promise<InstallResult> {
  const dir = manifestDir(browser, options.env);
  const id = browser === 'firefox' ? undefined : chromeExtensionId(options.extensionId);
  const launcher = launcherPath(options.env);
  await mkdir(dirname(launcher), { recursive: true, mode: 0o700 });
  await writeFile(launcher, launcherScript(options.configFile), { mode: 0o700 });
  await chmod(launcher, 0o700);
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${NATIVE_HOST_NAME}.json`);
  await writeFile(file, `${JSON.stringify(hostManifest(browser, launcher, id), null, 2)}\n`);
  return {
    done: [
      `zagonski program: ${launcher}`,
      `manifest gostitelja (${browser}): ${file}`,
      browser === 'firefox' ? `dovoljena razširitev: ${FIREFOX_EXTENSION_ID}` : `dovoljena razširitev: chrome-extension://${id}/`,
    ],
  };
}

/** Removes the browser's manifest; the launcher too when no other browser's manifest uses it. */
export async function uninstallHost(browser: BrowserName, env: Env): Promise<InstallResult> {
  const file = join(manifestDir(browser, env), `${NATIVE_HOST_NAME}.json`);
  const done: string[] = [];
  if (existsSync(file)) { await rm(file); done.push(`odstranjen manifest gostitelja (${browser}): ${file}`); } else done.push(`manifesta gostitelja (${browser}) ni bilo: ${file}`);
  const launcher = launcherPath(env);
  const stillUsed = await Promise.all(BROWSERS.filter((b) => b !== browser).map(async (b) => {
    const other = join(manifestDir(b, env), `${NATIVE_HOST_NAME}.json`);
    return existsSync(other) && (await readFile(other, 'utf8')).includes(launcher);
  }));
  if (!stillUsed.some(Boolean) && existsSync(launcher)) { await rm(launcher); done.push(`odstranjen zagonski program: ${launcher}`); }
  return { done };
}

import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { UsageError } from './errors.ts';

/**
 * The companion's only settings: where the native host saves exports and where it looks for
 * new FURS downloads. One small JSON file in the user's config folder
 * (`$XDG_CONFIG_HOME/spot-pomocnik/config.json`, macOS `~/Library/Application Support/…`,
 * Windows `%APPDATA%\…`), or the file `SPOT_COMPANION_CONFIG` names (the launcher the
 * installer writes pins it, so the browser finds the same file whatever its environment).
 */
export interface CompanionConfig {
  exportDir?: string;
  downloadDir?: string;
}

export interface Env {
  env: NodeJS.ProcessEnv;
  home: string;
  platform: NodeJS.Platform;
}

export const systemEnv = (): Env => ({ env: process.env, home: homedir(), platform: process.platform });

export const APP_DIR = 'spot-pomocnik';

/** The user's config folder (XDG on Linux). */
export function userConfigHome({ env, home, platform }: Env): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  if (platform === 'win32') return env.APPDATA || join(home, 'AppData', 'Roaming');
  return env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, '.config');
}

export function configFile(e: Env): string {
  return e.env.SPOT_COMPANION_CONFIG || join(userConfigHome(e), APP_DIR, 'config.json');
}

export async function readConfig(file: string): Promise<CompanionConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new UsageError(`Nastavitev »${file}« ni mogoče prebrati: ${(e as NodeJS.ErrnoException).code ?? String(e)}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`Nastavitve »${file}« niso veljaven JSON. Popravite ali izbrišite datoteko in jih nastavite znova (spot-companion config).`);
  }
  const c = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const dir = (v: unknown): string | undefined => (typeof v === 'string' && isAbsolute(v) ? v : undefined);
  const out: CompanionConfig = {};
  const exportDir = dir(c.exportDir);
  const downloadDir = dir(c.downloadDir);
  if (exportDir) out.exportDir = exportDir;
  if (downloadDir) out.downloadDir = downloadDir;
  return out;
}

/** Writes the whole file at once (temp file + rename), readable by the user only. */
export async function writeConfig(file: string, config: CompanionConfig): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, file);
}

/** An existing folder, as an absolute path; a usage error otherwise. */
export async function existingDir(path: string, what: string): Promise<string> {
  const abs = resolve(path);
  const s = await stat(abs).catch(() => null);
  if (!s?.isDirectory()) throw new UsageError(`${what} »${abs}« ne obstaja ali ni mapa.`);
  return abs;
}

/**
 * The download folder: the configured one, else the desktop's (XDG `user-dirs.dirs`:
 * `XDG_DOWNLOAD_DIR`, "Prenosi" on a Slovenian desktop), else `~/Prenosi` or `~/Downloads`.
 */
export function downloadDir(config: CompanionConfig, e: Env): string {
  if (config.downloadDir) return config.downloadDir;
  if (e.platform === 'linux') {
    try {
      const dirs = readFileSync(join(userConfigHome(e), 'user-dirs.dirs'), 'utf8');
      const m = /^XDG_DOWNLOAD_DIR="([^"]+)"/m.exec(dirs);
      if (m) {
        const path = m[1]!.replace(/^\$HOME/, e.home);
        if (isAbsolute(path)) return path;
      }
    } catch {
      // No user-dirs file: fall through to the usual names.
    }
  }
  const prenosi = join(e.home, 'Prenosi');
  return existsSync(prenosi) ? prenosi : join(e.home, 'Downloads');
}

/** The version in package.json (what `status` reports). */
export function companionVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

import { configFile, existingDir, readConfig, systemEnv, writeConfig, downloadDir } from '../config.ts';
import { choiceOption, parseArgs } from '../args.ts';
import { UsageError } from '../errors.ts';
import { Exit, type Io } from '../io.ts';
import { runNativeHost } from '../native/host.ts';
import { BROWSERS, installHost, uninstallHost } from '../native/install.ts';

/** `spot-companion native-host`: started by the browser; speaks only the protocol on stdout. */
export async function nativeHostCommand(args: string[]): Promise<Exit> {
  // Chrome passes the caller's origin (and on Windows a window handle), Firefox the manifest
  // path and the add-on id. The browser has already checked who may start us.
  const log = (line: string): void => { process.stderr.write(`[spot-companion native-host] ${line}\n`); };
  if (args.length > 0) log(`klicatelj: ${args.join(' ')}`);
  await runNativeHost({ input: process.stdin, output: process.stdout, log, env: systemEnv() });
  return new Exit(0);
}

const CONFIG_USAGE = 'Uporaba: spot-companion config [--export-dir MAPA] [--download-dir MAPA]';

/** `spot-companion config`: shows or sets the export and download folders. */
export async function configCommand(argv: string[]): Promise<unknown> {
  const args = parseArgs(argv, { '--export-dir': 'value', '--download-dir': 'value' }, CONFIG_USAGE);
  if (args.positional.length > 0) throw new UsageError(CONFIG_USAGE);
  const env = systemEnv();
  const file = configFile(env);
  const config = await readConfig(file);
  const exportDir = args.values['--export-dir'];
  const download = args.values['--download-dir'];
  if (exportDir !== undefined || download !== undefined) {
    if (exportDir !== undefined) config.exportDir = await existingDir(exportDir, 'Mapa za izvoze');
    if (download !== undefined) config.downloadDir = await existingDir(download, 'Mapa za prenose');
    await writeConfig(file, config);
  }
  return { configFile: file, exportDir: config.exportDir ?? null, downloadDir: downloadDir(config, env) };
}

const INSTALL_USAGE = `Uporaba: spot-companion install-native-host --browser ${BROWSERS.join('|')} [--extension-id ID] [--export-dir MAPA] [--uninstall]`;

/** `spot-companion install-native-host`: registers (or removes) the host for one browser, per user. */
export async function installCommand(argv: string[], io: Io): Promise<Exit> {
  const args = parseArgs(argv, { '--browser': 'value', '--extension-id': 'value', '--export-dir': 'value', '--uninstall': 'flag' }, INSTALL_USAGE);
  if (args.positional.length > 0) throw new UsageError(INSTALL_USAGE);
  if (args.values['--browser'] === undefined) throw new UsageError(`Manjka --browser.\n${INSTALL_USAGE}`);
  const browser = choiceOption('--browser', args.values['--browser'], BROWSERS, 'chromium', INSTALL_USAGE);
  const env = systemEnv();
  const file = configFile(env);
  if (args.flags.has('--uninstall')) {
    const { done } = await uninstallHost(browser, env);
    io.out(`${done.join('\n')}\n`);
    return new Exit(0);
  }
  const exportDir = args.values['--export-dir'];
  if (exportDir !== undefined) {
    const config = await readConfig(file);
    config.exportDir = await existingDir(exportDir, 'Mapa za izvoze');
    await writeConfig(file, config);
  }
  const extensionId = args.values['--extension-id'];
  const { done } = await installHost(browser, { configFile: file, env, ...(extensionId !== undefined ? { extensionId } : {}) });
  const config = await readConfig(file);
  done.push(`nastavitve: ${file}`);
  done.push(config.exportDir ? `mapa za izvoze: ${config.exportDir}` : 'mapa za izvoze še ni nastavljena: spot-companion config --export-dir MAPA');
  io.out(`Nameščeno:\n${done.map((l) => `  ${l}`).join('\n')}\nV razširitvi dovolite »pomočnika na računalniku« (dovoljenje nativeMessaging); brskalnika ni treba znova zagnati.\n`);
  return new Exit(0);
}

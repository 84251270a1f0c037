import { describe, expect, it } from 'vitest';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NATIVE_HOST_NAME } from '../../src/shared/protocol/native.ts';
import { runCli } from './run.ts';

/** `spot-companion install-native-host` and `config`, in a made-up home folder. */
function home() {
  const dir = mkdtempSync(join(tmpdir(), 'spot-install-'));
  const env = { HOME: dir, XDG_CONFIG_HOME: join(dir, '.config'), SPOT_COMPANION_CONFIG: '' };
  return { dir, env };
}

const ID = 'abcdefghijklmnopabcdefghijklmnop';

describe('spot-companion install-native-host', () => {
  it('for Chromium it needs the extension id, and says where to find it', async () => {
    const { env } = home();
    const r = await runCli(['install-native-host', '--browser', 'chromium'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('navedite --extension-id');
    expect(r.stderr).toContain('chrome://extensions');
    const bad = await runCli(['install-native-host', '--browser', 'chrome', '--extension-id', 'ABC'], { env });
    expect(bad.stderr).toContain('32 malih črk a–p');
  });

  it('writes the launcher and the Chromium manifest, sets the export folder, and uninstalls', async () => {
    const { dir, env } = home();
    const exports = join(dir, 'Izvozi');
    mkdirSync(exports);
    const r = await runCli(['install-native-host', '--browser', 'chromium', '--extension-id', ID, '--export-dir', exports], { env });
    expect(r.code).toBe(0);
    const manifestFile = join(dir, '.config', 'chromium', 'NativeMessagingHosts', `${NATIVE_HOST_NAME}.json`);
    expect(r.stdout).toContain(manifestFile);
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    expect(manifest).toEqual({
      name: NATIVE_HOST_NAME, description: expect.any(String), path: join(dir, '.config', 'spot-pomocnik', 'native-host.sh'),
      type: 'stdio', allowed_origins: [`chrome-extension://${ID}/`],
    });
    expect(manifest.name).toMatch(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/);
    accessSync(manifest.path, constants.X_OK);
    const launcher = readFileSync(manifest.path, 'utf8');
    expect(launcher).toContain(`'${process.execPath}'`);
    expect(launcher).toContain('bin/spot-companion.js\' native-host "$@"');
    expect(launcher).toContain(`SPOT_COMPANION_CONFIG='${join(dir, '.config', 'spot-pomocnik', 'config.json')}'`);

    const config = await runCli(['config'], { env });
    expect(JSON.parse(config.stdout)).toMatchObject({ exportDir: exports, configFile: join(dir, '.config', 'spot-pomocnik', 'config.json') });

    const firefox = await runCli(['install-native-host', '--browser', 'firefox'], { env });
    expect(firefox.code).toBe(0);
    const ff = JSON.parse(readFileSync(join(dir, '.mozilla', 'native-messaging-hosts', `${NATIVE_HOST_NAME}.json`), 'utf8'));
    expect(ff.allowed_extensions).toEqual(['spot-pomocnik@pomocnik.si']);
    expect(ff.allowed_origins).toBeUndefined();

    const off = await runCli(['install-native-host', '--browser', 'chromium', '--uninstall'], { env });
    expect(off.code).toBe(0);
    expect(existsSync(manifestFile)).toBe(false);
    expect(existsSync(manifest.path)).toBe(true); // Firefox still uses it
    await runCli(['install-native-host', '--browser', 'firefox', '--uninstall'], { env });
    expect(existsSync(manifest.path)).toBe(false);
  });

  it('config refuses a folder that does not exist', async () => {
    const { dir, env } = home();
    const r = await runCli(['config', '--export-dir', join(dir, 'ni-je')], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ne obstaja ali ni mapa');
  });
});

/**
 * The extension and the local companion in real Chromium: the shipped dist/chrome talks to
 * `spot-companion native-host` (the real binary, started by Chromium through the launcher
 * and host manifest the installer writes) and saves an export into the configured folder.
 *
 * Set-up, per test profile:
 * - Chromium reads per-user hosts from `NativeMessagingHosts/` inside its user data folder,
 *   so the host manifest goes there (the same manifest `install-native-host` writes);
 * - `nativeMessaging` is an optional permission. Chromium's permission prompt cannot be
 *   answered in headless mode (a `permissions.request` from a real click stays pending), so
 *   the profile starts in the state the prompt leaves when a user accepts it: the grant
 *   stored in `Default/Preferences` for this extension id. Chromium bounds stored grants by
 *   the manifest — the test also stores `tabs`, which must NOT become active — so this proves
 *   that Chromium accepts nativeMessaging as an optional permission and that nothing else
 *   is granted.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { withChromium } from './harness/index.ts';
import { distFor } from './harness/paths.ts';
import { extensionIdFromPath, hostManifest, launcherScript } from '../../src/companion/native/install.ts';
import { NATIVE_HOST_NAME } from '../../src/shared/protocol/native.ts';

/** The extension API inside the popup page (the callbacks below run in the browser). */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } }> };
  permissions: {
    getAll(): Promise<{ origins?: string[]; permissions?: string[] }>;
    remove(p: { permissions: string[] }): Promise<boolean>;
  };
};

/** `CHANNEL` of src/shared/messages.ts (that module needs the extension runtime, so it is not imported here). */
const CHANNEL = 'spot-pomocnik/1';

/** Sends a typed message from an extension page, as the popup's `send()` does, and returns the raw Result. */
function ask(page: Page, name: string, payload: unknown): Promise<{ ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } }> {
  return page.evaluate(([channel, n, p]) => chrome.runtime.sendMessage({ channel, name: n, payload: p }), [CHANNEL, name, payload] as const);
}

describe('native messaging: Chromium (dist/chrome) ↔ spot-companion native-host', () => {
  it('saves an export through the host into the configured folder, and refuses a path', async () => {
    const work = mkdtempSync(join(tmpdir(), 'spot-e2e-native-'));
    try {
      const exportDir = join(work, 'Izvozi');
      mkdirSync(exportDir);
      const configFile = join(work, 'config.json');
      writeFileSync(configFile, JSON.stringify({ exportDir, downloadDir: join(work, 'Prenosi') }));
      const launcher = join(work, 'native-host.sh');
      writeFileSync(launcher, launcherScript(configFile), { mode: 0o700 });
      const expectedId = extensionIdFromPath(distFor('chrome'));

      await withChromium(async ({ extensionId, openPopup }) => {
        // The id install-native-host derives for an unpacked dist/chrome is the one Chromium uses.
        expect(extensionId).toBe(expectedId);
        const popup = await openPopup();
        expect(await popup.evaluate(() => chrome.permissions.getAll())).toEqual({ origins: expect.any(Array), permissions: expect.arrayContaining(['nativeMessaging']) });
        expect((await popup.evaluate(() => chrome.permissions.getAll())).permissions).not.toContain('tabs');

        expect(await ask(popup, 'ui:nativeStatus', {})).toEqual({ ok: true, value: { available: true, folder: exportDir, version: expect.any(String) } });

        const text = '\ufeffDelavec;Osnova ZZZS na uro (EUR)\r\nNovak Ana;13,90\r\n';
        const saved = await ask(popup, 'ui:nativeSaveExport', { fileName: 'osnove-marec.csv', text });
        expect(saved).toEqual({ ok: true, value: { path: join(exportDir, 'osnove-marec.csv') } });
        expect(readFileSync(join(exportDir, 'osnove-marec.csv'), 'utf8')).toBe(text);
        // Saving again never overwrites.
        expect(await ask(popup, 'ui:nativeSaveExport', { fileName: 'osnove-marec.csv', text: 'drugič' })).toEqual({ ok: true, value: { path: join(exportDir, 'osnove-marec (2).csv') } });

        // (The service worker speaks the browser's language, English here.)
        const refused = await ask(popup, 'ui:nativeSaveExport', { fileName: '../x.csv', text: 'x' });
        expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', message: expect.stringContaining('the file name “../x.csv” is not allowed: the name must not contain a path') } });
        expect(existsSync(join(work, 'x.csv'))).toBe(false);
        expect(readdirSync(exportDir).sort()).toEqual(['osnove-marec (2).csv', 'osnove-marec.csv']);

        // Without the permission the extension does not try the host, and says why.
        expect(await popup.evaluate(() => chrome.permissions.remove({ permissions: ['nativeMessaging'] }))).toBe(true);
        expect(await ask(popup, 'ui:nativeStatus', {})).toEqual({ ok: true, value: { available: false, reason: 'noPermission' } });
      }, {
        async prepareProfile(profile) {
          mkdirSync(join(profile, 'NativeMessagingHosts'));
          writeFileSync(join(profile, 'NativeMessagingHosts', `${NATIVE_HOST_NAME}.json`), JSON.stringify(hostManifest('chromium', launcher, expectedId)));
          const granted = { api: ['nativeMessaging', 'tabs'], explicit_host: [], manifest_permissions: [], scriptable_host: [] };
          mkdirSync(join(profile, 'Default'));
          writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({
            extensions: { settings: { [expectedId]: { active_permissions: granted, granted_permissions: granted, runtime_granted_permissions: granted } } },
          }));
        },
      });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

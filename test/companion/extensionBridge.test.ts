import { beforeEach, describe, expect, it, vi } from 'vitest';
import { nativeHandlers, type NativeBridge } from '../../src/background/handlers/native.ts';
import { createRegistry, type HandlerMap } from '../../src/background/registry.ts';
import { CHANNEL } from '../../src/shared/messages.ts';
import type { NativeRequest } from '../../src/shared/protocol/native.ts';
import { EXTENSION_ID, EXTENSION_ORIGIN, resetFakeBrowser, senders } from '../background/fakeBrowser.ts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../background/fakeBrowser.ts')).fakeBrowser }));

/**
 * The background side of the companion (`ui:native*`), with a fake bridge in place of
 * `runtime.sendNativeMessage`: what the popup gets when the permission is missing, the host
 * is not installed, the host refuses, or all is well.
 */
const policy = { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN };
const envelope = (name: string, payload: unknown) => ({ channel: CHANNEL, name, payload });

function setup(bridge: Partial<NativeBridge> & { answer?: (r: NativeRequest) => unknown }) {
  const sent: NativeRequest[] = [];
  const native: NativeBridge = {
    hasPermission: bridge.hasPermission ?? (async () => true),
    send: bridge.send ?? (async (r) => { sent.push(r); return bridge.answer!(r); }),
  };
  const registry = createRegistry(nativeHandlers({ native }) as unknown as HandlerMap, policy, () => {});
  return { sent, ask: (name: string, payload: unknown) => registry.dispatch(envelope(name, payload), senders.popup()) };
}

beforeEach(() => resetFakeBrowser());

describe('ui:nativeStatus', () => {
  it('is not available, without touching the host, while the permission is not granted', async () => {
    const send = vi.fn();
    const { ask } = setup({ hasPermission: async () => false, send });
    expect(await ask('ui:nativeStatus', {})).toEqual({ ok: true, value: { available: false, reason: 'noPermission' } });
    expect(send).not.toHaveBeenCalled();
    const save = await ask('ui:nativeSaveExport', { fileName: 'a.csv', text: 'x' });
    expect(save).toMatchObject({ ok: false, error: { message: expect.stringContaining('ni dovoljen') } });
    expect(send).not.toHaveBeenCalled();
  });

  it('says the host is missing when the browser cannot find it', async () => {
    const { ask } = setup({ send: async () => { throw new Error('Specified native messaging host not found.'); } });
    expect(await ask('ui:nativeStatus', {})).toEqual({
      ok: true, value: { available: false, reason: 'hostMissing', detail: 'Specified native messaging host not found.' },
    });
    const save = await ask('ui:nativeSaveExport', { fileName: 'a.csv', text: 'x' });
    expect(save).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('spot-companion install-native-host') } });
  });

  it('reports the folder, or that none is set', async () => {
    const withFolder = setup({ answer: () => ({ ok: true, value: { version: '0.1.0', exportDir: '/home/a/Izvozi', downloadDir: '/home/a/Prenosi' } }) });
    expect(await withFolder.ask('ui:nativeStatus', {})).toEqual({ ok: true, value: { available: true, folder: '/home/a/Izvozi', version: '0.1.0' } });
    const without = setup({ answer: () => ({ ok: true, value: { version: '0.1.0', exportDir: null, downloadDir: '/home/a/Prenosi' } }) });
    expect(await without.ask('ui:nativeStatus', {})).toEqual({ ok: true, value: { available: true, reason: 'noFolder', version: '0.1.0' } });
    const garbage = setup({ answer: () => 'hello' });
    expect(await garbage.ask('ui:nativeStatus', {})).toMatchObject({ ok: true, value: { available: false, reason: 'hostFailed' } });
  });
});

describe('ui:nativeSaveExport', () => {
  it('passes a plain name to the host and returns the path it saved to', async () => {
    const { ask, sent } = setup({ answer: (r) => ({ ok: true, value: { path: `/home/a/Izvozi/${(r as { fileName: string }).fileName}`, fileName: 'x' } }) });
    expect(await ask('ui:nativeSaveExport', { fileName: 'osnove.csv', text: 'a;b' })).toEqual({ ok: true, value: { path: '/home/a/Izvozi/osnove.csv' } });
    expect(sent).toEqual([{ command: 'saveExport', fileName: 'osnove.csv', text: 'a;b' }]);
  });

  it('refuses a path in the name before anything reaches the host', async () => {
    const { ask, sent } = setup({ answer: () => ({ ok: true, value: {} }) });
    for (const fileName of ['../x.csv', '/tmp/x.csv', '..\\x.csv', 'x\u0000.csv']) {
      const answer = await ask('ui:nativeSaveExport', { fileName, text: 'x' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', message: expect.stringContaining('ni dovoljeno') } });
    }
    expect(sent).toEqual([]);
  });

  it('shows the host\'s own reason when it refuses', async () => {
    const { ask } = setup({ answer: () => ({ ok: false, error: { code: 'NO_EXPORT_DIR', message: 'Mapa za izvoze ni nastavljena.' } }) });
    expect(await ask('ui:nativeSaveExport', { fileName: 'a.csv', text: 'x' })).toEqual({
      ok: false, error: { code: 'HANDLER_FAILED', message: 'Pomočnik na računalniku: Mapa za izvoze ni nastavljena.' },
    });
  });
});

describe('ui:nativeNewFurs', () => {
  it('follows the host\'s pages and returns every file', async () => {
    const file = (name: string) => ({ name, modifiedAt: '2025-06-13T08:00:00.000Z', size: 10, type: 'disclosure', text: 'x' });
    const { ask, sent } = setup({
      answer: (r) => {
        const cursor = (r as { cursor?: string }).cursor;
        return cursor === undefined
          ? { ok: true, value: { files: [file('a.csv')], tooLarge: [], ignored: 2, next: '1|a.csv', checkedAt: '2025-06-20T10:00:00.000Z' } }
          : { ok: true, value: { files: [file('b.csv')], tooLarge: [], ignored: 1, checkedAt: '2025-06-20T10:00:01.000Z' } };
      },
    });
    const answer = await ask('ui:nativeNewFurs', { since: '2025-06-01T00:00:00Z' });
    expect(answer).toMatchObject({ ok: true, value: { files: [{ name: 'a.csv' }, { name: 'b.csv' }], ignored: 3, checkedAt: '2025-06-20T10:00:00.000Z' } });
    expect(sent).toEqual([
      { command: 'listNewFurs', since: '2025-06-01T00:00:00Z' },
      { command: 'listNewFurs', since: '2025-06-01T00:00:00Z', cursor: '1|a.csv' },
    ]);
    expect(await ask('ui:nativeNewFurs', { since: 'včeraj' })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });
});

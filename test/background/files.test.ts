/** content:readFile: SPOT downloads are read in the background, with the shared readers. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb, type SpotDb } from '../../src/background/db.ts';
import { createHandlers } from '../../src/background/handlers/index.ts';
import { createRegistry, type Registry } from '../../src/background/registry.ts';
import { CHANNEL } from '../../src/shared/messages.ts';
import { toBase64 } from '../../src/shared/protocol/files.ts';
import { ROOT } from '../companion/run.ts';
import { EXTENSION_ID, EXTENSION_ORIGIN, resetFakeBrowser, senders } from './fakeBrowser.ts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fakeBrowser.ts')).fakeBrowser }));

let db: SpotDb;
let registry: Registry;
beforeEach(() => {
  resetFakeBrowser();
  db = createDb({ indexedDB: new IDBFactory(), IDBKeyRange }, { name: 'files-test' });
  registry = createRegistry(createHandlers({ db: () => db }), { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN }, () => undefined);
});
afterEach(() => db.close());

const read = (fileName: string, bytes: Uint8Array, from = senders.tab('https://spot.gov.si/osnove.html')) =>
  registry.dispatch({ channel: CHANNEL, name: 'content:readFile', payload: { fileName, base64: toBase64(bytes) } }, from);
const fixture = (path: string) => new Uint8Array(readFileSync(join(ROOT, path)));

describe('content:readFile', () => {
  it('reads a FURS disclosure (Windows-1250 bytes included) and an eBOL XML', async () => {
    const csv = await read('osnova.csv', fixture('test/fixtures/furs/full-year.csv'));
    expect(csv).toMatchObject({ ok: true, value: { ok: true, document: { type: 'disclosure' } } });
    const xml = await read('ebol.xml', fixture('test/fixtures/ebol/ebol-signed.xml'));
    expect(xml).toMatchObject({ ok: true, value: { ok: true, document: { type: 'certificates', certificates: [{ number: '2024000123' }] } } });
  });

  it('answers what the readers say about a file they cannot read, and UNEXPECTED for another kind of file', async () => {
    const bad = await read('x.xml', new TextEncoder().encode('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'));
    expect(bad).toMatchObject({ ok: true, value: { ok: false, code: 'XML_DTD_FORBIDDEN' } });
    const page = await read('stran.html', new TextEncoder().encode('<!doctype html><html><body>SPOT</body></html>'));
    expect(page).toMatchObject({ ok: true, value: { ok: false, code: 'UNEXPECTED' } });
  });

  it('is refused from a page that is not SPOT, and when the payload is not base64', async () => {
    expect(await read('x.csv', new Uint8Array(3), senders.tab('https://spot.gov.si.evil.example/'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    const notBase64 = await registry.dispatch({ channel: CHANNEL, name: 'content:readFile', payload: { fileName: 'x.csv', base64: '<script>' } }, senders.tab('https://spot.gov.si/'));
    expect(notBase64).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });
});

describe('content:catalogue', () => {
  it("hands the content script its strings in the language asked for, and nothing of the popup's", async () => {
    const ask = (lang: string) => registry.dispatch({ channel: CHANNEL, name: 'content:catalogue', payload: { lang } }, senders.tab('https://spot.gov.si/'));
    const sl = await ask('sl') as { ok: true; value: Record<string, string> };
    const en = await ask('en') as { ok: true; value: Record<string, string> };
    expect(sl.value.panel_employer_prompt).toBeTruthy();
    expect(sl.value.panel_employer_prompt).not.toBe(en.value.panel_employer_prompt);
    expect(Object.keys(sl.value).some((k) => k.startsWith('popup_') || k.startsWith('se_'))).toBe(false);
    expect(await ask('de')).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });
});

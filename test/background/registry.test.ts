import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb, type SpotDb } from '../../src/background/db.ts';
import { createHandlers } from '../../src/background/handlers/index.ts';
import { LAST_SPOT_PAGE } from '../../src/background/handlers/status.ts';
import { createRegistry, type HandlerMap, type Registry } from '../../src/background/registry.ts';
import { object, string } from '../../src/background/validate.ts';
import { CHANNEL, MessageError, send } from '../../src/shared/messages.ts';
import { EXTENSION_ID, EXTENSION_ORIGIN, fakeBrowser, resetFakeBrowser, sendAs, senders } from './fakeBrowser.ts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fakeBrowser.ts')).fakeBrowser }));

const SPOT_PAGE = 'https://spot.gov.si/ebol-seznam.html';
const page = { url: SPOT_PAGE, title: 'Prenos ePotrdil – SPOT', heading: 'Prenos ePotrdil o zadržanosti od dela' };
const envelope = (name: string, payload: unknown) => ({ channel: CHANNEL, name, payload });
const policy = { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN };

let db: SpotDb;
let registry: Registry;
const log = vi.fn();

beforeEach(() => {
  resetFakeBrowser();
  log.mockClear();
  db = createDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  const now = () => new Date('2025-03-15T09:30:00.000Z');
  registry = createRegistry(createHandlers({ db: () => db, now }), policy, log);
  fakeBrowser.runtime.onMessage.addListener((message, sender) => registry.dispatch(message, sender));
});
afterEach(() => db.close());

describe('registry: the smoke path', () => {
  it('stores the page a SPOT tab reports and answers with the stored record', async () => {
    const answer = await registry.dispatch(envelope('content:pageSeen', page), senders.tab(SPOT_PAGE));
    const record = { ...page, seenAt: '2025-03-15T09:30:00.000Z' };
    expect(answer).toEqual({ ok: true, value: record });
    expect(await db.settings.get(LAST_SPOT_PAGE)).toEqual({ key: LAST_SPOT_PAGE, value: record });
  });

  it('tells the popup what was seen last, or nothing', async () => {
    expect(await registry.dispatch(envelope('ui:getStatus', {}), senders.popup())).toEqual({ ok: true, value: { lastSpotPage: null } });
    await registry.dispatch(envelope('content:pageSeen', page), senders.tab(SPOT_PAGE));
    const answer = await registry.dispatch(envelope('ui:getStatus', {}), senders.popup());
    expect(answer).toMatchObject({ ok: true, value: { lastSpotPage: { title: page.title } } });
  });
});

describe('registry: who may send what', () => {
  it.each([
    ['https://spot.gov.si/', true],
    ['https://ebol.spot.gov.si/seznam?x=1', true],
    ['https://SPOT.GOV.SI/', true],
    ['http://spot.gov.si/', false],
    ['https://evil-spot.gov.si.example/', false],
    ['https://spot.gov.si.evil.example/', false],
    ['https://notspot.gov.si/', false],
    ['https://127.0.0.1/', false],
  ])('content: from a tab on %s → allowed %s', async (url, allowed) => {
    const answer = await registry.dispatch(envelope('content:pageSeen', { ...page, url: SPOT_PAGE }), senders.tab(url));
    if (allowed) expect(answer.ok).toBe(true);
    else expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('refuses content: messages from a SPOT frame inside a tab on another site', async () => {
    const sender = senders.tab(SPOT_PAGE);
    sender.tab!.url = 'https://evil.example/';
    expect(await registry.dispatch(envelope('content:pageSeen', page), sender)).toMatchObject({ error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('refuses content: messages from extension pages and from other extensions', async () => {
    expect(await registry.dispatch(envelope('content:pageSeen', page), senders.popup())).toMatchObject({ error: { code: 'FORBIDDEN_SENDER' } });
    const other = { ...senders.tab(SPOT_PAGE), id: 'someone-else' };
    expect(await registry.dispatch(envelope('content:pageSeen', page), other)).toMatchObject({ error: { code: 'FORBIDDEN_SENDER' } });
    expect(await db.settings.count()).toBe(0);
  });

  it('refuses ui: messages from content scripts, even on SPOT', async () => {
    const answer = await registry.dispatch(envelope('ui:getStatus', {}), senders.tab(SPOT_PAGE));
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: expect.stringContaining('ui:getStatus') } });
  });
});

describe('registry: malformed messages get a typed error, never an exception', () => {
  it.each([
    ['not an envelope', 'hello', 'BAD_ENVELOPE'],
    ['no channel', { name: 'ui:getStatus', payload: {} }, 'BAD_ENVELOPE'],
    ['unknown name', envelope('ui:doesNotExist', {}), 'UNKNOWN_MESSAGE'],
    ['prototype name', envelope('constructor', {}), 'UNKNOWN_MESSAGE'],
    ['missing field', envelope('content:pageSeen', { url: SPOT_PAGE, title: 'x' }), 'INVALID_PAYLOAD'],
    ['extra field', envelope('content:pageSeen', { ...page, secret: 1 }), 'INVALID_PAYLOAD'],
    ['wrong type', envelope('content:pageSeen', { ...page, title: 42 }), 'INVALID_PAYLOAD'],
    ['too long', envelope('content:pageSeen', { ...page, title: 'x'.repeat(501) }), 'INVALID_PAYLOAD'],
    ['not a SPOT url', envelope('content:pageSeen', { ...page, url: 'https://example.org/' }), 'INVALID_PAYLOAD'],
    ['too large', envelope('content:pageSeen', { ...page, title: 'x'.repeat(9000) }), 'PAYLOAD_TOO_LARGE'],
    ['payload for an empty request', envelope('ui:getStatus', { all: true }), 'INVALID_PAYLOAD'],
    ['null payload', envelope('ui:getStatus', null), 'INVALID_PAYLOAD'],
  ])('%s → %s', async (_, message, code) => {
    const sender = (message as { name?: string }).name?.startsWith('ui:') ? senders.popup() : senders.tab(SPOT_PAGE);
    const answer = await registry.dispatch(message, sender);
    expect(answer).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
  });

  it('says in Slovenian which field is wrong', async () => {
    const answer = await registry.dispatch(envelope('content:pageSeen', { ...page, title: 42 }), senders.tab(SPOT_PAGE));
    expect(answer).toEqual({
      ok: false,
      error: { code: 'INVALID_PAYLOAD', message: 'Sporočilo ima neveljavne podatke: content:pageSeen: title: pričakovano besedilo' },
    });
  });

  it('turns a failing handler into HANDLER_FAILED and logs it; a MessageError keeps its code', async () => {
    // A stand-in handler (cast: the real protocol types ui:getStatus differently).
    const extra = {
      'ui:getStatus': {
        validate: object({ which: string({ max: 10 }) }),
        handle(payload: { which: string }) {
          if (payload.which === 'missing') throw new MessageError('NOT_FOUND');
          throw new TypeError('boom');
        },
      },
    };
    const r = createRegistry({ ...createHandlers({ db: () => db }), ...extra } as unknown as HandlerMap, policy, log);
    expect(await r.dispatch(envelope('ui:getStatus', { which: 'x' }), senders.popup())).toMatchObject({ ok: false, error: { code: 'HANDLER_FAILED' } });
    expect(log).toHaveBeenCalledOnce();
    expect(await r.dispatch(envelope('ui:getStatus', { which: 'missing' }), senders.popup())).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Zahtevanega zapisa ni' },
    });
  });

  it('refuses to start with a message name that has no known origin', () => {
    const bad = { 'page:x': { validate: object({}), handle: () => null } } as unknown as HandlerMap;
    expect(() => createRegistry(bad, policy)).toThrow(/page:x/);
  });
});

describe('send(): the typed stub callers use', () => {
  it('returns the typed value', async () => {
    sendAs(senders.tab(SPOT_PAGE));
    const record = await send('content:pageSeen', page);
    expect(record.seenAt).toBe('2025-03-15T09:30:00.000Z');
    sendAs(senders.popup());
    const status = await send('ui:getStatus', {});
    expect(status.lastSpotPage?.heading).toBe(page.heading);
  });

  it('throws a MessageError with the code and a Slovenian message', async () => {
    sendAs(senders.tab('https://evil-spot.gov.si.example/'));
    const error = await send('content:pageSeen', page).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MessageError);
    expect(error).toMatchObject({ code: 'FORBIDDEN_SENDER', message: 'Pošiljatelj tega sporočila ni dovoljen: content:pageSeen' });
  });

  it('throws UNREACHABLE when nobody listens and NO_RESPONSE when nobody answers', async () => {
    resetFakeBrowser();
    await expect(send('ui:getStatus', {})).rejects.toMatchObject({ code: 'UNREACHABLE', message: 'Ozadje razširitve ni dosegljivo' });
    fakeBrowser.runtime.onMessage.addListener(() => undefined);
    await expect(send('ui:getStatus', {})).rejects.toMatchObject({ code: 'NO_RESPONSE' });
  });
});

describe('background/index.ts', () => {
  it('registers its listener synchronously on import and serves messages from the real IndexedDB global', async () => {
    resetFakeBrowser();
    vi.resetModules();
    vi.stubGlobal('indexedDB', new IDBFactory());
    vi.stubGlobal('IDBKeyRange', IDBKeyRange);
    try {
      await import('../../src/background/index.ts');
      expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(true);
      sendAs(senders.tab(SPOT_PAGE));
      const { send: freshSend } = await import('../../src/shared/messages.ts');
      await freshSend('content:pageSeen', page);
      sendAs(senders.popup());
      expect((await freshSend('ui:getStatus', {})).lastSpotPage?.url).toBe(SPOT_PAGE);
    } finally {
      const { getBackgroundDb } = await import('../../src/background/db.ts');
      getBackgroundDb().close();
      vi.unstubAllGlobals();
    }
  });
});

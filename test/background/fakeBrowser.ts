/**
 * An in-memory stand-in for `webextension-polyfill` in unit tests:
 *
 *   vi.mock('webextension-polyfill', async () => ({ default: (await import('./fakeBrowser.ts')).fakeBrowser }));
 *
 * `runtime.sendMessage` delivers to the `runtime.onMessage` listeners as `fakeBrowser.sender`
 * (set it with `sendAs`), cloning message and answer like the real messaging does.
 * `i18n` answers from public/_locales in `fakeBrowser.uiLanguage`.
 */
import type { Runtime } from 'webextension-polyfill';
import sl from '../../public/_locales/sl/messages.json';
import en from '../../public/_locales/en/messages.json';

type Listener = (message: unknown, sender: Runtime.MessageSender) => unknown;
type Catalogue = Partial<Record<string, { message: string }>>;

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

const listeners = new Set<Listener>();
const clone = <T>(value: T): T => (value === undefined ? value : structuredClone(value));

/** An event like `runtime.onStartup`; `fire` calls its listeners (tests play the browser). */
function fakeEvent<A extends unknown[]>() {
  const ls = new Set<(...args: A) => unknown>();
  return {
    addListener: (l: (...args: A) => unknown) => void ls.add(l),
    removeListener: (l: (...args: A) => unknown) => void ls.delete(l),
    hasListener: (l: (...args: A) => unknown) => ls.has(l),
    hasListeners: () => ls.size > 0,
    fire: (...args: A) => [...ls].map((l) => l(...args)),
    clear: () => ls.clear(),
  };
}
type AlarmInfo = { when?: number; delayInMinutes?: number; periodInMinutes?: number };

export const fakeBrowser = {
  uiLanguage: 'sl',
  sender: { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}popup.html` } as Runtime.MessageSender,
  runtime: {
    id: EXTENSION_ID,
    getURL: (path: string) => EXTENSION_ORIGIN + path.replace(/^\//, ''),
    onMessage: {
      addListener: (l: Listener) => void listeners.add(l),
      removeListener: (l: Listener) => void listeners.delete(l),
      hasListener: (l: Listener) => listeners.has(l),
      hasListeners: () => listeners.size > 0,
    },
    onInstalled: fakeEvent<[{ reason: string }]>(),
    onStartup: fakeEvent<[]>(),
    async sendMessage(message: unknown): Promise<unknown> {
      if (listeners.size === 0) throw new Error('Could not establish connection. Receiving end does not exist.');
      for (const listener of listeners) {
        const answer = await listener(clone(message), clone(fakeBrowser.sender));
        if (answer !== undefined) return clone(answer);
      }
      return undefined;
    },
  },
  i18n: {
    getUILanguage: () => fakeBrowser.uiLanguage,
    getMessage(key: string, substitutions: string[] = []) {
      const catalogue: Catalogue = fakeBrowser.uiLanguage.startsWith('en') ? en : sl;
      const text = catalogue[key]?.message ?? '';
      return text.replace(/\$([1-9])/g, (_, d: string) => substitutions[Number(d) - 1] ?? '');
    },
  },
  tabs: {
    create: async (props: { url: string }) => ({ id: 1, url: props.url }),
  },
  /** Alarms are only recorded; `alarms.onAlarm.fire({ name })` plays one going off. */
  alarms: {
    created: new Map<string, AlarmInfo>(),
    async create(name: string, info: AlarmInfo) { fakeBrowser.alarms.created.set(name, info); },
    async get(name: string) { const info = fakeBrowser.alarms.created.get(name); return info ? { name, scheduledTime: info.when ?? 0, ...info } : undefined; },
    async clear(name: string) { return fakeBrowser.alarms.created.delete(name); },
    onAlarm: fakeEvent<[{ name: string; scheduledTime: number }]>(),
  },
  /** The toolbar button: what the badge and title show now. */
  action: {
    state: { text: '', color: '', title: '' },
    async setBadgeText({ text }: { text: string }) { fakeBrowser.action.state.text = text; },
    async setBadgeBackgroundColor({ color }: { color: string }) { fakeBrowser.action.state.color = color; },
    async setTitle({ title }: { title: string }) { fakeBrowser.action.state.title = title; },
    async getBadgeText() { return fakeBrowser.action.state.text; },
  },
};

/** Messages sent from now on come from this sender. */
export function sendAs(sender: Runtime.MessageSender) {
  fakeBrowser.sender = sender;
}

export const senders = {
  popup: (): Runtime.MessageSender => ({ id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}popup.html` }),
  tab: (url: string, id = 7): Runtime.MessageSender => ({
    id: EXTENSION_ID,
    url,
    frameId: 0,
    tab: { id, index: 0, highlighted: true, active: true, pinned: false, incognito: false, url },
  }),
};

export function resetFakeBrowser() {
  listeners.clear();
  fakeBrowser.runtime.onInstalled.clear();
  fakeBrowser.runtime.onStartup.clear();
  fakeBrowser.alarms.onAlarm.clear();
  fakeBrowser.alarms.created.clear();
  fakeBrowser.action.state = { text: '', color: '', title: '' };
  fakeBrowser.uiLanguage = 'sl';
  fakeBrowser.sender = senders.popup();
}

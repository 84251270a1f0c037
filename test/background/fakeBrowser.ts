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
  fakeBrowser.uiLanguage = 'sl';
  fakeBrowser.sender = senders.popup();
}

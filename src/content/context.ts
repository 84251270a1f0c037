/** What the page adapters get from the content script's entry point (so tests can pass fakes). */
import type { MessageName, RequestOf, ResponseOf } from '../shared/messages.ts';
import type { Downloaded } from './download.ts';
import type { PanelStore } from './panel/model.ts';

export type Messenger = <K extends MessageName>(name: K, payload: RequestOf<K>) => Promise<ResponseOf<K>>;

export interface ContentContext {
  doc: Document;
  /** The page's address now (in-place navigation may change it). */
  url: () => string;
  send: Messenger;
  store: PanelStore;
  fetchFile: (url: string) => Promise<Downloaded>;
  /** The panel's host element: its mutations are ours, not SPOT's. */
  panelHost: Element | null;
  /** Extension version, for the diagnostics text. */
  version: string;
  /** Debounce of in-place re-renders, ms. */
  debounceMs?: number;
}

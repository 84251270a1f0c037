/**
 * Hands an eSLOG invoice dropped on the app's import panel to the self-employed view, which
 * shows and checks it (the invoice is the user's own document and is not stored). One
 * invoice waits at a time, in this page's memory only: the view takes it when it is shown,
 * or at once when it is already on screen.
 */
import type { EslogInvoice } from '../../lib/eslog/index.ts';

export interface OfferedInvoice {
  fileName: string;
  invoice: EslogInvoice;
}

let waiting: OfferedInvoice | null = null;
const listeners = new Set<(offered: OfferedInvoice) => void>();

/** A view on screen gets the invoice now; otherwise it waits for the next `takeInvoice`. */
export function offerInvoice(offered: OfferedInvoice): void {
  if (listeners.size === 0) { waiting = offered; return; }
  waiting = null;
  for (const listener of listeners) listener(offered);
}

/** The invoice waiting for the view, if any (taken: a second call returns null). */
export function takeInvoice(): OfferedInvoice | null {
  const offered = waiting;
  waiting = null;
  return offered;
}

/** Calls `listener` for each invoice offered while subscribed; returns the unsubscribe. */
export function onInvoiceOffered(listener: (offered: OfferedInvoice) => void): () => void {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
}

/**
 * The first script popup.html and app.html run: a chunk of its own, with nothing to import,
 * put before the app's chunk by the build (vite.config.ts, `earlyStart`). Module scripts run in
 * document order, each as soon as it is loaded: this small one first, then the app's. It asks
 * the background for the app's start (`ui:startApp`) while the app's code is still loading and
 * compiling, so the background reads the stored data meanwhile; main.tsx takes the pending
 * answer (start.ts). Without it (or when it fails) the app asks itself: nothing depends on it
 * but time.
 *
 * No imports but types: an import would make this chunk wait for the app's own.
 */
import type { Envelope } from '../shared/messages.ts';

export interface EarlyStart {
  workersLimit: number;
  /** `runtime.sendMessage`'s promise: the background's raw answer (a `Result`). */
  sent: Promise<unknown>;
}

/** Where the pending answer waits for main.tsx. */
export const EARLY_START_KEY = '__spotPomocnikEarlyStart';

/** The first page of Delavci; start.ts uses the answer only when it equals `WORKERS_PAGE`. */
const WORKERS_LIMIT = 25;

type RuntimeApi = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
const api = (globalThis as { browser?: RuntimeApi }).browser ?? (globalThis as { chrome?: RuntimeApi }).chrome;
const envelope: Envelope<'ui:startApp'> = { channel: 'spot-pomocnik/1', name: 'ui:startApp', payload: { workersLimit: WORKERS_LIMIT } };
try {
  const sent = api!.runtime.sendMessage(envelope);
  sent.catch(() => {}); // handled by start.ts; not an unhandled rejection meanwhile
  (globalThis as Record<string, unknown>)[EARLY_START_KEY] = { workersLimit: WORKERS_LIMIT, sent } satisfies EarlyStart;
} catch {
  // The app asks itself.
}

/**
 * The app's first question to the background (`ui:startApp`, protocol/uiStart.ts): the context
 * and the selected employer's first page of workers in one answer (issue 8: popup open to
 * interactive in 150 ms). boot.ts asks it before the app's code has loaded; `startApp` takes
 * that answer, or asks now.
 */
import '../shared/protocol/uiStart.ts';
import { receive } from '../shared/messages.ts';
import type { AppStart } from '../shared/protocol/uiStart.ts';
import { call } from './api.ts';
import type { EARLY_START_KEY as BOOT_KEY, EarlyStart } from './boot.ts';

/**
 * Workers per page in Delavci; the first page comes with the start. 25: more than the popup
 * shows without scrolling (≈ 12 rows), and each row drawn is ≈ 0.5 ms of script and as much
 * layout before the first screen shows (issue 8: interactive in 150 ms); the rest is paged
 * or searched.
 */
export const WORKERS_PAGE = 25;

/** boot.ts's key, type-checked equal (not imported: boot.ts would then run again in the app's chunk). */
const EARLY_START_KEY: typeof BOOT_KEY = '__spotPomocnikEarlyStart';

/** boot.ts's pending answer, once (a later start, e.g. "try again", asks anew). */
function takeEarlyStart(): EarlyStart | null {
  const slot = globalThis as Record<string, unknown>;
  const early = slot[EARLY_START_KEY] as EarlyStart | undefined;
  delete slot[EARLY_START_KEY];
  return early && early.workersLimit === WORKERS_PAGE ? early : null;
}

export function startApp(): Promise<AppStart> {
  const early = takeEarlyStart();
  return early ? receive<'ui:startApp'>(early.sent) : call('ui:startApp', { workersLimit: WORKERS_PAGE });
}

/**
 * All handlers of the background, one spread per feature. The `HandlerMap` type makes the
 * compiler refuse a protocol message without a handler (or a handler without a message).
 */
import type { HandlerMap } from '../registry.ts';
import { statusHandlers, type StatusDeps } from './status.ts';
import { uiHandlers, type UiDeps } from './ui.ts';
import { uiStartHandlers } from './uiStart.ts';
import { nativeHandlers, type NativeDeps } from './native.ts';
import { spotHandlers, type SpotDeps } from './spot.ts';
import { a1Handlers, type A1Deps } from './a1.ts';
import { reminderHandlers, type RemindersDeps } from './reminders.ts';
import { prefillHandlers, type PrefillDeps } from './prefill.ts';
import { backupHandlers, type BackupDeps } from './backup.ts';
import { selfEmployedHandlers, type SelfEmployedDeps } from './selfEmployed.ts';
import { fileHandlers } from './files.ts';
import { catalogueHandlers } from './catalogue.ts';

export type HandlerDeps = StatusDeps & UiDeps & NativeDeps & SpotDeps & A1Deps & RemindersDeps & PrefillDeps & BackupDeps & SelfEmployedDeps;

export function createHandlers(deps: HandlerDeps): HandlerMap {
  return {
    ...statusHandlers(deps),
    ...uiHandlers(deps),
    ...uiStartHandlers(deps),
    ...nativeHandlers(deps),
    ...spotHandlers(deps),
    ...a1Handlers(deps),
    ...reminderHandlers(deps),
    ...prefillHandlers(deps),
    ...backupHandlers(deps),
    ...selfEmployedHandlers(deps),
    ...fileHandlers(),
    ...catalogueHandlers(),
  };
}

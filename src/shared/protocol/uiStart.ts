/**
 * The app's first question (issue 8: popup open to interactive in 150 ms). The popup asked for
 * the context (`ui:getContext`), waited, then for the selected employer's first page of workers
 * (`ui:listWorkers`): two round trips one after the other before the first view showed. This
 * one message brings both, and the background reads the page alongside the context.
 */
import type { Page, UiContext, WorkerSummary } from './ui.ts';

export interface AppStart {
  context: UiContext;
  /**
   * The first page of the selected employer's workers (offset 0, no search), as
   * `ui:listWorkers` answers it; null when no employer is selected.
   */
  workers: { employerTax: string; page: Page<WorkerSummary> } | null;
}

declare module '../messages.ts' {
  interface Protocol {
    'ui:startApp': { request: { workersLimit: number }; response: AppStart };
  }
}

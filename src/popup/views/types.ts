/** What every view of the app gets from the shell. */
import type { EmployerSummary, UiContext } from '../../shared/protocol/ui.ts';
import type { AppStart } from '../../shared/protocol/uiStart.ts';

export interface ViewParams {
  workerId?: string;
  certificateNumber?: string;
}

/**
 * Data the app's first message (`ui:startApp`) brought along for the first view; a view uses
 * it instead of asking when it is first shown. The shell drops it at the first navigation,
 * employer switch or import.
 */
export interface Preloaded {
  /** The first page of `employerTax`'s workers (offset 0, no search, `WORKERS_PAGE` rows). */
  workers?: NonNullable<AppStart['workers']>;
}

export interface ViewProps {
  context: UiContext;
  /** The selected employer; views registered with `needsEmployer` always get one. */
  employer: EmployerSummary | null;
  params: ViewParams;
  /** Shows another view (and what to open in it). */
  navigate: (view: string, params?: ViewParams) => void;
  /** Reads employers, the selection and settings again (after a change). */
  refresh: () => Promise<void>;
  /** Changes when stored data changed (an import): views reload what they show. */
  version: number;
  preloaded?: Preloaded;
}

export type EmployerViewProps = ViewProps & { employer: EmployerSummary };

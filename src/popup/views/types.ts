/** What every view of the app gets from the shell. */
import type { EmployerSummary, UiContext } from '../../shared/protocol/ui.ts';

export interface ViewParams {
  workerId?: string;
  certificateNumber?: string;
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
}

export type EmployerViewProps = ViewProps & { employer: EmployerSummary };

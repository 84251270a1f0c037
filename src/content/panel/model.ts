/**
 * What the in-page helper shows, as plain data. The page controller changes it through
 * `PanelStore`; every change re-renders the panel (Preact diffs, so only what changed moves).
 */
import type { SeenPageRecord } from '../../shared/protocol/status.ts';
import type { DisclosureOutcome, StoreCertificatesResponse } from '../../shared/protocol/spot.ts';
import type { PageDiagnostics, RowProblem } from '../../shared/pages/types.ts';
import type { EmployerRow } from '../../shared/rows.ts';
import type { PrefillActions, PrefillState } from '../forms/state.ts';

export type SeenState =
  | { kind: 'saving' }
  | { kind: 'stored'; record: SeenPageRecord }
  | { kind: 'failed'; reason: string };

export type PageView = 'ebolList' | 'disclosureList' | 'refundForm' | 'a1Form' | 'login' | 'other' | 'unrecognised' | null;

export interface Counts {
  added: number;
  updated: number;
  cancelled: number;
  unchanged: number;
}

export interface EmployerView {
  taxNumber: string;
  name: string | null;
  /** Shown by the page itself (then it cannot be changed here). */
  fromPage: boolean;
}

export type DownloadView =
  | { id: number; kind: 'pending'; fileLabel: string }
  | { id: number; kind: 'failed'; fileLabel: string; reason: string }
  | { id: number; kind: 'disclosure'; fileLabel: string; outcome: DisclosureOutcome }
  | { id: number; kind: 'certificates'; fileLabel: string; numbers: string[]; result: StoreCertificatesResponse };

export interface PanelModel {
  seen: SeenState;
  page: PageView;
  employer: EmployerView | null;
  /** Shown when the page does not name the employer and none is chosen yet (or the user wants another). */
  employerPrompt: { employers: EmployerRow[]; error: string | null } | null;
  /** Certificates read from this page since it was loaded (all re-renders together). */
  counts: Counts | null;
  /** Rows that could not be read on the current view of the table. */
  problems: RowProblem[];
  empty: boolean;
  downloads: DownloadView[];
  diagnostics: { data: PageDiagnostics; text: string } | null;
  error: string | null;
  /** The prefill section on SPOT's refund and A1 forms (src/content/forms/). */
  prefill: PrefillState;
}

export interface PanelActions {
  chooseEmployer(taxNumber: string, name: string | null): void;
  changeEmployer(): void;
  cancelEmployerChoice(): void;
  copyDiagnostics(text: string): Promise<boolean>;
  /** On the refund and A1 forms. */
  prefill?: PrefillActions;
}

export const initialModel = (): PanelModel => ({
  seen: { kind: 'saving' },
  page: null,
  employer: null,
  employerPrompt: null,
  counts: null,
  problems: [],
  empty: false,
  downloads: [],
  diagnostics: null,
  error: null,
  prefill: { step: 'idle' },
});

export class PanelStore {
  private model: PanelModel = initialModel();
  private readonly listeners = new Set<(m: PanelModel) => void>();

  get(): PanelModel {
    return this.model;
  }

  set(patch: Partial<PanelModel> | ((m: PanelModel) => Partial<PanelModel>)): void {
    const p = typeof patch === 'function' ? patch(this.model) : patch;
    this.model = { ...this.model, ...p };
    for (const l of this.listeners) l(this.model);
  }

  subscribe(listener: (m: PanelModel) => void): void {
    this.listeners.add(listener);
    listener(this.model);
  }
}

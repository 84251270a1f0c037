/**
 * THE list of the app's views, in tab order. Adding a view is one line here (plus its
 * component and its `popup_view_*` label in _locales): the shell builds the tabs, keyboard
 * handling and the "no employer yet" state from this list. The A1 postings register and the
 * self-employed view go between "claims" and "export". The first view loads with the popup;
 * the others load the first time they are shown (`lazyView`).
 */
import type { FunctionComponent } from 'preact';
import type { MessageKey } from '../../shared/i18n.ts';
import { lazyView } from './lazy.tsx';
import type { EmployerViewProps, ViewProps } from './types.ts';
import { WorkersView } from './WorkersView.tsx';

export type ViewDef =
  | { id: string; label: MessageKey; needsEmployer: true; component: FunctionComponent<EmployerViewProps> }
  | { id: string; label: MessageKey; needsEmployer: false; component: FunctionComponent<ViewProps> };

export const VIEWS: readonly ViewDef[] = [
  { id: 'workers', label: 'popup_view_workers', needsEmployer: true, component: WorkersView },
  { id: 'certificates', label: 'popup_view_certificates', needsEmployer: true, component: lazyView(() => import('./CertificatesView.tsx').then((m) => m.CertificatesView)) },
  { id: 'compute', label: 'popup_view_compute', needsEmployer: true, component: lazyView(() => import('./ComputeView.tsx').then((m) => m.ComputeView)) },
  { id: 'claims', label: 'popup_view_claims', needsEmployer: true, component: lazyView(() => import('./ClaimsView.tsx').then((m) => m.ClaimsView)) },
  { id: 'a1', label: 'a1_view', needsEmployer: true, component: lazyView(() => import('./A1View.tsx').then((m) => m.A1View)) },
  { id: 'selfEmployed', label: 'se_view', needsEmployer: false, component: lazyView(() => import('./SelfEmployedView.tsx').then((m) => m.SelfEmployedView)) },
  { id: 'export', label: 'popup_view_export', needsEmployer: true, component: lazyView(() => import('./ExportView.tsx').then((m) => m.ExportView)) },
  { id: 'settings', label: 'popup_view_settings', needsEmployer: false, component: lazyView(() => import('./SettingsView.tsx').then((m) => m.SettingsView)) },
];

export type { EmployerViewProps, Preloaded, ViewParams, ViewProps } from './types.ts';

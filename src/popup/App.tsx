/**
 * The app shell, the same in the toolbar popup (≈760 × 580 px) and in a full tab (`app.html`):
 * header with the employer switcher, the import panel (file picker or drop), the view tabs
 * (from the registry in views/index.ts) and the selected view.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import type { UiContext } from '../shared/protocol/ui.ts';
import type { AppStart } from '../shared/protocol/uiStart.ts';
import { call, openAppTab } from './api.ts';
import { ImportPanel } from './components/ImportPanel.tsx';
import { ErrorLine, Loading } from './components/LoadState.tsx';
import { panelId, tabId, Tabs } from './components/Tabs.tsx';
import { VIEWS, type Preloaded, type ViewParams } from './views/index.ts';
import { StatusView } from './views/StatusView.tsx';
import { RemindersSection } from './views/RemindersView.tsx';

export type AppMode = 'popup' | 'tab';

type ContextState = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'data'; context: UiContext };

/** `#compute`, `#import`: what the app tab shows first. */
function initialView(): { view: string; focusImport: boolean } {
  const hash = globalThis.location?.hash.replace(/^#/, '') ?? '';
  if (hash === 'import') return { view: VIEWS[0]!.id, focusImport: true };
  return { view: VIEWS.some((v) => v.id === hash) ? hash : VIEWS[0]!.id, focusImport: false };
}

/**
 * `start`: the answer to `ui:startApp`, asked by main.tsx before the app was drawn; it gives
 * the first context and the first view's data (used once: later the views ask themselves).
 * Without it the app asks for the context (`ui:getContext`).
 */
export function App({ mode, start: startAnswer }: { mode: AppMode; start?: Promise<AppStart> }) {
  const [ctx, setCtx] = useState<ContextState>({ state: 'loading' });
  const [start] = useState(initialView);
  const [view, setView] = useState(start.view);
  const [params, setParams] = useState<ViewParams>({});
  const [version, setVersion] = useState(0);
  const [preloaded, setPreloaded] = useState<Preloaded>({});

  const refresh = async (first?: Promise<AppStart>) => {
    try {
      if (first) {
        const answer = await first;
        setPreloaded(answer.workers ? { workers: answer.workers } : {});
        setCtx({ state: 'data', context: answer.context });
      } else {
        setCtx({ state: 'data', context: await call('ui:getContext', {}) });
      }
    } catch (error) {
      setCtx({ state: 'error', error });
    }
  };
  // A layout effect, not an effect: an effect waits for the next frame after the first paint
  // (up to ~16 ms, more on a busy machine), and the start's answer is often in by then.
  useLayoutEffect(() => { void refresh(startAnswer); }, []);

  const navigate = (next: string, nextParams: ViewParams = {}) => {
    setPreloaded({});
    setParams(nextParams);
    setView(next);
  };
  const selectEmployer = async (taxNumber: string) => {
    if (taxNumber === '') { navigate('settings', {}); return; }
    setPreloaded({});
    try {
      setCtx({ state: 'data', context: await call('ui:selectEmployer', { taxNumber }) });
      setParams({});
    } catch (error) {
      setCtx({ state: 'error', error });
    }
  };

  const context = ctx.state === 'data' ? ctx.context : null;
  const employer = context?.employers.find((e) => e.taxNumber === context.current) ?? null;
  const def = VIEWS.find((v) => v.id === view) ?? VIEWS[0]!;

  return (
    <div class={`app app--${mode}`}>
      <header class="app__header">
        <img class="app__logo" src="icons/icon-32.png" alt="" width={24} height={24} />
        <h1 class="app__name">{t('extName')}</h1>
        {context && (
          <label class="switcher">
            <span class="switcher__label">{t('popup_employer')}</span>
            <select
              class="switcher__select"
              data-testid="employer-switcher"
              value={context.current ?? ''}
              onChange={(e) => void selectEmployer(e.currentTarget.value)}
            >
              {context.employers.length === 0 && <option value="">{t('popup_employerNone')}</option>}
              {context.employers.map((e) => (
                <option key={e.taxNumber} value={e.taxNumber}>{e.name && e.name !== e.taxNumber ? `${e.name} (${e.taxNumber})` : e.taxNumber}</option>
              ))}
              {context.employers.length > 0 && <option value="">{t('popup_employerAdd')}</option>}
            </select>
          </label>
        )}
        {mode === 'popup' && (
          <button type="button" class="app__button" onClick={() => void openAppTab(view)}>
            {t('openInTab')}
          </button>
        )}
      </header>
      <main class="app__main">
        {ctx.state === 'loading' && <Loading />}
        {ctx.state === 'error' && <ErrorLine error={ctx.error} retry={() => void refresh()} />}
        {context && (
          <>
            <RemindersSection version={version} context={context} />
            <ImportPanel
              employerTax={context.current}
              inPopup={mode === 'popup'}
              autoFocus={start.focusImport}
              onStored={() => void refresh()}
              onImported={() => { setPreloaded({}); setVersion((n) => n + 1); void refresh(); }}
            />
            <Tabs
              items={VIEWS.map((v) => ({ id: v.id, label: t(v.label) }))}
              selected={def.id}
              onSelect={(id) => navigate(id)}
              label={t('popup_views')}
            />
            <section class="view" role="tabpanel" id={panelId(def.id)} aria-labelledby={tabId(def.id)} data-view={def.id}>
              {def.needsEmployer
                ? employer
                  ? <def.component key={`${def.id}:${employer.taxNumber}`} context={context} employer={employer} params={params} navigate={navigate} refresh={() => refresh()} version={version} preloaded={preloaded} />
                  : <NoEmployer onSettings={() => navigate('settings')} />
                : <def.component key={def.id} context={context} employer={employer} params={params} navigate={navigate} refresh={() => refresh()} version={version} preloaded={preloaded} />}
            </section>
          </>
        )}
      </main>
      <footer class="app__footer">
        <StatusView />
      </footer>
    </div>
  );
}

function NoEmployer({ onSettings }: { onSettings: () => void }) {
  return (
    <div class="state state--empty" data-state="empty">
      <p>{t('popup_noEmployer')}</p>
      <button type="button" class="button" onClick={onSettings}>{t('popup_noEmployerAdd')}</button>
    </div>
  );
}

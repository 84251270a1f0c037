/** The small in-page panel: says what the extension did with this SPOT page. */
import { useState } from 'preact/hooks';
import type { SeenPageRecord } from '../../shared/protocol/status.ts';
import { formatTimestamp, t } from '../../shared/i18n.ts';

export type PanelState =
  | { kind: 'saving' }
  | { kind: 'stored'; record: SeenPageRecord }
  | { kind: 'failed'; reason: string };

export function Panel({ state, css }: { state: PanelState; css: string }) {
  const [open, setOpen] = useState(true);
  return (
    <>
      <style>{css}</style>
      <section class="panel" aria-labelledby="spot-pomocnik-title" data-state={state.kind}>
        <div class="panel__header">
          <h2 class="panel__title" id="spot-pomocnik-title">
            {t('extName')}
          </h2>
          <button
            type="button"
            class="panel__toggle"
            aria-expanded={open}
            aria-controls="spot-pomocnik-body"
            onClick={() => setOpen(!open)}
          >
            {open ? t('panelCollapse') : t('panelExpand')}
          </button>
        </div>
        <div class="panel__body" id="spot-pomocnik-body" hidden={!open} role="status" aria-live="polite">
          <PanelBody state={state} />
        </div>
      </section>
    </>
  );
}

function PanelBody({ state }: { state: PanelState }) {
  switch (state.kind) {
    case 'saving':
      return <p class="panel__message">{t('panelSaving')}</p>;
    case 'failed':
      return <p class="panel__message panel__message--error">{t('panelFailed', state.reason)}</p>;
    case 'stored':
      return (
        <>
          <p class="panel__message">{t('panelSeenStored')}</p>
          <dl class="panel__record" data-testid="panel-record">
            <dt>{t('labelPageTitle')}</dt>
            <dd data-field="title">{state.record.title}</dd>
            {state.record.heading && (
              <>
                <dt>{t('labelHeading')}</dt>
                <dd data-field="heading">{state.record.heading}</dd>
              </>
            )}
            <dt>{t('labelStoredAt')}</dt>
            <dd data-field="seenAt">
              <time dateTime={state.record.seenAt}>{formatTimestamp(state.record.seenAt)}</time>
            </dd>
          </dl>
        </>
      );
  }
}

/** The loading and error states every view shows the same way. */
import type { ComponentChildren } from 'preact';
import { t } from '../../shared/i18n.ts';
import { errorMessage } from '../format.ts';
import type { Async } from './useAsync.ts';

export function Loading() {
  return <p class="state state--loading" role="status" data-state="loading">{t('popup_loading')}</p>;
}

export function ErrorLine({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div class="state state--error" role="alert" data-state="error">
      <p>{t('popup_error', errorMessage(error))}</p>
      {retry && <button type="button" class="button" onClick={retry}>{t('popup_retry')}</button>}
    </div>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="state state--empty" data-state="empty">{children}</div>;
}

/** Loading → spinner text, error → message with "try again", data → `children(data)`. */
export function LoadState<T>({ value, retry, children }: { value: Async<T>; retry?: () => void; children: (data: T) => ComponentChildren }) {
  if (value.state === 'loading') return <Loading />;
  if (value.state === 'error') return <ErrorLine error={value.error} {...(retry ? { retry } : {})} />;
  return <>{children(value.data)}</>;
}

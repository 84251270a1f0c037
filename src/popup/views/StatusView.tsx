/** What the extension knows right now: the last SPOT page seen, or that there is none. */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../shared/messages.ts';
import type { Status } from '../../shared/protocol/status.ts';
import { describeError, formatTimestamp, t } from '../../shared/i18n.ts';

type Load = { kind: 'loading' } | { kind: 'loaded'; status: Status } | { kind: 'failed'; reason: string };

export function StatusView() {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  useEffect(() => {
    send('ui:getStatus', {}).then(
      (status) => setLoad({ kind: 'loaded', status }),
      (error: unknown) => setLoad({ kind: 'failed', reason: describeError(error) }),
    );
  }, []);

  return (
    <section class="view" aria-labelledby="status-heading">
      <h2 class="view__title" id="status-heading">
        {t('statusHeading')}
      </h2>
      <p class="status" role="status" aria-live="polite" data-testid="status-line" data-state={load.kind}>
        <StatusLine load={load} />
      </p>
    </section>
  );
}

function StatusLine({ load }: { load: Load }) {
  if (load.kind === 'loading') return <>{t('statusLoading')}</>;
  if (load.kind === 'failed') return <>{t('statusFailed', load.reason)}</>;
  const page = load.status.lastSpotPage;
  if (!page) return <>{t('statusNone')}</>;
  return (
    <>
      {t('statusLastPage', page.title || page.url)}{' '}
      <time class="status__time" dateTime={page.seenAt}>
        ({t('statusSeenAt', formatTimestamp(page.seenAt))})
      </time>
    </>
  );
}

/** Delavci: the selected employer's workers, each with their certificates and FURS disclosures. */
import { useLayoutEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import type { WorkerCounts, WorkerSummary } from '../../shared/protocol/ui.ts';
import { call } from '../api.ts';
import { CertificateTable } from '../components/CertificateTable.tsx';
import { DisclosureList, LinkDisclosures } from '../components/Disclosures.tsx';
import { Empty, LoadState } from '../components/LoadState.tsx';
import { Pager } from '../components/Pager.tsx';
import { useAsync } from '../components/useAsync.ts';
import { useDebounced } from '../components/useDebounced.ts';
import { DASH } from '../format.ts';
import { WORKERS_PAGE } from '../start.ts';
import type { EmployerViewProps } from './types.ts';

export { WORKERS_PAGE };

export function WorkersView({ employer, navigate, version, params, preloaded }: EmployerViewProps) {
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<string | null>(params.workerId ?? null);
  const query = useDebounced(search.trim(), 250);
  // The first page may have come with the app's start (ui:startApp): then it is not asked again.
  const first = preloaded?.workers?.employerTax === employer.taxNumber ? preloaded.workers.page : undefined;
  const [page, reload] = useAsync(
    () => call('ui:listWorkers', { employerTax: employer.taxNumber, offset, limit: WORKERS_PAGE, ...(query ? { search: query } : {}) }),
    [employer.taxNumber, offset, query, version],
    first,
  );
  // The counts come after the names: the list shows at once, the numbers a moment later.
  const ids = page.state === 'data' ? page.data.rows.map((w) => w.id) : [];
  const [counts] = useAsync(
    () => (ids.length ? call('ui:countWorkerRecords', { employerTax: employer.taxNumber, workerIds: ids }) : Promise.resolve<Record<string, WorkerCounts>>({})),
    [employer.taxNumber, ids.join('|'), version],
  );
  useLayoutEffect(() => {
    if (page.state === 'data') markInteractive(page.data.rows.length);
  }, [page.state]);
  // Asked once per list, not once per row: each t() is two calls into the browser's i18n.
  const labels: RowLabels = { show: t('popup_showDetails'), hide: t('popup_hideDetails') };
  const countOf = (id: string): WorkerCounts | null => (counts.state === 'data' ? counts.data[id] ?? null : null);

  return (
    <div class="workers">
      <h2 class="view__title">{t('popup_view_workers')}</h2>
      <div class="filters">
        <label class="field">
          <span class="field__label">{t('popup_workersSearch')}</span>
          <input type="search" value={search} onInput={(e) => { setSearch(e.currentTarget.value); setOffset(0); }} />
        </label>
      </div>
      <LoadState value={page} retry={reload}>
        {(p) => p.rows.length === 0 && offset === 0
          ? <Empty><p>{query ? t('popup_workersNoMatch') : t('popup_workersEmpty')}</p></Empty>
          : (
            <>
              <table class="table" data-testid="workers-table">
                <caption class="visually-hidden">{t('popup_workersCaption', employer.name)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('popup_col_worker')}</th>
                    <th scope="col">{t('popup_col_emso')}</th>
                    <th scope="col">{t('popup_col_zzzs')}</th>
                    <th scope="col" class="num">{t('popup_col_certificates')}</th>
                    <th scope="col" class="num">{t('popup_col_disclosures')}</th>
                    <th scope="col"><span class="visually-hidden">{t('popup_col_actions')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {p.rows.map((w) => (
                    <WorkerRows
                      key={w.id}
                      worker={w}
                      counts={countOf(w.id)}
                      open={open === w.id}
                      onToggle={() => setOpen(open === w.id ? null : w.id)}
                      navigate={navigate}
                      employerTax={employer.taxNumber}
                      onLinked={reload}
                      labels={labels}
                    />
                  ))}
                </tbody>
              </table>
              <Pager offset={offset} limit={WORKERS_PAGE} shown={p.rows.length} total={p.total} hasMore={p.hasMore} onOffset={setOffset} label={t('popup_workersPages')} />
            </>
          )}
      </LoadState>
    </div>
  );
}

/** The page's performance mark `spot:interactive`, set once: see `markInteractive`. */
export const INTERACTIVE_MARK = 'spot:interactive';
let marked = false;

/**
 * Marks the moment the first screen can be used: the first list of workers is in the document
 * with its buttons' handlers (a layout effect runs right after Preact has written the DOM,
 * before the browser paints it). The benchmark (bench/browser.bench.ts, popup open) reads the
 * time from navigation start to this mark; `detail.workers` is how many rows were listed.
 */
function markInteractive(workers: number): void {
  if (marked) return;
  marked = true;
  globalThis.performance?.mark?.(INTERACTIVE_MARK, { detail: { workers } });
}

interface RowLabels { show: string; hide: string }

function WorkerRows({ worker, counts, open, onToggle, navigate, employerTax, onLinked, labels }: {
  worker: WorkerSummary; counts: WorkerCounts | null; open: boolean; onToggle: () => void; navigate: EmployerViewProps['navigate']; employerTax: string; onLinked: () => void;
  labels: RowLabels;
}) {
  const detailId = `worker-${worker.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <>
      <tr>
        <th scope="row" class="wrap">{worker.name}</th>
        <td>{worker.emso ?? DASH}</td>
        <td>{worker.zzzsNumber ?? DASH}</td>
        <td class="num" data-field="certificates">{counts ? counts.certificates : '…'}</td>
        <td class="num" data-field="disclosures">{counts ? counts.disclosures : '…'}</td>
        <td>
          <button type="button" class="button button--small" aria-expanded={open} aria-controls={detailId} onClick={onToggle}>
            {open ? labels.hide : labels.show}
            <span class="visually-hidden">{` ${worker.name}`}</span>
          </button>
        </td>
      </tr>
      {open && (
        <tr class="table__detail">
          <td colSpan={6} id={detailId}>
            <WorkerDetail workerId={worker.id} navigate={navigate} employerTax={employerTax} onLinked={onLinked} />
          </td>
        </tr>
      )}
    </>
  );
}

function WorkerDetail({ workerId, navigate, employerTax, onLinked }: {
  workerId: string; navigate: EmployerViewProps['navigate']; employerTax: string; onLinked: () => void;
}) {
  const [detail, reload] = useAsync(() => call('ui:getWorker', { workerId }), [workerId]);
  return (
    <LoadState value={detail} retry={reload}>
      {(d) => (
        <div class="detail">
          <h3 class="detail__title">{t('popup_workerCertificates')}</h3>
          {d.certificates.length === 0
            ? <p>{t('popup_workerNoCertificates')}</p>
            : <CertificateTable rows={d.certificates} showWorker={false} onCompute={(n) => navigate('compute', { certificateNumber: n })} />}
          <h3 class="detail__title">{t('popup_workerDisclosures')}</h3>
          <DisclosureList items={d.disclosures} />
          <LinkDisclosures employerTax={employerTax} workerId={workerId} onLinked={() => { reload(); onLinked(); }} />
        </div>
      )}
    </LoadState>
  );
}

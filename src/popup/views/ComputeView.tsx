/**
 * Izračun: choose a worker and one of their absences (or come here from a certificate), and
 * see the engine's computation: segments, warnings with what to do about them, the claim
 * lines, the inputs, and the explanation step by step with its legal references.
 */
import { useState } from 'preact/hooks';
import { formatTimestamp, t } from '../../shared/i18n.ts';
import type { ComputationOptions, WorkerSummary } from '../../shared/protocol/ui.ts';
import { call } from '../api.ts';
import { Computation } from '../components/Computation.tsx';
import { Empty, LoadState } from '../components/LoadState.tsx';
import { useAsync } from '../components/useAsync.ts';
import { useDebounced } from '../components/useDebounced.ts';
import { showPeriod } from '../format.ts';
import { reasonName } from '../labels.ts';
import type { EmployerViewProps } from './types.ts';

interface Request {
  number: string;
  options?: ComputationOptions;
  seq: number;
}

export function ComputeView({ employer, params, navigate, version }: EmployerViewProps) {
  const [request, setRequest] = useState<Request | null>(params.certificateNumber ? { number: params.certificateNumber, seq: 0 } : null);
  const [worker, setWorker] = useState<WorkerSummary | null>(null);

  if (!request) {
    return (
      <div class="compute">
        <h2 class="view__title">{t('popup_view_compute')}</h2>
        {worker
          ? <AbsenceChooser worker={worker} onBack={() => setWorker(null)} onChoose={(number) => setRequest({ number, seq: 0 })} version={version} />
          : <WorkerChooser employerTax={employer.taxNumber} onChoose={setWorker} version={version} />}
      </div>
    );
  }
  return (
    <div class="compute">
      <h2 class="view__title">{t('popup_view_compute')}</h2>
      <ComputationLoader
        request={request}
        version={version}
        employerTax={employer.taxNumber}
        onOptions={(options) => setRequest({ number: request.number, options, seq: request.seq + 1 })}
        onRelinked={() => setRequest({ number: request.number, seq: request.seq + 1 })}
        onOther={() => setRequest(null)}
        navigate={navigate}
      />
    </div>
  );
}

function ComputationLoader({ request, version, employerTax, onOptions, onRelinked, onOther, navigate }: {
  request: Request; version: number; employerTax: string;
  onOptions: (o: ComputationOptions) => void; onRelinked: () => void; onOther: () => void; navigate: EmployerViewProps['navigate'];
}) {
  const [computation, retry] = useAsync(
    () => call('ui:compute', { certificateNumber: request.number, ...(request.options ? { options: request.options } : {}) }),
    [request.number, request.seq, version],
  );
  return (
    <>
      <button type="button" class="button button--quiet" onClick={onOther}>{t('popup_computeOther')}</button>
      <LoadState value={computation} retry={retry}>
        {(view) => <Computation view={view} employerTax={employerTax} onOptions={onOptions} onRelinked={onRelinked} navigate={navigate} />}
      </LoadState>
    </>
  );
}

function WorkerChooser({ employerTax, onChoose, version }: { employerTax: string; onChoose: (w: WorkerSummary) => void; version: number }) {
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const [list, reload] = useAsync(
    () => call('ui:listWorkers', { employerTax, offset: 0, limit: 20, ...(query ? { search: query } : {}) }),
    [employerTax, query, version],
  );
  return (
    <div class="chooser">
      <label class="field">
        <span class="field__label">{t('popup_computeChooseWorker')}</span>
        <input type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
      </label>
      <LoadState value={list} retry={reload}>
        {(p) => p.rows.length === 0
          ? <Empty><p>{query ? t('popup_workersNoMatch') : t('popup_workersEmpty')}</p></Empty>
          : (
            <ul class="choices" data-testid="worker-choices">
              {p.rows.map((w) => (
                <li key={w.id}>
                  <button type="button" class="choice" onClick={() => onChoose(w)}>
                    <strong>{w.name}</strong> <span class="muted">{[w.emso, w.zzzsNumber].filter(Boolean).join(' · ')}</span>
                  </button>
                </li>
              ))}
              {p.hasMore && <li class="muted">{t('popup_moreWorkers', String((p.total ?? p.rows.length) - p.rows.length))}</li>}
            </ul>
          )}
      </LoadState>
    </div>
  );
}

function AbsenceChooser({ worker, onBack, onChoose, version }: {
  worker: WorkerSummary; onBack: () => void; onChoose: (number: string) => void; version: number;
}) {
  const [absences, reload] = useAsync(() => call('ui:listAbsences', { workerId: worker.id }), [worker.id, version]);
  return (
    <div class="chooser">
      <p>
        <strong>{worker.name}</strong>{' '}
        <button type="button" class="button button--quiet" onClick={onBack}>{t('popup_computeOtherWorker')}</button>
      </p>
      <LoadState value={absences} retry={reload}>
        {(list) => list.length === 0
          ? <Empty><p>{t('popup_workerNoCertificates')}</p></Empty>
          : (
            <ul class="choices" data-testid="absence-choices">
              {list.map((a) => (
                <li key={a.key}>
                  <button type="button" class="choice" data-key={a.key} onClick={() => onChoose(a.key)}>
                    <strong>{showPeriod(a.from, a.to)}</strong> · {reasonName(a.reason)} ·{' '}
                    {t('popup_certificatesShort', String(a.certificates.length))}
                    {a.computedAt && <span class="muted"> · {t('popup_computedAt', formatTimestamp(a.computedAt))}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
      </LoadState>
    </div>
  );
}

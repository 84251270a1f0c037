/**
 * Potrdila: the employer's certificates, newest first, paged in the background; filter by
 * month, reason, status and kind, search by name or number.
 */
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import type { CertificateFilter } from '../../shared/protocol/ui.ts';
import { call } from '../api.ts';
import { CertificateTable } from '../components/CertificateTable.tsx';
import { Empty, LoadState } from '../components/LoadState.tsx';
import { Pager } from '../components/Pager.tsx';
import { useAsync } from '../components/useAsync.ts';
import { useDebounced } from '../components/useDebounced.ts';
import { showNumber } from '../format.ts';
import { REASON_CODES, reasonName } from '../labels.ts';
import type { EmployerViewProps } from './types.ts';

export const CERTIFICATES_PAGE = 50;

export function CertificatesView({ employer, navigate, version }: EmployerViewProps) {
  const [filter, setFilter] = useState<CertificateFilter>({});
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const query = useDebounced(search.trim(), 250);
  const effective: CertificateFilter = { ...filter, ...(query ? { search: query } : {}) };
  const key = JSON.stringify(effective);
  const [page, reload] = useAsync(
    () => call('ui:listCertificates', { employerTax: employer.taxNumber, offset, limit: CERTIFICATES_PAGE, ...(key !== '{}' ? { filter: effective } : {}) }),
    [employer.taxNumber, offset, key, version],
  );
  const set = (patch: Partial<CertificateFilter>) => {
    setOffset(0);
    setFilter((f) => {
      const next: CertificateFilter = { ...f, ...patch };
      for (const k of Object.keys(next) as (keyof CertificateFilter)[]) if (!next[k]) delete next[k];
      return next;
    });
  };
  const filtered = key !== '{}';
  // Asked apart from the page so the page never waits for it. Since schema v5 the background
  // answers both from one kept list, and a page carries its total as well.
  const [count] = useAsync(
    () => (filtered ? Promise.resolve(null) : call('ui:countCertificates', { employerTax: employer.taxNumber })),
    [employer.taxNumber, filtered, version],
  );

  return (
    <div class="certificates">
      <h2 class="view__title">{t('popup_view_certificates')}</h2>
      <div class="filters" role="search">
        <label class="field">
          <span class="field__label">{t('popup_filterMonth')}</span>
          <input type="month" value={filter.month ?? ''} pattern="\d{4}-\d{2}" placeholder="2025-03"
            onChange={(e) => set({ month: /^\d{4}-\d{2}$/.test(e.currentTarget.value) ? e.currentTarget.value : '' })} />
        </label>
        <label class="field">
          <span class="field__label">{t('popup_filterReason')}</span>
          <select value={filter.reason ?? ''} onChange={(e) => set({ reason: e.currentTarget.value })}>
            <option value="">{t('popup_filterAll')}</option>
            {REASON_CODES.map((c) => <option key={c} value={c}>{reasonName(c)}</option>)}
          </select>
        </label>
        <label class="field">
          <span class="field__label">{t('popup_filterStatus')}</span>
          <select value={filter.status ?? ''} onChange={(e) => set({ status: e.currentTarget.value as CertificateFilter['status'] })}>
            <option value="">{t('popup_filterAll')}</option>
            <option value="issued">{t('popup_status_issued')}</option>
            <option value="cancelled">{t('popup_status_cancelled')}</option>
          </select>
        </label>
        <label class="field">
          <span class="field__label">{t('popup_filterKind')}</span>
          <select value={filter.kind ?? ''} onChange={(e) => set({ kind: e.currentTarget.value as CertificateFilter['kind'] })}>
            <option value="">{t('popup_filterAll')}</option>
            <option value="eBOL">eBOL</option>
            <option value="ePODK">ePODK</option>
          </select>
        </label>
        <label class="field field--grow">
          <span class="field__label">{t('popup_filterSearch')}</span>
          <input type="search" value={search} onInput={(e) => { setSearch(e.currentTarget.value); setOffset(0); }} />
        </label>
      </div>
      <LoadState value={page} retry={reload}>
        {(p) => {
          const total = p.total ?? (count.state === 'data' ? count.data : null);
          if (p.rows.length === 0 && offset === 0) {
            return <Empty><p>{filtered ? t('popup_certificatesNoMatch') : t('popup_certificatesEmpty')}</p></Empty>;
          }
          return (
            <>
              <p class="muted" aria-live="polite" data-testid="certificates-count">{total === null ? '' : t('popup_certificatesCount', showNumber(total))}</p>
              <CertificateTable rows={p.rows} showWorker caption={t('popup_view_certificates')}
                onCompute={(n) => navigate('compute', { certificateNumber: n })} />
              <Pager offset={offset} limit={CERTIFICATES_PAGE} shown={p.rows.length} total={total} hasMore={p.hasMore}
                onOffset={setOffset} label={t('popup_certificatesPages')} />
            </>
          );
        }}
      </LoadState>
    </div>
  );
}

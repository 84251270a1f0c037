/**
 * Zahtevki: refund claim lines of the stored computations (one per ZZZS-paid segment), the
 * soonest to lapse first, marked "expiring" (within 60 days) or "expired". They are what the
 * refund form on SPOT is prefilled with.
 */
import { useState } from 'preact/hooks';
import { todayInLjubljana } from '../../lib/dates.ts';
import { expiryState } from '../../lib/refund.ts';
import { t } from '../../shared/i18n.ts';
import { call } from '../api.ts';
import { Empty, LoadState } from '../components/LoadState.tsx';
import { Pager } from '../components/Pager.tsx';
import { useAsync } from '../components/useAsync.ts';
import { DASH, showDate, showMoney, showNumber } from '../format.ts';
import { reasonName } from '../labels.ts';
import type { EmployerViewProps } from './types.ts';

export const CLAIMS_PAGE = 50;

export function ClaimsView({ employer, navigate, version }: EmployerViewProps) {
  const [offset, setOffset] = useState(0);
  const [page, reload] = useAsync(
    () => call('ui:listClaims', { employerTax: employer.taxNumber, offset, limit: CLAIMS_PAGE }),
    [employer.taxNumber, offset, version],
  );
  const today = todayInLjubljana();
  return (
    <div class="claims">
      <h2 class="view__title">{t('popup_view_claims')}</h2>
      <LoadState value={page} retry={reload}>
        {(p) => p.rows.length === 0 && offset === 0
          ? <Empty><p>{t('popup_claimsEmpty')}</p></Empty>
          : (
            <>
              <table class="table table--numbers" data-testid="claims-table">
                <caption class="visually-hidden">{t('popup_view_claims')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('popup_col_worker')}</th>
                    <th scope="col">{t('popup_col_certificate')}</th>
                    <th scope="col">{t('popup_col_reason')}</th>
                    <th scope="col">{t('popup_col_from')}</th>
                    <th scope="col">{t('popup_col_to')}</th>
                    <th scope="col" class="num">{t('popup_col_hours')}</th>
                    <th scope="col" class="num">{t('popup_col_hourlyBase')}</th>
                    <th scope="col" class="num">{t('popup_col_percentage')}</th>
                    <th scope="col" class="num">{t('popup_col_amount')}</th>
                    <th scope="col">{t('popup_col_expiresOn')}</th>
                    <th scope="col"><span class="visually-hidden">{t('popup_col_actions')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {p.rows.map((c) => {
                    const state = expiryState(c.line, today);
                    return (
                      <tr key={c.id} data-state={state}>
                        <th scope="row" class="wrap">{c.worker.name ?? DASH}</th>
                        <td>{c.line.certificate}</td>
                        <td class="wrap">{reasonName(c.line.reason)}</td>
                        <td>{showDate(c.line.from)}</td>
                        <td>{showDate(c.line.to)}</td>
                        <td class="num">{showNumber(c.line.hours)}</td>
                        <td class="num">{showMoney(c.line.hourlyBase)}</td>
                        <td class="num">{showNumber(c.line.percentage)}</td>
                        <td class="num">{showMoney(c.line.amount)}</td>
                        <td>
                          {showDate(c.line.expiresOn)}
                          {state !== 'open' && <strong class={`mark mark--${state}`}> {t(`popup_expiry_${state}`)}</strong>}
                          {!c.line.complete && <strong class="mark mark--expired"> {t('popup_claimIncomplete')}</strong>}
                        </td>
                        <td>
                          <button type="button" class="button button--small" onClick={() => navigate('compute', { certificateNumber: c.line.certificate })}>
                            {t('popup_openComputation')}<span class="visually-hidden"> {c.line.certificate}</span>
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <Pager offset={offset} limit={CLAIMS_PAGE} shown={p.rows.length} total={p.total} hasMore={p.hasMore} onOffset={setOffset} label={t('popup_claimsPages')} />
            </>
          )}
      </LoadState>
    </div>
  );
}

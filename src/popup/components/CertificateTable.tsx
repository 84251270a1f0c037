/** A table of certificates with a "compute" action per row. */
import { t } from '../../shared/i18n.ts';
import type { CertificateRow } from '../../shared/rows.ts';
import { DASH, showDate, showNumber } from '../format.ts';
import { reasonName, statusName } from '../labels.ts';

export function CertificateTable({ rows, showWorker, onCompute, caption }: {
  rows: readonly CertificateRow[]; showWorker: boolean; onCompute: (number: string) => void; caption?: string;
}) {
  return (
    <table class="table" data-testid="certificates-table">
      {caption && <caption class="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{t('popup_col_number')}</th>
          <th scope="col">{t('popup_col_kind')}</th>
          {showWorker && <th scope="col">{t('popup_col_worker')}</th>}
          <th scope="col">{t('popup_col_reason')}</th>
          <th scope="col">{t('popup_col_from')}</th>
          <th scope="col">{t('popup_col_to')}</th>
          <th scope="col" class="num">{t('popup_col_hoursPerDay')}</th>
          <th scope="col">{t('popup_col_status')}</th>
          <th scope="col"><span class="visually-hidden">{t('popup_col_actions')}</span></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.number} class={c.status === 'cancelled' ? 'table__row--cancelled' : undefined} data-number={c.number}>
            <th scope="row">{c.number}</th>
            <td>{c.kind}</td>
            {showWorker && <td class="wrap">{c.workerName ?? DASH}</td>}
            <td class="wrap">{reasonName(c.reason)}</td>
            <td>{showDate(c.from)}</td>
            <td>{showDate(c.to)}</td>
            <td class="num">{c.hoursPerDay === null ? DASH : showNumber(c.hoursPerDay)}</td>
            <td>{statusName(c.status)}</td>
            <td>
              <button type="button" class="button button--small" onClick={() => onCompute(c.number)}>
                {t('popup_compute')}<span class="visually-hidden"> {c.number}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** FURS disclosures: what is stored for a worker, and linking unlinked ones to a worker. */
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import type { DisclosureSummary } from '../../shared/protocol/ui.ts';
import { call } from '../api.ts';
import { errorMessage, showDate, showPeriod } from '../format.ts';
import { useAsync } from './useAsync.ts';

function payerText(p: 'zzzs' | 'employer' | null): string {
  return p === 'zzzs' ? t('popup_basePayer_zzzs') : p === 'employer' ? t('popup_basePayer_employer') : t('popup_basePayer_unknown');
}

export function disclosureLabel(d: DisclosureSummary): string {
  const periods = d.periods.map((p) => `${showPeriod(p.from, p.to)} (${payerText(p.payer)})`).join('; ');
  return `${d.queryNumber} · ${periods}${d.workerTaxNumber ? ` · ${t('popup_workerTax', d.workerTaxNumber)}` : ''}`;
}

export function DisclosureList({ items }: { items: readonly DisclosureSummary[] }) {
  if (items.length === 0) return <p>{t('popup_noDisclosures')}</p>;
  return (
    <ul class="disclosures" data-testid="disclosure-list">
      {items.map((d) => (
        <li key={d.id}>
          <strong>{d.queryNumber}</strong>
          {' · '}{t('popup_validUntil', showDate(d.validUntil))}
          {d.fileName && <> · <span class="muted">{d.fileName}</span></>}
          <ul>
            {d.periods.map((p, i) => (
              <li key={i}>
                {showPeriod(p.from, p.to)} — {payerText(p.payer)} — {p.noData ? t('popup_noDataPeriod') : t('popup_rowsCount', String(p.rows))}
              </li>
            ))}
          </ul>
          {d.warnings.length > 0 && <p class="muted">{t('popup_disclosureWarnings', d.warnings.join(', '))}</p>}
        </li>
      ))}
    </ul>
  );
}

/** A select of the employer's disclosures not yet linked to a worker, and a button to link one to this worker. */
export function LinkDisclosures({ employerTax, workerId, onLinked }: { employerTax: string; workerId: string; onLinked: () => void }) {
  const [list, reload] = useAsync(() => call('ui:listDisclosures', { employerTax, unlinked: true }), [employerTax]);
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (list.state !== 'data' || list.data.length === 0) return null;
  const selectId = `link-${workerId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const link = async () => {
    const id = Number(chosen || list.data[0]!.id);
    try {
      await call('ui:linkDisclosure', { id, workerId });
      setProblem(null);
      setChosen('');
      reload();
      onLinked();
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };
  return (
    <div class="link" data-testid="link-disclosures">
      <p class="link__intro">{t('popup_unlinkedCount', String(list.data.length))}</p>
      <label class="field" for={selectId}>
        <span class="field__label">{t('popup_linkChoose')}</span>
      </label>
      <select id={selectId} value={chosen || String(list.data[0]!.id)} onChange={(e) => setChosen(e.currentTarget.value)}>
        {list.data.map((d) => <option key={d.id} value={String(d.id)}>{disclosureLabel(d)}</option>)}
      </select>{' '}
      <button type="button" class="button" onClick={() => void link()}>{t('popup_link')}</button>
      {problem && <p role="alert" class="form__errors">{problem}</p>}
    </div>
  );
}

/**
 * Column → field for a CSV whose columns were not recognised. The user picks, for each column
 * the file has, what it holds; the period (one column, or year + month) and the amount are
 * required, each field at most once.
 */
import { useState } from 'preact/hooks';
import type { ColumnMapping } from '../../lib/disclosure/index.ts';
import type { ColumnField } from '../../lib/disclosure/labels.ts';
import { t, type MessageKey } from '../../shared/i18n.ts';
import { Dialog } from './Dialog.tsx';

const FIELDS: readonly { field: ColumnField; label: MessageKey }[] = [
  { field: 'month', label: 'popup_field_month' },
  { field: 'year', label: 'popup_field_year' },
  { field: 'source', label: 'popup_field_source' },
  { field: 'incomeType', label: 'popup_field_incomeType' },
  { field: 'amount', label: 'popup_field_amount' },
  { field: 'hours', label: 'popup_field_hours' },
];

export function mappingErrors(choice: readonly (ColumnField | '')[]): string[] {
  const chosen = choice.filter((c): c is ColumnField => c !== '');
  const out: string[] = [];
  if (!chosen.includes('month')) out.push(t('popup_mappingNeedsPeriod'));
  if (!chosen.includes('amount')) out.push(t('popup_mappingNeedsAmount'));
  for (const f of FIELDS) {
    if (chosen.filter((c) => c === f.field).length > 1) out.push(t('popup_mappingTwice', t(f.label)));
  }
  return out;
}

export function MappingDialog({ fileName, headers, onDone }: {
  fileName: string; headers: readonly string[]; onDone: (mapping: ColumnMapping | null) => void;
}) {
  const [choice, setChoice] = useState<(ColumnField | '')[]>(() => headers.map(() => ''));
  const [tried, setTried] = useState(false);
  const errors = mappingErrors(choice);
  const submit = (e: Event) => {
    e.preventDefault();
    setTried(true);
    if (errors.length) return;
    const mapping: Record<string, ColumnField> = {};
    headers.forEach((h, i) => { const f = choice[i]; if (f) mapping[h] = f; });
    onDone(mapping);
  };
  return (
    <Dialog title={t('popup_mappingTitle')} onCancel={() => onDone(null)} id="mapping">
      <form onSubmit={submit} class="mapping" noValidate>
        <p>{t('popup_mappingIntro', fileName)}</p>
        <table class="table mapping__table">
          <thead>
            <tr><th scope="col">{t('popup_mappingColumn')}</th><th scope="col">{t('popup_mappingField')}</th></tr>
          </thead>
          <tbody>
            {headers.map((h, i) => (
              <tr key={`${i}:${h}`}>
                <th scope="row"><label for={`mapping-${i}`}>{h}</label></th>
                <td>
                  <select
                    id={`mapping-${i}`}
                    value={choice[i] ?? ''}
                    onChange={(e) => {
                      const v = e.currentTarget.value as ColumnField | '';
                      setChoice((c) => c.map((x, j) => (j === i ? v : x)));
                    }}
                  >
                    <option value="">{t('popup_field_none')}</option>
                    {FIELDS.map((f) => <option key={f.field} value={f.field}>{t(f.label)}</option>)}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {tried && errors.length > 0 && (
          <ul class="form__errors" role="alert">{errors.map((m) => <li key={m}>{m}</li>)}</ul>
        )}
        <p class="form__hint">{t('popup_mappingRemembered')}</p>
        <div class="dialog__buttons">
          <button type="submit" class="button button--primary">{t('popup_mappingApply')}</button>
          <button type="button" class="button" onClick={() => onDone(null)}>{t('popup_cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * Nastavitve: the employer's profile (the A1 applicant's data), adding an employer (offices
 * with many clients), parameter overrides for every computation, how long data is kept, and
 * deleting all data (with a confirmation).
 */
import { useState } from 'preact/hooks';
import { validateTaxNumber } from '../../lib/identifiers.ts';
import { t, type MessageKey } from '../../shared/i18n.ts';
import type { UiContext } from '../../shared/protocol/ui.ts';
import type { EmployerRow } from '../../shared/rows.ts';
import { call } from '../api.ts';
import { Dialog } from '../components/Dialog.tsx';
import { errorMessage, formatNumberInput, parseUserNumber } from '../format.ts';
import type { ViewProps } from './types.ts';
import { BackupSection, RetentionNote } from './settings/BackupAndRetention.tsx';

type Saved = { state: 'idle' } | { state: 'saved' } | { state: 'error'; message: string };

function SaveStatus({ saved, id }: { saved: Saved; id: string }) {
  return (
    <p role="status" aria-live="polite" id={id} class={saved.state === 'error' ? 'form__errors' : 'muted'} data-state={saved.state}>
      {saved.state === 'saved' && t('popup_saved')}
      {saved.state === 'error' && saved.message}
    </p>
  );
}

const PROFILE_FIELDS: readonly { key: keyof EmployerRow; label: MessageKey; type?: 'email' | 'tel' }[] = [
  { key: 'name', label: 'popup_employer_name' },
  { key: 'registrationNumber', label: 'popup_employer_registrationNumber' },
  { key: 'seat', label: 'popup_employer_seat' },
  { key: 'phone', label: 'popup_employer_phone', type: 'tel' },
  { key: 'email', label: 'popup_employer_email', type: 'email' },
];

export function EmployerForm({ employer, onSaved, isNew }: { employer: EmployerRow | null; onSaved: (ctx: UiContext) => void; isNew: boolean }) {
  const [row, setRow] = useState<EmployerRow>(employer ?? { taxNumber: '', name: '' });
  const [saved, setSaved] = useState<Saved>({ state: 'idle' });
  const prefix = isNew ? 'new-employer' : 'employer';
  const submit = async (e: Event) => {
    e.preventDefault();
    const taxNumber = row.taxNumber.replace(/\s/g, '');
    const check = validateTaxNumber(taxNumber);
    if (!check.ok) { setSaved({ state: 'error', message: t('popup_employerBadTax', check.message) }); return; }
    if (row.name.trim() === '') { setSaved({ state: 'error', message: t('popup_employerNeedsName') }); return; }
    const clean: EmployerRow = { taxNumber, name: row.name.trim() };
    for (const f of PROFILE_FIELDS) {
      const v = row[f.key];
      if (f.key !== 'name' && typeof v === 'string' && v.trim() !== '') (clean as unknown as Record<string, string>)[f.key] = v.trim();
    }
    try {
      const ctx = await call('ui:saveEmployer', { employer: clean, ...(isNew ? { select: true } : {}) });
      setSaved({ state: 'saved' });
      if (isNew) setRow({ taxNumber: '', name: '' });
      onSaved(ctx);
    } catch (err) {
      setSaved({ state: 'error', message: errorMessage(err) });
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate class="form" data-testid={`${prefix}-form`}>
      <label class="field" for={`${prefix}-tax`}>
        <span class="field__label">{t('popup_employer_taxNumber')}</span>
        <input id={`${prefix}-tax`} type="text" inputMode="numeric" value={row.taxNumber} readOnly={!isNew} maxLength={10}
          onInput={(e) => { const v = e.currentTarget.value; setRow((r) => ({ ...r, taxNumber: v })); }} />
      </label>
      {PROFILE_FIELDS.map((f) => (
        <label key={f.key} class="field" for={`${prefix}-${f.key}`}>
          <span class="field__label">{t(f.label)}</span>
          <input id={`${prefix}-${f.key}`} type={(f.type ?? 'text') as 'text'} value={(row[f.key] as string | undefined) ?? ''}
            onInput={(e) => { const v = e.currentTarget.value; setRow((r) => ({ ...r, [f.key]: v })); }} />
        </label>
      ))}
      <button type="submit" class="button button--primary">{isNew ? t('popup_employerAddButton') : t('popup_save')}</button>
      <SaveStatus saved={saved} id={`${prefix}-status`} />
    </form>
  );
}

export function SettingsView({ context, employer, refresh }: ViewProps) {
  const s = context.settings;
  const [minimumWage, setMinimumWage] = useState(formatNumberInput(s.parameterOverrides.minimumWage));
  const [averageWage, setAverageWage] = useState(formatNumberInput(s.parameterOverrides.averageWage));
  const [retention, setRetention] = useState(String(s.retentionDays));
  const [saved, setSaved] = useState<Saved>({ state: 'idle' });
  const [confirming, setConfirming] = useState(false);
  const [deleted, setDeleted] = useState<Saved>({ state: 'idle' });
  const [retentionVersion, setRetentionVersion] = useState(0);

  const saveSettings = async (e: Event) => {
    e.preventDefault();
    const min = parseUserNumber(minimumWage), avg = parseUserNumber(averageWage);
    const days = Number(retention.trim());
    const problems: string[] = [];
    if (min !== null && (Number.isNaN(min) || min <= 0)) problems.push(t('popup_inputNotNumber', t('popup_input_minimumWage')));
    if (avg !== null && (Number.isNaN(avg) || avg <= 0)) problems.push(t('popup_inputNotNumber', t('popup_input_averageWage')));
    if (!Number.isInteger(days) || days < 1 || days > 3650) problems.push(t('popup_retentionRange'));
    if (problems.length) { setSaved({ state: 'error', message: problems.join(' ') }); return; }
    try {
      await call('ui:saveSettings', { retentionDays: days, parameterOverrides: { minimumWage: min, averageWage: avg } });
      setSaved({ state: 'saved' });
      setRetentionVersion((v) => v + 1);
      await refresh();
    } catch (err) {
      setSaved({ state: 'error', message: errorMessage(err) });
    }
  };
  const deleteAll = async () => {
    setConfirming(false);
    try {
      await call('ui:deleteAllData', { confirm: true });
      setDeleted({ state: 'saved' });
      await refresh();
    } catch (err) {
      setDeleted({ state: 'error', message: errorMessage(err) });
    }
  };

  return (
    <div class="settings">
      <h2 class="view__title">{t('popup_view_settings')}</h2>
      {employer && (
        <section aria-labelledby="profile-title">
          <h3 id="profile-title">{t('popup_employerProfile', employer.name)}</h3>
          <EmployerForm key={employer.taxNumber} employer={employer} isNew={false} onSaved={() => void refresh()} />
        </section>
      )}
      <section aria-labelledby="add-employer-title">
        <h3 id="add-employer-title">{t('popup_employerAddTitle')}</h3>
        <EmployerForm employer={null} isNew onSaved={() => void refresh()} />
      </section>
      <section aria-labelledby="parameters-title">
        <h3 id="parameters-title">{t('popup_settingsComputation')}</h3>
        <form onSubmit={(e) => void saveSettings(e)} noValidate class="form" data-testid="settings-form">
          <p class="muted">{t('popup_parametersIntro')}</p>
          <label class="field" for="settings-minimum-wage">
            <span class="field__label">{t('popup_input_minimumWage')}</span>
            <input id="settings-minimum-wage" type="text" inputMode="decimal" value={minimumWage} onInput={(e) => setMinimumWage(e.currentTarget.value)} />
          </label>
          <label class="field" for="settings-average-wage">
            <span class="field__label">{t('popup_input_averageWage')}</span>
            <input id="settings-average-wage" type="text" inputMode="decimal" value={averageWage} onInput={(e) => setAverageWage(e.currentTarget.value)} />
          </label>
          <label class="field" for="settings-retention">
            <span class="field__label">{t('popup_retentionDays')}</span>
            <input id="settings-retention" type="number" min={1} max={3650} value={retention} aria-describedby="settings-retention-hint"
              onInput={(e) => setRetention(e.currentTarget.value)} />
            <RetentionNote id="settings-retention-hint" version={retentionVersion} />
          </label>
          <button type="submit" class="button button--primary">{t('popup_save')}</button>
          <SaveStatus saved={saved} id="settings-status" />
        </form>
      </section>
      <BackupSection onRestored={refresh} />
      <section aria-labelledby="danger-title" class="danger">
        <h3 id="danger-title">{t('popup_deleteAllTitle')}</h3>
        <p class="muted">{t('popup_deleteAllIntro')}</p>
        <button type="button" class="button button--danger" onClick={() => setConfirming(true)}>{t('popup_deleteAll')}</button>
        <SaveStatus saved={deleted.state === 'saved' ? { state: 'idle' } : deleted} id="delete-status" />
        {deleted.state === 'saved' && <p role="status">{t('popup_deleteAllDone')}</p>}
        {confirming && (
          <Dialog title={t('popup_deleteAllConfirmTitle')} onCancel={() => setConfirming(false)} id="confirm-delete">
            <p>{t('popup_deleteAllConfirm')}</p>
            <div class="dialog__buttons">
              <button type="button" class="button" onClick={() => setConfirming(false)}>{t('popup_cancel')}</button>
              <button type="button" class="button button--danger" onClick={() => void deleteAll()}>{t('popup_deleteAllYes')}</button>
            </div>
          </Dialog>
        )}
      </section>
    </div>
  );
}

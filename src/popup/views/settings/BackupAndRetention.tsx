/**
 * Nastavitve → data lifecycle (issue 9):
 *
 *   - `RetentionNote`: what the automatic deletion does (FURS data older than the set number
 *     of days) and when it last ran;
 *   - `BackupSection`: an encrypted backup file (the passphrase twice, a strength hint, then
 *     the `.spotbackup` download), and a restore that first shows what the chosen file holds
 *     and asks before it replaces anything. A wrong passphrase or a damaged file is said
 *     plainly, and nothing is changed.
 *
 * In the toolbar popup the file chooser would close the popup (browsers close a popup that
 * loses focus), so there "Choose a backup file" opens this view in a tab.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_BACKUP_BYTES, MIN_PASSPHRASE, passphraseStrength, type BackupErrorCode } from '../../../shared/backup.ts';
import { formatTimestamp, t, type MessageKey } from '../../../shared/i18n.ts';
import type { BackupCounts, BackupSummary, RetentionInfo } from '../../../shared/protocol/backup.ts';
import '../../../shared/protocol/backup.ts';
import { call, downloadText, openAppTab } from '../../api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { errorMessage, showNumber } from '../../format.ts';

type Status = { state: 'idle' } | { state: 'busy' } | { state: 'done'; message: string } | { state: 'error'; message: string };

const problemText = (problem: BackupErrorCode): string => t(`backup_error_${problem}` as MessageKey);

function StatusLine({ status, id }: { status: Status; id: string }) {
  return (
    <p role="status" aria-live="polite" id={id} data-state={status.state}
      class={status.state === 'error' ? 'form__errors' : 'muted'}>
      {status.state === 'busy' && t('backup_working')}
      {(status.state === 'done' || status.state === 'error') && status.message}
    </p>
  );
}

const COUNT_LABELS: readonly [keyof BackupCounts, MessageKey][] = [
  ['employers', 'backup_count_employers'],
  ['workers', 'backup_count_workers'],
  ['certificates', 'backup_count_certificates'],
  ['disclosures', 'backup_count_disclosures'],
  ['computations', 'backup_count_computations'],
  ['claims', 'backup_count_claims'],
  ['postings', 'backup_count_postings'],
  ['settings', 'backup_count_settings'],
  ['history', 'backup_count_history'],
];

/** What a backup holds: one line per table. */
export function BackupCountsList({ summary }: { summary: BackupSummary }) {
  return (
    <dl class="backup__counts" data-testid="backup-counts">
      {COUNT_LABELS.map(([table, label]) => (
        <div key={table} data-table={table} data-count={summary.counts[table]}>
          <dt>{t(label)}</dt>
          <dd>{showNumber(summary.counts[table])}</dd>
        </div>
      ))}
    </dl>
  );
}

const STRENGTH: readonly MessageKey[] = ['backup_strength_0', 'backup_strength_1', 'backup_strength_2', 'backup_strength_3', 'backup_strength_4'];

function CreateBackup() {
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const strength = passphraseStrength(first);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (first.normalize('NFC').length < MIN_PASSPHRASE) { setStatus({ state: 'error', message: t('backup_passphraseShort', String(MIN_PASSPHRASE)) }); return; }
    if (first !== second) { setStatus({ state: 'error', message: t('backup_passphraseMismatch') }); return; }
    setStatus({ state: 'busy' });
    try {
      const r = await call('ui:createBackup', { passphrase: first });
      if (!r.ok) { setStatus({ state: 'error', message: problemText(r.problem) }); return; }
      downloadText(r.fileName, r.text, 'application/octet-stream');
      setFirst('');
      setSecond('');
      setStatus({ state: 'done', message: t('backup_created', r.fileName, showNumber(r.summary.counts.certificates), showNumber(r.summary.counts.disclosures)) });
    } catch (err) {
      setStatus({ state: 'error', message: errorMessage(err) });
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate class="form" data-testid="backup-create-form">
      <label class="field" for="backup-passphrase">
        <span class="field__label">{t('backup_passphrase')}</span>
        <input id="backup-passphrase" type="password" autoComplete="new-password" value={first} aria-describedby="backup-strength"
          onInput={(e) => setFirst(e.currentTarget.value)} />
        <span class="field__hint" id="backup-strength" aria-live="polite" data-strength={strength}>
          {first === '' ? t('backup_passphraseHint', String(MIN_PASSPHRASE)) : t('backup_strength', t(STRENGTH[strength]!))}
        </span>
      </label>
      <label class="field" for="backup-passphrase-again">
        <span class="field__label">{t('backup_passphraseAgain')}</span>
        <input id="backup-passphrase-again" type="password" autoComplete="new-password" value={second}
          onInput={(e) => setSecond(e.currentTarget.value)} />
      </label>
      <button type="submit" class="button button--primary" disabled={status.state === 'busy'}>{t('backup_download')}</button>
      <StatusLine status={status} id="backup-create-status" />
    </form>
  );
}

interface ChosenFile {
  name: string;
  text: string;
}

function RestoreBackup({ onRestored }: { onRestored: () => Promise<void> }) {
  const inPopup = globalThis.document?.documentElement.dataset.mode !== 'tab';
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [summary, setSummary] = useState<BackupSummary | null>(null);
  const [status, setStatus] = useState<Status>({ state: 'idle' });

  const choose = async (chosen: File | undefined) => {
    setSummary(null);
    setFile(null);
    if (!chosen) return;
    // Refused before it is read: a backup is never larger than this.
    if (chosen.size > MAX_BACKUP_BYTES) { setStatus({ state: 'error', message: problemText('TOO_LARGE') }); return; }
    try {
      setFile({ name: chosen.name, text: await chosen.text() });
      setStatus({ state: 'idle' });
    } catch (err) {
      setStatus({ state: 'error', message: errorMessage(err) });
    }
  };

  const inspect = async (e: Event) => {
    e.preventDefault();
    if (!file) { setStatus({ state: 'error', message: t('backup_noFile') }); return; }
    if (passphrase === '') { setStatus({ state: 'error', message: t('backup_needPassphrase') }); return; }
    setStatus({ state: 'busy' });
    try {
      const r = await call('ui:inspectBackup', { text: file.text, passphrase });
      if (!r.ok) { setStatus({ state: 'error', message: problemText(r.problem) }); return; }
      setStatus({ state: 'idle' });
      setSummary(r.summary);
    } catch (err) {
      setStatus({ state: 'error', message: errorMessage(err) });
    }
  };

  const restore = async () => {
    if (!file) return;
    setSummary(null);
    setStatus({ state: 'busy' });
    try {
      const r = await call('ui:restoreBackup', { text: file.text, passphrase, confirm: true });
      if (!r.ok) { setStatus({ state: 'error', message: problemText(r.problem) }); return; }
      setFile(null);
      setPassphrase('');
      setStatus({ state: 'done', message: t('backup_restored', formatTimestamp(r.summary.createdAt)) });
      await onRestored();
    } catch (err) {
      setStatus({ state: 'error', message: errorMessage(err) });
    }
  };

  return (
    <form onSubmit={(e) => void inspect(e)} noValidate class="form" data-testid="backup-restore-form">
      <p class="muted">{t('backup_restoreIntro')}</p>
      <input ref={input} id="backup-file" class="visually-hidden" type="file" accept=".spotbackup,application/octet-stream,application/json"
        tabIndex={-1} aria-hidden="true" data-testid="backup-file"
        onChange={(e) => { const f = e.currentTarget.files?.[0]; e.currentTarget.value = ''; void choose(f); }} />
      <div class="field">
        <button type="button" class="button" onClick={() => (inPopup ? void openAppTab('settings') : input.current?.click())}>
          {inPopup ? t('backup_chooseInTab') : t('backup_choose')}
        </button>
        <span class="field__hint" data-testid="backup-file-name">{file ? t('backup_chosen', file.name) : t('backup_noneChosen')}</span>
      </div>
      <label class="field" for="backup-restore-passphrase">
        <span class="field__label">{t('backup_passphrase')}</span>
        <input id="backup-restore-passphrase" type="password" autoComplete="current-password" value={passphrase}
          onInput={(e) => { setPassphrase(e.currentTarget.value); setSummary(null); }} />
      </label>
      <button type="submit" class="button" disabled={status.state === 'busy'}>{t('backup_inspect')}</button>
      <StatusLine status={status} id="backup-restore-status" />
      {summary && (
        <Dialog title={t('backup_confirmTitle')} onCancel={() => setSummary(null)} id="confirm-restore">
          <p>{t('backup_confirmIntro', formatTimestamp(summary.createdAt))}</p>
          <BackupCountsList summary={summary} />
          <p><strong>{t('backup_confirmWarning')}</strong></p>
          <div class="dialog__buttons">
            <button type="button" class="button" onClick={() => setSummary(null)}>{t('popup_cancel')}</button>
            <button type="button" class="button button--danger" onClick={() => void restore()}>{t('backup_confirmYes')}</button>
          </div>
        </Dialog>
      )}
    </form>
  );
}

export function BackupSection({ onRestored }: { onRestored: () => Promise<void> }) {
  return (
    <section aria-labelledby="backup-title" class="backup">
      <h3 id="backup-title">{t('backup_title')}</h3>
      <p class="muted">{t('backup_intro')}</p>
      <h4>{t('backup_createTitle')}</h4>
      <CreateBackup />
      <h4>{t('backup_restoreTitle')}</h4>
      <RestoreBackup onRestored={onRestored} />
    </section>
  );
}

/** Under the retention field: what is deleted automatically, and when it last happened. */
export function RetentionNote({ id, version = 0 }: { id: string; version?: number }) {
  const [info, setInfo] = useState<RetentionInfo | null>(null);
  useEffect(() => {
    let live = true;
    call('ui:retentionInfo', {}).then((i) => { if (live) setInfo(i); }, () => { if (live) setInfo(null); });
    return () => { live = false; };
  }, [version]);
  const last = info?.lastRun;
  return (
    <span class="field__hint" id={id} data-testid="retention-note">
      {t('retention_hint')}
      {last && ` ${t('retention_lastRun', formatTimestamp(last.at), showNumber(last.deleted))}`}
    </span>
  );
}

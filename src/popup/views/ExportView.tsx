/**
 * Izvoz: CSV files of the selected employer, for Excel on a Slovenian computer (`;`, decimal
 * comma, UTF-8 BOM) or as standard CSV. Downloaded through a Blob URL (no extra permission).
 */
import { useState } from 'preact/hooks';
import type { CsvDialect } from '../../lib/csv.ts';
import { todayInLjubljana } from '../../lib/dates.ts';
import { t, type MessageKey } from '../../shared/i18n.ts';
import { call, downloadText } from '../api.ts';
import type { PopupExportKind } from '../exports.ts';
import { errorMessage } from '../format.ts';
import type { EmployerViewProps } from './types.ts';

const KINDS: readonly { kind: PopupExportKind; label: MessageKey; hint: MessageKey }[] = [
  { kind: 'certificates', label: 'popup_export_certificates', hint: 'popup_exportHint_certificates' },
  { kind: 'segments', label: 'popup_export_segments', hint: 'popup_exportHint_segments' },
  { kind: 'claims', label: 'popup_export_claims', hint: 'popup_exportHint_claims' },
  { kind: 'a1', label: 'popup_export_a1', hint: 'popup_exportHint_a1' },
];

type Status = { state: 'idle' } | { state: 'working'; kind: PopupExportKind } | { state: 'done'; fileName: string; rows: number } | { state: 'error'; message: string };

export function ExportView({ employer, context, refresh }: EmployerViewProps) {
  const [dialect, setDialect] = useState<CsvDialect>(context.settings.exportDialect);
  const [status, setStatus] = useState<Status>({ state: 'idle' });

  const chooseDialect = async (d: CsvDialect) => {
    setDialect(d);
    try { await call('ui:saveSettings', { exportDialect: d }); await refresh(); } catch { /* the choice still applies to this export */ }
  };
  const run = async (kind: PopupExportKind) => {
    setStatus({ state: 'working', kind });
    try {
      // The CSV writer loads when an export is asked for, not with the popup.
      const { buildExport } = await import('../exports.ts');
      const file = await buildExport(kind, employer, dialect, todayInLjubljana());
      downloadText(file.fileName, file.text);
      setStatus({ state: 'done', fileName: file.fileName, rows: file.rows });
    } catch (e) {
      setStatus({ state: 'error', message: errorMessage(e) });
    }
  };

  return (
    <div class="export">
      <h2 class="view__title">{t('popup_view_export')}</h2>
      <fieldset class="fieldset">
        <legend>{t('popup_exportFormat')}</legend>
        <label class="check">
          <input type="radio" name="dialect" value="excel-si" checked={dialect === 'excel-si'} onChange={() => void chooseDialect('excel-si')} />
          {' '}{t('popup_dialect_excel')}
        </label>
        <label class="check">
          <input type="radio" name="dialect" value="csv" checked={dialect === 'csv'} onChange={() => void chooseDialect('csv')} />
          {' '}{t('popup_dialect_csv')}
        </label>
      </fieldset>
      <ul class="exports">
        {KINDS.map((k) => (
          <li key={k.kind}>
            <button type="button" class="button" data-export={k.kind} disabled={status.state === 'working'} onClick={() => void run(k.kind)}
              aria-describedby={`export-hint-${k.kind}`}>
              {t(k.label)}
            </button>{' '}
            <span class="muted" id={`export-hint-${k.kind}`}>{t(k.hint)}</span>
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite" data-testid="export-status" data-state={status.state}>
        {status.state === 'working' && t('popup_exportWorking')}
        {status.state === 'done' && t('popup_exportDone', status.fileName, String(status.rows))}
        {status.state === 'error' && t('popup_exportFailed', status.message)}
      </p>
      <p class="muted">{t('popup_exportPrivacy')}</p>
    </div>
  );
}

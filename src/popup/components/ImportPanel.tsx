/**
 * Import by file picker (a labelled button, keyboard-accessible) or by dropping files
 * anywhere on the app. Progress is announced (`aria-live`): "n of N", and each file's result.
 */
import type { ColumnMapping } from '../../lib/disclosure/index.ts';
import { assertInputSize } from '../../lib/limits.ts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../shared/i18n.ts';
import { openAppTab } from '../api.ts';
import type { FileResult, FileStatus, InputFile } from '../importFiles.ts';
import { MappingDialog } from './MappingDialog.tsx';
import { tabId } from './Tabs.tsx';

const STATUS_LABEL: Record<FileStatus, MessageKey> = {
  waiting: 'popup_fileWaiting',
  reading: 'popup_fileReading',
  stored: 'popup_fileStored',
  newVersion: 'popup_fileNewVersion',
  same: 'popup_fileSame',
  invoice: 'se_fileInvoice',
  error: 'popup_fileError',
};

/**
 * An eSLOG invoice is shown in the self-employed view: its tab is selected the way a click
 * on it would (the panel has no navigation of its own).
 */
function openSelfEmployedView(): void {
  const tab = document.getElementById(tabId('selfEmployed'));
  tab?.click();
  tab?.focus();
}

function fromFile(file: File): InputFile {
  return {
    name: file.name,
    // Refused by its size before it is read into memory (the same 20 MB limit as every reader).
    bytes: async () => {
      assertInputSize(file.size);
      return new Uint8Array(await file.arrayBuffer());
    },
  };
}

interface MappingRequest {
  fileName: string;
  headers: string[];
  resolve: (mapping: ColumnMapping | null) => void;
}

/**
 * In the toolbar popup the file chooser would close the popup (Chrome and Firefox close a
 * popup that loses focus), so there the button opens the app in a tab to pick files;
 * dropping files works in both.
 */
export function ImportPanel({ employerTax, onImported, onStored, inPopup = false, autoFocus = false }: {
  employerTax: string | null;
  /** After the last file: stored data changed. */
  onImported: () => void;
  /** After each file that stored something (the employer list may have grown). */
  onStored?: () => void;
  inPopup?: boolean;
  autoFocus?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [results, setResults] = useState<FileResult[]>([]);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [mapping, setMapping] = useState<MappingRequest | null>(null);
  const busyRef = useRef(false);
  const chooseButton = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (autoFocus) chooseButton.current?.focus(); }, [autoFocus]);

  const run = async (files: InputFile[]) => {
    if (files.length === 0 || busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setResults(files.map((f) => ({ name: f.name, status: 'waiting', message: '' })));
    try {
      // The readers load when files come, not with the popup.
      const { importFiles } = await import('../importFiles.ts');
      await importFiles(files, {
        employerTax,
        askMapping: (fileName, headers) => new Promise((resolve) => setMapping({ fileName, headers, resolve })),
        onProgress: (index, result) => {
          setResults((rs) => rs.map((r, i) => (i === index ? result : r)));
          if (result.status === 'stored' || result.status === 'newVersion') onStored?.();
        },
      });
    } finally {
      busyRef.current = false;
      setBusy(false);
      onImported();
    }
  };

  // The whole window accepts dropped files.
  useEffect(() => {
    const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
    const over = (e: DragEvent) => { if (hasFiles(e)) { e.preventDefault(); setDragging(true); } };
    const leave = (e: DragEvent) => { if (e.relatedTarget === null) setDragging(false); };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      void run([...(e.dataTransfer?.files ?? [])].map(fromFile));
    };
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', drop);
    };
  });

  const done = results.filter((r) => r.status !== 'waiting' && r.status !== 'reading').length;
  const count = (s: FileStatus) => results.filter((r) => r.status === s).length;
  const summary = busy
    ? t('popup_importProgress', String(Math.min(done + 1, results.length)), String(results.length))
    : results.length
      ? t('popup_importDone', String(count('stored')), String(count('newVersion')), String(count('same')), String(count('error')))
      : '';

  return (
    <section class={`import${dragging ? ' import--dragging' : ''}`} aria-labelledby="import-heading">
      <div class="import__bar">
        <h2 class="import__title" id="import-heading">{t('popup_importHeading')}</h2>
        <input
          ref={input}
          id="import-files"
          class="visually-hidden"
          type="file"
          multiple
          accept=".csv,.xml,.txt,.tsv,text/csv,text/xml,application/xml"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="import-input"
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])].map(fromFile);
            e.currentTarget.value = '';
            void run(files);
          }}
        />
        <button
          ref={chooseButton}
          type="button"
          class="button button--primary"
          disabled={busy}
          onClick={() => (inPopup ? void openAppTab('import') : input.current?.click())}
        >
          {inPopup ? t('popup_importChooseInTab') : t('popup_importChoose')}
        </button>
        <span class="import__hint">{dragging ? t('popup_importDropNow') : t('popup_importHint')}</span>
        {!busy && results.length > 0 && (
          <button type="button" class="button button--quiet" onClick={() => setResults([])}>{t('popup_importClear')}</button>
        )}
      </div>
      <p class="import__summary" role="status" aria-live="polite" data-testid="import-summary" data-busy={busy ? 'true' : 'false'}>
        {summary}
      </p>
      {results.length > 0 && (
        <ol class="import__files" data-testid="import-results">
          {results.map((r, i) => (
            <li key={`${i}:${r.name}`} class={`import__file import__file--${r.status}`} data-status={r.status}>
              <span class="import__name">{r.name}</span>{' '}
              <strong class="import__status">{t(STATUS_LABEL[r.status])}</strong>
              {r.message && <span class="import__message"> — {r.message}</span>}
              {r.status === 'invoice' && (
                <>{' '}<button type="button" class="button button--small" onClick={openSelfEmployedView}>{t('se_openView')}</button></>
              )}
            </li>
          ))}
        </ol>
      )}
      {mapping && (
        <MappingDialog
          fileName={mapping.fileName}
          headers={mapping.headers}
          onDone={(m) => { mapping.resolve(m); setMapping(null); }}
        />
      )}
    </section>
  );
}

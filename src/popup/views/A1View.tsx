/**
 * A1: the register of postings abroad of the selected employer (RULES §9). Each posting with
 * its checks in words; add, edit, delete (with a confirmation); the register as CSV
 * (`A1_COLUMNS` through `toCsv`, the same file as in Izvoz). The helper on SPOT's A1 form
 * prefills the application from these postings and the employer profile (Nastavitve).
 */
import { useState } from 'preact/hooks';
import { todayInLjubljana } from '../../lib/dates.ts';
import { a1IssueTexts, countryName } from '../../shared/forms/a1Checks.ts';
import { t, userLanguage } from '../../shared/i18n.ts';
import type { PostingView } from '../../shared/protocol/a1.ts';
import { call, downloadText } from '../api.ts';
import { Dialog } from '../components/Dialog.tsx';
import { Empty, LoadState } from '../components/LoadState.tsx';
import { useAsync } from '../components/useAsync.ts';
import { DASH, errorMessage, showDate, showPeriod } from '../format.ts';
import { A1PostingForm } from './A1PostingForm.tsx';
import type { EmployerViewProps } from './types.ts';

type Status = { kind: 'saved' | 'deleted' | 'exported'; text: string } | { kind: 'error'; text: string } | null;

const ISSUES_STYLE = { listStyle: 'none', padding: 0, margin: 0 } as const;

export function A1View({ employer, context, refresh, version }: EmployerViewProps) {
  const [list, reload] = useAsync(() => call('ui:listA1Postings', { employerTax: employer.taxNumber }), [employer.taxNumber, version]);
  const [editing, setEditing] = useState<PostingView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<PostingView | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const lang = userLanguage();
  const all = list.state === 'data' ? list.data : [];
  const name = (v: PostingView) => `${v.posting.person.surname} ${v.posting.person.name}`;

  const remove = async (v: PostingView) => {
    setDeleting(null);
    try {
      await call('ui:deletePosting', { employerTax: employer.taxNumber, id: v.id });
      setStatus({ kind: 'deleted', text: t('a1_deleted', name(v)) });
      reload();
      await refresh();
    } catch (e) {
      setStatus({ kind: 'error', text: errorMessage(e) });
    }
  };
  const exportCsv = async () => {
    try {
      const { buildExport } = await import('../exports.ts');
      const file = await buildExport('a1', employer, context.settings.exportDialect, todayInLjubljana());
      downloadText(file.fileName, file.text);
      setStatus({ kind: 'exported', text: t('popup_exportDone', file.fileName, String(file.rows)) });
    } catch (e) {
      setStatus({ kind: 'error', text: errorMessage(e) });
    }
  };

  if (editing) {
    const current = editing === 'new' ? null : editing;
    return (
      <div class="a1">
        <h2 class="view__title">{t('a1_view_title')}</h2>
        <A1PostingForm
          employerTax={employer.taxNumber}
          editing={current}
          others={all.filter((v) => v.id !== current?.id).map((v) => v.posting)}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setStatus({ kind: 'saved', text: saved.issues.length ? t('a1_savedWithIssues', name(saved), String(saved.issues.length)) : t('a1_saved', name(saved)) });
            reload();
            void refresh();
          }}
        />
      </div>
    );
  }

  return (
    <div class="a1">
      <h2 class="view__title">{t('a1_view_title')}</h2>
      <p class="muted">{t('a1_intro')}</p>
      <p>
        <button type="button" class="button button--primary" onClick={() => { setStatus(null); setEditing('new'); }}>{t('a1_add')}</button>{' '}
        <button type="button" class="button" disabled={all.length === 0} onClick={() => void exportCsv()}>{t('a1_export')}</button>
      </p>
      <p role="status" aria-live="polite" data-testid="a1-status" data-state={status?.kind ?? 'idle'} class={status?.kind === 'error' ? 'form__errors' : 'muted'}>
        {status?.text}
      </p>
      <LoadState value={list} retry={reload}>
        {(rows) => rows.length === 0
          ? <Empty><p>{t('a1_empty')}</p></Empty>
          : (
            <table class="table" data-testid="a1-table">
              <caption class="visually-hidden">{t('a1_view_title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('a1_col_person')}</th>
                  <th scope="col">{t('a1_col_country')}</th>
                  <th scope="col">{t('a1_col_period')}</th>
                  <th scope="col">{t('a1_col_filed')}</th>
                  <th scope="col">{t('a1_col_checks')}</th>
                  <th scope="col"><span class="visually-hidden">{t('popup_col_actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                {rows.map((v) => {
                  const texts = a1IssueTexts(v.issues, v.posting, rows.filter((o) => o.id !== v.id).map((o) => o.posting), lang);
                  return (
                    <tr key={v.id} data-id={v.id} data-issues={v.issues.length}>
                      <th scope="row" class="wrap">{name(v)}<br /><span class="muted">{v.posting.person.emso}</span></th>
                      <td>{countryName(v.posting.country, lang)}</td>
                      <td>{showPeriod(v.posting.start, v.posting.end)}</td>
                      <td>{v.filedOn ? showDate(v.filedOn) : DASH}</td>
                      <td class="wrap">
                        {texts.length === 0
                          ? <span>{t('a1_noIssues')}</span>
                          : <ul style={ISSUES_STYLE}>{texts.map((x, i) => <li key={x} class="warning" data-code={v.issues[i]?.code}>{x}</li>)}</ul>}
                      </td>
                      <td>
                        <button type="button" class="button button--small" onClick={() => { setStatus(null); setEditing(v); }}>
                          {t('a1_edit')}<span class="visually-hidden"> {name(v)}</span>
                        </button>{' '}
                        <button type="button" class="button button--small button--danger" onClick={() => setDeleting(v)}>
                          {t('a1_delete')}<span class="visually-hidden"> {name(v)}</span>
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
      </LoadState>
      {deleting && (
        <Dialog title={t('a1_deleteTitle')} onCancel={() => setDeleting(null)} id="a1-delete">
          <p>{t('a1_deleteConfirm', name(deleting), countryName(deleting.posting.country, lang), showPeriod(deleting.posting.start, deleting.posting.end))}</p>
          <div class="dialog__buttons">
            <button type="button" class="button" onClick={() => setDeleting(null)}>{t('popup_cancel')}</button>
            <button type="button" class="button button--danger" onClick={() => void remove(deleting)}>{t('a1_deleteYes')}</button>
          </div>
        </Dialog>
      )}
    </div>
  );
}

/**
 * Opomniki: what is due (the same count as the toolbar badge), at the top of the popup, across
 * all employers: the insurance changes at a posting's end (M-2 out of basis 002, M-3 under the
 * original basis) and refund claims about to lapse or lapsed. Each can be marked done (and the
 * mark undone right after). Nothing shows when nothing is due.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatDate } from '../../lib/format.ts';
import { countryName } from '../../shared/forms/a1Checks.ts';
import { t, userLanguage } from '../../shared/i18n.ts';
import type { ReminderList, ReminderView } from '../../shared/protocol/reminders.ts';
import { call } from '../api.ts';
import { errorMessage } from '../format.ts';

const LIST_STYLE = { listStyle: 'none', padding: 0, margin: '0 0 6px', maxHeight: '180px', overflowY: 'auto' } as const;

/** The reminder in words, with dates as the user writes them. */
export function reminderText(r: ReminderView, lang = userLanguage()): string {
  const date = (iso: string) => formatDate(iso, lang);
  if (r.posting) {
    const who = `${r.posting.surname} ${r.posting.name}`;
    return r.kind === 'deregister-posting-basis'
      ? t('reminder_deregister', who, countryName(r.posting.country, lang), date(r.posting.end))
      : t('reminder_register', who, r.posting.originalBasis ?? '001/013/029', date(r.due));
  }
  const c = r.claim!;
  const who = c.workerName ?? '—';
  return r.kind === 'claim-expired'
    ? t('reminder_claimExpired', c.certificate, who, date(c.from), date(c.to), date(r.due))
    : t('reminder_claimExpiring', c.certificate, who, date(c.from), date(c.to), date(r.due));
}

export function RemindersSection({ version, context }: { version: number; context?: unknown }) {
  const [list, setList] = useState<ReminderList | null>(null);
  const [open, setOpen] = useState(true);
  const [last, setLast] = useState<{ reminder: ReminderView; text: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    // Reminders are secondary: when they cannot be read the popup works on without them.
    call('ui:listReminders', {}).then((l) => { if (current) setList(l); }, () => { if (current) setList(null); });
    return () => { current = false; };
  }, [version, context]);

  const mark = async (reminder: ReminderView, done: boolean) => {
    try {
      setList(await call('ui:setReminderDone', { id: reminder.id, done }));
      setLast(done ? { reminder, text: reminderText(reminder) } : null);
      setProblem(null);
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };

  if (!list || (list.open.length === 0 && !last)) return null;
  return (
    <section class="note" aria-labelledby="reminders-title" data-testid="reminders" data-count={list.open.length}>
      <h2 id="reminders-title" class="view__title">
        {t('reminder_title', String(list.open.length))}{' '}
        <button type="button" class="button button--small button--quiet" aria-expanded={open} aria-controls="reminders-list" onClick={() => setOpen(!open)}>
          {open ? t('reminder_hide') : t('reminder_show')}
        </button>
      </h2>
      <ul id="reminders-list" style={LIST_STYLE} hidden={!open}>
        {list.open.map((r) => {
          const text = reminderText(r);
          return (
            <li key={r.id} class="warning" data-kind={r.kind} data-id={r.id}>
              {r.kind === 'claim-expired' && <strong class="mark mark--expired">{t('reminder_expired')} </strong>}
              {text}
              {r.employerName && <span class="muted"> · {r.employerName}</span>}{' '}
              <button type="button" class="button button--small" onClick={() => void mark(r, true)}>
                {r.claim ? t('reminder_claimFiled') : t('reminder_done')}<span class="visually-hidden">: {text}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {last && (
        <p role="status" data-testid="reminder-undo">
          {t('reminder_marked', last.text)}{' '}
          <button type="button" class="button button--small button--quiet" onClick={() => void mark(last.reminder, false)}>{t('reminder_undo')}</button>
        </p>
      )}
      {problem && <p class="form__errors" role="alert">{problem}</p>}
    </section>
  );
}

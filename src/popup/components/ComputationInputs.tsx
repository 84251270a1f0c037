/**
 * What the user enters for one absence: a confirmed recurrence, excluded allowances, the
 * valorisation coefficient, weekly hours, the pay the worker would have earned
 * (`currentHourlyPay`), minimum/average wage overrides, the payment date and a special work
 * calendar. Submitting computes again; the inputs are remembered with the computation.
 */
import { useState } from 'preact/hooks';
import { parseDate } from '../../lib/parse/date.ts';
import { t, type MessageKey } from '../../shared/i18n.ts';
import type { ComputationOptions, ComputationView } from '../../shared/protocol/ui.ts';
import { formatNumberInput, parseUserNumber, showDate } from '../format.ts';

export const INPUT_IDS = {
  recurrence: 'input-recurrence',
  excludedAllowances: 'input-excluded-allowances',
  valorisation: 'input-valorisation',
  weeklyHours: 'input-weekly-hours',
  currentHourlyPay: 'input-current-hourly-pay',
  minimumWage: 'input-minimum-wage',
  averageWage: 'input-average-wage',
  paymentDate: 'input-payment-date',
  calendar: 'input-calendar',
} as const;

type NumberField = 'excludedAllowances' | 'valorisation' | 'weeklyHours' | 'currentHourlyPay' | 'minimumWage' | 'averageWage';

const NUMBER_FIELDS: readonly { field: NumberField; label: MessageKey; hint?: MessageKey }[] = [
  { field: 'excludedAllowances', label: 'popup_input_excludedAllowances', hint: 'popup_hint_excludedAllowances' },
  { field: 'valorisation', label: 'popup_input_valorisation' },
  { field: 'weeklyHours', label: 'popup_input_weeklyHours' },
  { field: 'currentHourlyPay', label: 'popup_input_currentHourlyPay', hint: 'popup_hint_currentHourlyPay' },
  { field: 'minimumWage', label: 'popup_input_minimumWage' },
  { field: 'averageWage', label: 'popup_input_averageWage' },
];

/** `2025-05-13 4`, `13.5.2025;4`, `13. 5. 2025 = 6,5` per line → hours per date; throws a message on a bad line. */
export function parseCalendar(text: string): Record<string, number> | null {
  const out: Record<string, number> = {};
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  for (const [i, line] of lines.entries()) {
    const m = /^(.*?)[\s;=:\t]+(\d+(?:[.,]\d+)?)\s*(?:h|ur[ae]?)?$/i.exec(line);
    const hours = m ? parseUserNumber(m[2]!) : null;
    let date: string | null = null;
    try { date = m ? parseDate(m[1]!.trim()) : null; } catch { date = null; }
    if (!m || date === null || hours === null || Number.isNaN(hours) || hours > 24) {
      throw new Error(t('popup_calendarBadLine', String(i + 1), line));
    }
    out[date] = hours;
  }
  return lines.length ? out : null;
}

function calendarText(calendar: Record<string, number> | null | undefined): string {
  return Object.entries(calendar ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)).map(([d, h]) => `${d} ${h}`).join('\n');
}

export function ComputationInputs({ view, onSubmit }: { view: ComputationView; onSubmit: (o: ComputationOptions) => void }) {
  const o = view.options;
  const [values, setValues] = useState<Record<NumberField, string>>(() => ({
    excludedAllowances: formatNumberInput(o.excludedAllowances),
    valorisation: formatNumberInput(o.valorisation),
    weeklyHours: formatNumberInput(o.weeklyHours),
    currentHourlyPay: formatNumberInput(o.currentHourlyPay),
    minimumWage: formatNumberInput(o.minimumWage),
    averageWage: formatNumberInput(o.averageWage),
  }));
  const [recurrence, setRecurrence] = useState(o.recurrence === true);
  const [paymentDate, setPaymentDate] = useState(o.paymentDate ?? '');
  const [calendar, setCalendar] = useState(calendarText(o.calendar));
  const [problems, setProblems] = useState<string[]>([]);

  const submit = (e: Event) => {
    e.preventDefault();
    const errors: string[] = [];
    const next: ComputationOptions = {};
    for (const f of NUMBER_FIELDS) {
      const n = parseUserNumber(values[f.field]);
      if (n === null) continue;
      if (Number.isNaN(n) || n < 0) errors.push(t('popup_inputNotNumber', t(f.label)));
      else next[f.field] = n;
    }
    if (next.weeklyHours !== undefined && (next.weeklyHours! <= 0 || next.weeklyHours! > 60)) errors.push(t('popup_inputWeeklyHoursRange'));
    if (recurrence) next.recurrence = true;
    if (paymentDate) {
      if (/^\d{4}-\d{2}-\d{2}$/.test(paymentDate)) next.paymentDate = paymentDate;
      else errors.push(t('popup_inputBadDate', t('popup_input_paymentDate')));
    }
    try {
      const cal = parseCalendar(calendar);
      if (cal) next.calendar = cal;
    } catch (err) {
      errors.push(err instanceof Error ? err.message : String(err));
    }
    setProblems(errors);
    if (errors.length === 0) onSubmit(next);
  };

  return (
    <section class="inputs" aria-labelledby="inputs-title">
      <h4 id="inputs-title">{t('popup_inputs')}</h4>
      <form onSubmit={submit} noValidate data-testid="computation-inputs">
        {view.previous && (
          <label class="check" for={INPUT_IDS.recurrence}>
            <input id={INPUT_IDS.recurrence} type="checkbox" checked={recurrence} onChange={(e) => setRecurrence(e.currentTarget.checked)} />
            {' '}{t('popup_input_recurrence', showDate(view.previous.from), showDate(view.previous.to), String(view.previous.employerDays))}
          </label>
        )}
        <div class="grid">
          {NUMBER_FIELDS.map((f) => (
            <label key={f.field} class="field" for={INPUT_IDS[f.field]}>
              <span class="field__label">{t(f.label)}</span>
              <input
                id={INPUT_IDS[f.field]}
                type="text"
                inputMode="decimal"
                value={values[f.field]}
                aria-describedby={f.hint ? `${INPUT_IDS[f.field]}-hint` : undefined}
                onInput={(e) => { const v = e.currentTarget.value; setValues((x) => ({ ...x, [f.field]: v })); }}
              />
              {f.hint && <span class="field__hint" id={`${INPUT_IDS[f.field]}-hint`}>{t(f.hint)}</span>}
            </label>
          ))}
          <label class="field" for={INPUT_IDS.paymentDate}>
            <span class="field__label">{t('popup_input_paymentDate')}</span>
            <input id={INPUT_IDS.paymentDate} type="date" value={paymentDate} onInput={(e) => setPaymentDate(e.currentTarget.value)} />
          </label>
        </div>
        <label class="field field--wide" for={INPUT_IDS.calendar}>
          <span class="field__label">{t('popup_input_calendar')}</span>
          <textarea id={INPUT_IDS.calendar} rows={3} value={calendar} aria-describedby={`${INPUT_IDS.calendar}-hint`}
            onInput={(e) => setCalendar(e.currentTarget.value)} />
          <span class="field__hint" id={`${INPUT_IDS.calendar}-hint`}>{t('popup_hint_calendar')}</span>
        </label>
        {problems.length > 0 && <ul class="form__errors" role="alert">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
        <button type="submit" class="button button--primary">{t('popup_recompute')}</button>
      </form>
    </section>
  );
}

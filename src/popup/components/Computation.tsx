/**
 * One computed absence as the engine returned it. Every number on screen is the engine's
 * (`ui:compute` runs `assembleCase` + `computeCase` in the background); this component only
 * formats them. Warnings come with the action that resolves them; the trace is the
 * explanation, each step with its legal reference and a CONVENTION / UNCONFIRMED mark.
 */
import type { EngineWarning } from '../../lib/compensation/index.ts';
import { warningText } from '../../lib/compensation/warnings.ts';
import { todayInLjubljana } from '../../lib/dates.ts';
import { expiryState } from '../../lib/refund.ts';
import { t, userLanguage, type MessageKey } from '../../shared/i18n.ts';
import type { ComputationOptions, ComputationView } from '../../shared/protocol/ui.ts';
import { formatTimestamp } from '../../shared/i18n.ts';
import { DASH, inUserLanguage, showDate, showMoney, showNumber, showPeriod } from '../format.ts';
import { Trace } from './Trace.tsx';
import { payerName, reasonName } from '../labels.ts';
import type { ViewParams } from '../views/types.ts';
import { ComputationInputs, INPUT_IDS } from './ComputationInputs.tsx';
import { DisclosureList, LinkDisclosures } from './Disclosures.tsx';

type Action =
  | { kind: 'recurrence' }
  | { kind: 'focus'; target: string; label: MessageKey }
  | { kind: 'navigate'; view: string; label: MessageKey };

const BASE_DATA: Action = { kind: 'focus', target: 'computation-disclosures', label: 'popup_action_baseData' };

/** What the user can do about each warning code of the engine. */
export const WARNING_ACTIONS: Readonly<Record<string, Action>> = {
  POSSIBLE_RECURRENCE: { kind: 'recurrence' },
  EXCLUDED_ALLOWANCES_EXCEED_BASE: { kind: 'focus', target: INPUT_IDS.excludedAllowances, label: 'popup_action_excludedAllowances' },
  PARAMETER_MISSING: { kind: 'focus', target: INPUT_IDS.minimumWage, label: 'popup_action_parameters' },
  ZZZS_BASE_FROM_EARLIER_YEAR: { kind: 'focus', target: INPUT_IDS.valorisation, label: 'popup_action_valorisation' },
  ZZZS_BASE_FROM_CURRENT_YEAR: BASE_DATA,
  NO_BASE_DATA: BASE_DATA,
  NO_DATA_IN_DISCLOSURE: BASE_DATA,
  EMPLOYER_BASE_MONTHS_MISSING: BASE_DATA,
  BLANK_CELLS: BASE_DATA,
  AMOUNT_WITHOUT_HOURS: BASE_DATA,
  PARENTAL_40_HOURS_2023: { kind: 'focus', target: INPUT_IDS.calendar, label: 'popup_action_calendar' },
  UNKNOWN_REASON: { kind: 'navigate', view: 'certificates', label: 'popup_action_certificates' },
  OVERLAPPING_CERTIFICATES: { kind: 'navigate', view: 'certificates', label: 'popup_action_certificates' },
  NO_CERTIFICATES: { kind: 'navigate', view: 'certificates', label: 'popup_action_certificates' },
};


function focusById(id: string): void {
  const el = document.getElementById(id);
  el?.scrollIntoView?.({ block: 'center' });
  el?.focus();
}

export function Computation({ view, employerTax, onOptions, onRelinked, navigate }: {
  view: ComputationView; employerTax: string; onOptions: (o: ComputationOptions) => void; onRelinked: () => void;
  navigate: (view: string, params?: ViewParams) => void;
}) {
  const r = view.result;
  const warnings: EngineWarning[] = [...r.warningDetails];
  const confirmRecurrence = () => onOptions({ ...view.options, recurrence: true });
  if (view.possibleRecurrence && !view.options.recurrence && !warnings.some((w) => w.code === 'POSSIBLE_RECURRENCE')) {
    // The engine sees one absence at a time; the background found the previous one. Same words as the engine's.
    warnings.unshift({ code: 'POSSIBLE_RECURRENCE', ...warningText('POSSIBLE_RECURRENCE') });
  }
  const today = todayInLjubljana();

  return (
    <article class="computation" data-testid="computation" aria-labelledby="computation-title">
      <header class="computation__head">
        <h3 id="computation-title">{view.worker.name} · {showPeriod(view.absence.from, view.absence.to)}</h3>
        <p class="muted">
          {t('popup_absenceCertificates', view.absence.certificates.map((c) => `${c.number} (${reasonName(c.reason)}, ${showPeriod(c.from, c.to)})`).join('; '))}
          {' · '}{t('popup_computedAt', formatTimestamp(view.computedAt))}
        </p>
      </header>

      {warnings.length > 0 && (
        <section class="warnings" aria-labelledby="warnings-title" data-testid="warnings">
          <h4 id="warnings-title">{t('popup_warnings')}</h4>
          <ul>
            {warnings.map((w, i) => {
              const action = WARNING_ACTIONS[w.code];
              return (
                <li key={`${w.code}:${i}`} class="warning" data-code={w.code}>
                  <span class="warning__text">{inUserLanguage(w)}</span>
                  {w.code === 'POSSIBLE_RECURRENCE' && view.previous && (
                    <span class="warning__detail">
                      {' '}{t('popup_previousAbsence', showPeriod(view.previous.from, view.previous.to), String(view.previous.employerDays), String(view.previous.breakWorkingDays))}
                    </span>
                  )}
                  {action?.kind === 'recurrence' && view.previous && (
                    <button type="button" class="button button--small" onClick={confirmRecurrence}>{t('popup_action_recurrence')}</button>
                  )}
                  {action?.kind === 'focus' && (
                    <button type="button" class="button button--small" onClick={() => focusById(action.target)}>{t(action.label)}</button>
                  )}
                  {action?.kind === 'navigate' && (
                    <button type="button" class="button button--small" onClick={() => navigate(action.view)}>{t(action.label)}</button>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {view.options.recurrence && view.inputs.previousEmployerDays !== null && (
        <p class="note" data-testid="recurrence-confirmed">
          {t('popup_recurrenceConfirmed', String(view.inputs.previousEmployerDays))}{' '}
          <button type="button" class="button button--small" onClick={() => onOptions({ ...view.options, recurrence: false })}>
            {t('popup_recurrenceUndo')}
          </button>
        </p>
      )}

      <table class="table table--numbers" data-testid="segments-table">
        <caption>{t('popup_segmentsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('popup_col_certificate')}</th>
            <th scope="col">{t('popup_col_from')}</th>
            <th scope="col">{t('popup_col_to')}</th>
            <th scope="col">{t('popup_col_payer')}</th>
            <th scope="col" class="num">{t('popup_col_days')}</th>
            <th scope="col" class="num">{t('popup_col_hours')}</th>
            <th scope="col" class="num">{t('popup_col_hourlyBase')}</th>
            <th scope="col" class="num">{t('popup_col_percentage')}</th>
            <th scope="col" class="num">{t('popup_col_amount')}</th>
          </tr>
        </thead>
        <tbody>
          {r.segments.map((s, i) => (
            <tr key={i} data-payer={s.payer}>
              <td data-field="certificate">{s.certificate}</td>
              <td data-field="from">{showDate(s.from)}</td>
              <td data-field="to">{showDate(s.to)}</td>
              <td data-field="payer">{payerName(s.payer)}</td>
              <td class="num" data-field="workingDays">{showNumber(s.workingDays)}</td>
              <td class="num" data-field="hours">{showNumber(s.hours)}</td>
              <td class="num" data-field="hourlyBase">{showMoney(s.hourlyBase)}</td>
              <td class="num" data-field="percentage">{showNumber(s.percentage)}</td>
              <td class="num" data-field="amount">
                {showMoney(s.amount)}
                {s.limitApplied && <span class="mark" title={t(`popup_limit_${s.limitApplied}`)}> *</span>}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={8}>{t('popup_totalEmployer')}</th>
            <td class="num" data-field="totalEmployer">{showMoney(r.totals.employer)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={8}>{t('popup_totalZzzs')}</th>
            <td class="num" data-field="totalZzzs">{showMoney(r.totals.zzzs)}</td>
          </tr>
        </tfoot>
      </table>
      {r.segments.some((s) => s.limitApplied) && (
        <ul class="muted notes">
          {[...new Set(r.segments.map((s) => s.limitApplied).filter((x) => x !== null))].map((l) => (
            <li key={l}>* {t(`popup_limit_${l}`)}</li>
          ))}
        </ul>
      )}

      <section aria-labelledby="claim-title" class="claim">
        <h4 id="claim-title">{t('popup_claimLines')}</h4>
        {view.claim.lines.length === 0
          ? <p>{t('popup_noClaimLines')}</p>
          : (
            <ul data-testid="claim-lines">
              {view.claim.lines.map((l, i) => {
                const state = expiryState(l, today);
                return (
                  <li key={i} data-state={state}>
                    {l.certificate} · {showPeriod(l.from, l.to)} · {showMoney(l.amount)} EUR · {t('popup_expiresOn', showDate(l.expiresOn))}
                    {state !== 'open' && <strong class={`mark mark--${state}`}> {t(`popup_expiry_${state}`)}</strong>}
                    {!l.complete && <strong class="mark mark--expired"> {t('popup_claimIncomplete')}</strong>}
                  </li>
                );
              })}
            </ul>
          )}
      </section>

      <ComputationInputs view={view} onSubmit={onOptions} />

      <section aria-labelledby="computation-disclosures" class="bases">
        <h4 id="computation-disclosures" tabIndex={-1}>{t('popup_baseData')}</h4>
        <DisclosureList items={view.disclosures} />
        <LinkDisclosures employerTax={employerTax} workerId={view.worker.id} onLinked={onRelinked} />
        <p class="muted">
          {t('popup_inputsUsed', String(view.inputs.employerDaysUsedThisYear),
            view.inputs.minimumWage === null ? DASH : showMoney(view.inputs.minimumWage),
            view.inputs.averageWage === null ? DASH : showMoney(view.inputs.averageWage))}
        </p>
      </section>

      <Trace steps={r.trace} />
    </article>
  );
}


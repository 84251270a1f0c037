/**
 * The helper's prefill section on SPOT's refund and A1 forms: choose a stored claim or
 * posting, review every value, fill — or cancel. Scraped and stored text is rendered by Preact
 * (escaped). When the step changes, focus moves to the step's heading, so keyboard and screen
 * reader users follow along.
 */
import { Component, createRef } from 'preact';
import { eur, formatDate } from '../../lib/format.ts';
import { t, userLanguage } from '../../shared/i18n.ts';
import type { PrefillActions, PrefillState, ReviewGroup } from './state.ts';

const NO_ACTIONS: PrefillActions = {
  start: () => undefined, choose: () => undefined, setPaymentDate: () => undefined,
  confirm: () => undefined, cancel: () => undefined, clearHighlights: () => undefined,
};

interface PrefillProps { form: 'refundForm' | 'a1Form'; state: PrefillState; actions?: PrefillActions | undefined }

/** A class component (Preact's core only: the content script's size budget, issue 8). */
export class PrefillSection extends Component<PrefillProps> {
  private readonly heading = createRef<HTMLHeadingElement>();

  /** Not on the first render (the page just loaded): only when the user moved to another step. */
  override componentDidUpdate(previous: PrefillProps): void {
    if (previous.state.step !== this.props.state.step) this.heading.current?.focus();
  }

  override render({ form, state, actions = NO_ACTIONS }: PrefillProps) {
  const heading = this.heading;
  const lang = userLanguage();
  const title = form === 'refundForm' ? t('prefill_title_refund') : t('prefill_title_a1');
  return (
    <section class="panel__prefill" aria-labelledby="spot-pomocnik-prefill" data-testid="prefill" data-step={state.step} data-form={form}>
      <h3 class="panel__subtitle" id="spot-pomocnik-prefill" ref={heading} tabIndex={-1}>{title}</h3>
      {state.step === 'idle' && (
        <>
          <p class="panel__line panel__hint">{form === 'refundForm' ? t('prefill_intro_refund') : t('prefill_intro_a1')}</p>
          <button type="button" class="panel__button" data-testid="prefill-start" onClick={() => actions.start()}>
            {form === 'refundForm' ? t('prefill_start_refund') : t('prefill_start_a1')}
          </button>
        </>
      )}
      {state.step === 'loading' && <p class="panel__line" role="status">{t('prefill_loading')}</p>}
      {state.step === 'message' && (
        <>
          <p class={`panel__line${state.error ? ' panel__line--error' : ''}`} role={state.error ? 'alert' : 'status'} data-testid="prefill-message">{state.text}</p>
          <button type="button" class="panel__link" onClick={() => actions.start()}>{t('prefill_retry')}</button>
        </>
      )}
      {state.step === 'chooseClaim' && (
        <>
          <p class="panel__line" data-testid="prefill-filter" data-filter={state.filter}>
            {state.filter === 'matched' ? t('prefill_claims_matched', state.certificate ?? '')
              : state.filter === 'notMatched' ? t('prefill_claims_notMatched', state.certificate ?? '')
                : t('prefill_claims_all', state.employer?.name ?? '')}
          </p>
          <ul class="panel__choices" aria-label={t('prefill_choose_claim')}>
            {state.claims.map((c, i) => {
              const from = c.lines[0]?.from, to = c.lines.at(-1)?.to;
              return (
                <li key={`${c.key}-${i}`}>
                  <button type="button" class="panel__choice" data-testid="prefill-choice" data-key={c.key} onClick={() => actions.choose(i)}>
                    <strong>{c.worker.name ?? '—'}</strong>
                    <span>{c.lines.map((l) => l.certificate).filter((n, j, all) => all.indexOf(n) === j).join(', ')}</span>
                    <span>{from && to ? `${formatDate(from, lang)} – ${formatDate(to, lang)}` : ''}</span>
                    <span>{t('prefill_claim_summary', String(c.lines.length), eur(c.total, lang))}</span>
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" class="panel__link" onClick={() => actions.cancel()}>{t('panel_cancel')}</button>
        </>
      )}
      {state.step === 'choosePosting' && (
        <>
          <p class="panel__line">{t('prefill_postings_intro', state.employer.name)}</p>
          <ul class="panel__choices" aria-label={t('prefill_choose_posting')}>
            {state.postings.map((v, i) => {
              const issues = state.issueTexts[i] ?? [];
              return (
                <li key={v.id}>
                  <button type="button" class="panel__choice" data-testid="prefill-choice" data-id={v.id} data-issues={issues.length}
                    aria-describedby={issues.length ? `spot-pomocnik-issues-${v.id}` : undefined} onClick={() => actions.choose(i)}>
                    <strong>{`${v.posting.person.surname} ${v.posting.person.name}`}</strong>
                    <span>{`${v.countryName}, ${formatDate(v.posting.start, lang)} – ${formatDate(v.posting.end, lang)}`}</span>
                    {v.filedOn && <span>{t('prefill_posting_filed', formatDate(v.filedOn, lang))}</span>}
                    {!v.filedOn && issues.length === 0 && <span class="panel__ok">{t('prefill_posting_ready')}</span>}
                  </button>
                  {issues.length > 0 && (
                    <ul class="panel__issues" id={`spot-pomocnik-issues-${v.id}`}>
                      {issues.map((text) => <li key={text}>{text}</li>)}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
          <button type="button" class="panel__link" onClick={() => actions.cancel()}>{t('panel_cancel')}</button>
        </>
      )}
      {state.step === 'review' && <Review state={state} actions={actions} />}
      {state.step === 'filling' && <p class="panel__line" role="status">{t('prefill_filling')}</p>}
      {state.step === 'done' && (
        <>
          <p class="panel__line" role="status" data-testid="prefill-done" data-filled={state.filled} data-missing={state.missing.length}
            data-failed={state.failed.length} data-lines-added={state.linesAdded}>
            {t('prefill_done', String(state.filled))}
            {state.linesAdded > 0 && ` ${t('prefill_done_lines', String(state.linesAdded))}`}
          </p>
          <p class="panel__line panel__lead">{t('prefill_notSubmitted')}</p>
          {state.submitBlocked && <p class="panel__line panel__line--warn">{t('prefill_submitBlocked')}</p>}
          {state.missing.length > 0 && (
            <div class="panel__problems" data-testid="prefill-missing">
              <p class="panel__line panel__line--warn">{t('prefill_missing')}</p>
              <ul>{state.missing.map((m) => <li key={m}>{m}</li>)}</ul>
            </div>
          )}
          {state.failed.length > 0 && (
            <div class="panel__problems" data-testid="prefill-failed">
              <p class="panel__line panel__line--warn">{t('prefill_failed')}</p>
              <ul>{state.failed.map((m) => <li key={m}>{m}</li>)}</ul>
            </div>
          )}
          <div class="panel__form">
            {state.highlighted > 0 && (
              <button type="button" class="panel__link" onClick={() => actions.clearHighlights()}>{t('prefill_clearHighlights')}</button>
            )}
            <button type="button" class="panel__link" onClick={() => actions.start()}>{t('prefill_again')}</button>
          </div>
        </>
      )}
    </section>
  );
  }
}

function Review({ state, actions }: { state: Extract<PrefillState, { step: 'review' }>; actions: PrefillActions }) {
  const badDate = state.form === 'refund' && !/^\d{4}-\d{2}-\d{2}$/.test(state.paymentDate ?? '');
  return (
    <div data-testid="prefill-review">
      <p class="panel__line">{t('prefill_review_intro', state.subject)}</p>
      {state.form === 'refund' && (
        <label class="panel__field">
          <span>{t('prefill_paymentDate')}</span>
          <input type="date" name="paymentDate" value={state.paymentDate ?? ''} required aria-invalid={badDate ? true : undefined}
            aria-describedby={badDate ? 'spot-pomocnik-date-error' : undefined}
            onChange={(e) => actions.setPaymentDate((e.currentTarget as HTMLInputElement).value)} />
        </label>
      )}
      {badDate && <p class="panel__line panel__line--error" id="spot-pomocnik-date-error" role="alert">{t('prefill_paymentDate_needed')}</p>}
      {state.warnings.length > 0 && (
        <ul class="panel__issues" data-testid="prefill-warnings">
          {state.warnings.map((w) => <li key={w}>{w}</li>)}
        </ul>
      )}
      {state.groups.map((g) => <ReviewTable key={`${g.title}-${g.line ?? ''}`} group={g} />)}
      <div class="panel__form">
        <button type="button" class="panel__button" data-testid="prefill-confirm" disabled={badDate} onClick={() => actions.confirm()}>{t('prefill_confirm')}</button>
        <button type="button" class="panel__link" onClick={() => actions.cancel()}>{t('panel_cancel')}</button>
      </div>
      <p class="panel__line panel__hint">{t('prefill_neverSubmits')}</p>
    </div>
  );
}

function ReviewTable({ group }: { group: ReviewGroup }) {
  return (
    <table class="panel__review" data-line={group.line ?? ''}>
      <caption>{group.title}</caption>
      <tbody>
        {group.rows.map((r) => (
          <tr key={r.field} data-field={r.field}>
            <th scope="row">{r.label}</th>
            <td>{r.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

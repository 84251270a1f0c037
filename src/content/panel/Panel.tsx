/**
 * The in-page helper: what the extension read from this SPOT page and what it stored. Lives in
 * a shadow root (mount.tsx). Everything scraped is rendered as text by Preact (escaped).
 */
import { Component, createRef } from 'preact';
import { validateTaxNumber } from '../../lib/identifiers.ts';
import { eur, formatDate, formatNumber } from '../../lib/format.ts';
import { formatTimestamp, t, userLanguage, type MessageKey } from '../../shared/i18n.ts';
import type { DisclosureOutcome, StoreCertificatesResponse } from '../../shared/protocol/spot.ts';
import type { Counts, DownloadView, PanelActions, PanelModel, SeenState } from './model.ts';
import { counted } from './plural.ts';
import { PrefillSection } from '../forms/PrefillSection.tsx';

const NO_ACTIONS: PanelActions = {
  chooseEmployer: () => undefined,
  changeEmployer: () => undefined,
  cancelEmployerChoice: () => undefined,
  copyDiagnostics: async () => false,
};

interface PanelProps { model: PanelModel; actions?: PanelActions; css: string }

/**
 * Class components, not hooks: the content script is loaded on every SPOT page and keeps to
 * Preact's core (issue 8: its size budget).
 */
export class Panel extends Component<PanelProps, { open: boolean }> {
  override state = { open: true };

  override render({ model, actions = NO_ACTIONS, css }: PanelProps, { open }: { open: boolean }) {
    const setOpen = (value: boolean) => this.setState({ open: value });
    return (
    <>
      <style>{css}</style>
      <section class={`panel${isForm(model.page) && model.prefill.step !== 'idle' ? ' panel--wide' : ''}`} aria-labelledby="spot-pomocnik-title" data-state={model.seen.kind} data-page={model.page ?? ''}>
        <div class="panel__header">
          <h2 class="panel__title" id="spot-pomocnik-title">
            {t('extName')}
          </h2>
          <button
            type="button"
            class="panel__toggle"
            aria-expanded={open}
            aria-controls="spot-pomocnik-body"
            onClick={() => setOpen(!open)}
          >
            {open ? t('panelCollapse') : t('panelExpand')}
          </button>
        </div>
        <div class="panel__body" id="spot-pomocnik-body" hidden={!open}>
          <PageLine model={model} />
          <EmployerSection model={model} actions={actions} />
          <Reading model={model} />
          {isForm(model.page) && <PrefillSection form={model.page} state={model.prefill} actions={actions.prefill} />}
          <Downloads downloads={model.downloads} />
          {model.diagnostics && <Diagnostics diagnostics={model.diagnostics} actions={actions} />}
          {model.error && (
            <p class="panel__line panel__line--error" role="alert" data-testid="panel-error">
              {model.error}
            </p>
          )}
          <Seen seen={model.seen} compact={model.page === 'ebolList' || model.page === 'disclosureList' || model.page === 'unrecognised' || isForm(model.page)} />
        </div>
      </section>
    </>
    );
  }
}

const isForm = (page: PanelModel['page']): page is 'refundForm' | 'a1Form' => page === 'refundForm' || page === 'a1Form';

function PageLine({ model }: { model: PanelModel }) {
  if (model.page === 'ebolList') return <p class="panel__line panel__lead">{t('panel_page_ebolList')}</p>;
  if (model.page === 'disclosureList') return <p class="panel__line panel__lead">{t('panel_page_disclosureList')}</p>;
  return null;
}

// ---- employer ----

function EmployerSection({ model, actions }: { model: PanelModel; actions: PanelActions }) {
  if (model.employerPrompt) return <EmployerPrompt prompt={model.employerPrompt} hasCurrent={model.employer !== null} actions={actions} />;
  if (!model.employer || (model.page !== 'ebolList' && model.page !== 'disclosureList' && model.downloads.length === 0)) return null;
  const e = model.employer;
  return (
    <p class="panel__line" data-testid="panel-employer" data-tax={e.taxNumber}>
      {t('panel_employer_line', e.name ? `${e.name} (${e.taxNumber})` : e.taxNumber)}
      {!e.fromPage && (
        <>
          {' '}
          <button type="button" class="panel__link" onClick={() => actions.changeEmployer()}>
            {t('panel_employer_change')}
          </button>
        </>
      )}
    </p>
  );
}

interface PromptProps { prompt: NonNullable<PanelModel['employerPrompt']>; hasCurrent: boolean; actions: PanelActions }
interface PromptState { selected: string; tax: string; name: string; problem: string | null }

class EmployerPrompt extends Component<PromptProps, PromptState> {
  constructor(props: PromptProps) {
    super(props);
    this.state = { selected: props.prompt.employers[0]?.taxNumber ?? '', tax: '', name: '', problem: null };
  }

  override render({ prompt, hasCurrent, actions }: PromptProps, { selected, tax, name, problem }: PromptState) {
  const setSelected = (v: string) => this.setState({ selected: v });
  const setTax = (v: string) => this.setState({ tax: v });
  const setName = (v: string) => this.setState({ name: v });
  const setProblem = (v: string | null) => this.setState({ problem: v });
  const submitNew = (e: Event) => {
    e.preventDefault();
    const value = tax.replace(/\s/g, '').replace(/^SI/i, '');
    const check = validateTaxNumber(value);
    if (!check.ok) {
      setProblem(t('panel_employer_invalid', check.message));
      return;
    }
    setProblem(null);
    actions.chooseEmployer(value, name.trim() || null);
  };
  const error = problem ?? prompt.error;
  return (
    <div class="panel__prompt" role="group" aria-labelledby="spot-pomocnik-employer" data-testid="panel-employer-prompt">
      <p class="panel__line" id="spot-pomocnik-employer">
        <strong>{t('panel_employer_prompt')}</strong>
      </p>
      {prompt.employers.length > 0 && (
        <form
          class="panel__form"
          onSubmit={(e) => {
            e.preventDefault();
            const chosen = prompt.employers.find((x) => x.taxNumber === selected);
            if (chosen) actions.chooseEmployer(chosen.taxNumber, chosen.name);
          }}
        >
          <label class="panel__field">
            <span>{t('panel_employer_stored')}</span>
            <select value={selected} onChange={(e) => setSelected((e.currentTarget as HTMLSelectElement).value)}>
              {prompt.employers.map((x) => (
                <option key={x.taxNumber} value={x.taxNumber}>
                  {x.name && x.name !== x.taxNumber ? `${x.name} (${x.taxNumber})` : x.taxNumber}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" class="panel__button">
            {t('panel_employer_use')}
          </button>
        </form>
      )}
      <form class="panel__form" onSubmit={submitNew} noValidate>
        <label class="panel__field">
          <span>{t('panel_employer_tax')}</span>
          <input
            name="taxNumber"
            inputMode="numeric"
            autoComplete="off"
            maxLength={12}
            value={tax}
            aria-invalid={problem ? true : undefined}
            aria-describedby={error ? 'spot-pomocnik-employer-error' : undefined}
            onInput={(e) => setTax((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label class="panel__field">
          <span>{t('panel_employer_name')}</span>
          <input name="name" autoComplete="organization" maxLength={200} value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <button type="submit" class="panel__button">
          {t('panel_employer_save')}
        </button>
        {hasCurrent && (
          <button type="button" class="panel__link" onClick={() => actions.cancelEmployerChoice()}>
            {t('panel_cancel')}
          </button>
        )}
      </form>
      {error && (
        <p class="panel__line panel__line--error" id="spot-pomocnik-employer-error" role="alert">
          {error}
        </p>
      )}
      <p class="panel__line panel__hint">{t('panel_employer_waiting')}</p>
    </div>
  );
  }
}

// ---- certificates read from the list ----

export function countsText(c: Counts): string {
  const parts: string[] = [];
  if (c.added) parts.push(counted('panel_count_added', c.added));
  if (c.updated) parts.push(counted('panel_count_updated', c.updated));
  if (c.cancelled) parts.push(counted('panel_count_cancelled', c.cancelled));
  if (c.unchanged) parts.push(counted('panel_count_unchanged', c.unchanged));
  return parts.length ? t('panel_summary', parts.join(', ')) : t('panel_summary_none');
}

function Reading({ model }: { model: PanelModel }) {
  if (model.page !== 'ebolList') return null;
  const c = model.counts;
  return (
    <>
      {c && (
        <p
          class="panel__line"
          role="status"
          data-testid="panel-summary"
          data-added={c.added}
          data-updated={c.updated}
          data-cancelled={c.cancelled}
          data-unchanged={c.unchanged}
        >
          {countsText(c)}
        </p>
      )}
      {model.empty && <p class="panel__line" data-testid="panel-empty">{t('panel_empty')}</p>}
      {model.problems.length > 0 && (
        <div class="panel__problems" data-testid="panel-problems">
          <p class="panel__line panel__line--warn">{t('panel_problems_title')}</p>
          <ul>
            {model.problems.map((p) => (
              <li key={`${p.row}-${p.number ?? ''}`}>{t('panel_problem_row', String(p.row), p.number ?? '—', p.reason)}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

// ---- downloads ----

function Downloads({ downloads }: { downloads: DownloadView[] }) {
  if (downloads.length === 0) return null;
  return (
    <ul class="panel__downloads" aria-label={t('panel_downloads')}>
      {downloads.map((d) => (
        <li key={d.id} class="panel__download" data-testid="panel-download" data-kind={d.kind}>
          <DownloadItem d={d} />
        </li>
      ))}
    </ul>
  );
}

function DownloadItem({ d }: { d: DownloadView }) {
  switch (d.kind) {
    case 'pending':
      return <p class="panel__line" role="status">{t('panel_download_pending', d.fileLabel)}</p>;
    case 'failed':
      return <p class="panel__line panel__line--error" role="alert">{t('panel_download_failed', d.fileLabel, d.reason)}</p>;
    case 'certificates':
      return <CertificatesDownload numbers={d.numbers} result={d.result} />;
    case 'disclosure':
      return <DisclosureDownload outcome={d.outcome} />;
  }
}

function CertificatesDownload({ numbers, result }: { numbers: string[]; result: StoreCertificatesResponse }) {
  const word = (n: string): MessageKey =>
    result.added.includes(n) ? 'panel_xml_added' : result.cancelled.includes(n) ? 'panel_xml_cancelled'
      : result.updated.includes(n) ? 'panel_xml_updated' : 'panel_xml_unchanged';
  return (
    <p class="panel__line" role="status">
      {numbers.map((n) => t('panel_xml_stored', n, t(word(n)))).join(' ')}
    </p>
  );
}

function DisclosureDownload({ outcome: o }: { outcome: DisclosureOutcome }) {
  const lang = userLanguage();
  const statusKey: MessageKey = o.status === 'new' ? 'panel_disclosure_new' : o.status === 'same' ? 'panel_disclosure_same' : 'panel_disclosure_newVersion';
  const who = [o.certificateNumber ? t('panel_disclosure_certificate', o.certificateNumber) : null, o.workerName].filter(Boolean).join(', ');
  const z = o.zzzsBase;
  return (
    <div data-testid="panel-disclosure" data-query={o.queryNumber} data-hourly={z ? String(z.hourly) : ''}>
      <p class="panel__line" role="status">
        {t(statusKey, o.queryNumber || '—')}
        {who && ` (${who})`}
      </p>
      {z ? (
        <p class="panel__line panel__base" data-testid="panel-base">
          {t('panel_base_zzzs', eur(z.hourly, lang), z.year === null ? '—' : String(z.year), String(z.months))}
        </p>
      ) : (
        <>
          <p class="panel__line panel__hint" data-testid="panel-no-base" data-reason={o.noBaseReason ?? ''}>
            {t(`panel_base_none_${o.noBaseReason ?? 'noData'}` as MessageKey, o.certificateNumber ?? '—')}
          </p>
          <ul class="panel__totals" data-testid="panel-totals">
            {o.sections.map((s, i) => (
              <li key={i}>
                {s.noData
                  ? t('panel_section_nodata', period(s.from, s.to, lang))
                  : t('panel_section_totals', period(s.from, s.to, lang), payerWord(s.payer), eur(s.amount, lang), formatNumber(s.hours, null, lang))}
              </li>
            ))}
          </ul>
        </>
      )}
      {o.warningTexts.length > 0 && (
        <div class="panel__warnings" data-testid="panel-warnings">
          <p class="panel__line panel__line--warn">{t('panel_warnings')}</p>
          <ul>
            {o.warningTexts.map((w) => (
              <li key={w.code} data-code={w.code}>
                {w[lang]}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function period(from: string | null, to: string | null, lang: 'sl' | 'en'): string {
  return `${from ? formatDate(from, lang) : '…'} – ${to ? formatDate(to, lang) : '…'}`;
}

function payerWord(p: 'zzzs' | 'employer' | null): string {
  return p === 'zzzs' ? t('panel_payer_zzzs') : p === 'employer' ? t('panel_payer_employer') : t('panel_payer_unknown');
}

// ---- diagnostics ----

interface DiagnosticsProps { diagnostics: NonNullable<PanelModel['diagnostics']>; actions: PanelActions }

class Diagnostics extends Component<DiagnosticsProps, { copied: 'yes' | 'manual' | null }> {
  override state: { copied: 'yes' | 'manual' | null } = { copied: null };
  private readonly area = createRef<HTMLTextAreaElement>();

  override render({ diagnostics, actions }: DiagnosticsProps, { copied }: { copied: 'yes' | 'manual' | null }) {
  const d = diagnostics.data;
  const area = this.area;
  const setCopied = (v: 'yes' | 'manual') => this.setState({ copied: v });
  const list = (items: readonly string[]) => (items.length ? items.map((s) => `»${s}«`).join(', ') : '—');
  return (
    <div class="panel__diagnostics" role="alert" data-testid="panel-diagnostics" data-expected={d.expectedPage}>
      <p class="panel__line panel__line--warn">
        <strong>{t('panel_diag_title')}</strong>
      </p>
      <p class="panel__line">{t('panel_diag_text', t(d.expectedPage === 'ebolList' ? 'panel_diag_page_ebolList' : 'panel_diag_page_disclosureList'))}</p>
      <p class="panel__line" data-testid="panel-diag-found">{t('panel_diag_found', list(d.foundLabels))}</p>
      <p class="panel__line">{t('panel_diag_expected', list(d.expectedLabels))}</p>
      <p class="panel__line">{t('panel_diag_missing', list(d.missingLabels))}</p>
      <label class="panel__field">
        <span>{t('panel_diag_label')}</span>
        <textarea ref={area} readOnly rows={4} value={diagnostics.text} data-testid="panel-diag-text" />
      </label>
      <button
        type="button"
        class="panel__button"
        onClick={async () => {
          const ok = await actions.copyDiagnostics(diagnostics.text);
          if (!ok) area.current?.select();
          setCopied(ok ? 'yes' : 'manual');
        }}
      >
        {t('panel_diag_copy')}
      </button>
      {copied && (
        <p class="panel__line" role="status">
          {t(copied === 'yes' ? 'panel_diag_copied' : 'panel_diag_copy_manual')}
        </p>
      )}
      <p class="panel__line panel__hint">{t('panel_diag_note')}</p>
    </div>
  );
  }
}

// ---- the smoke path: the page seen ----

/** On pages we read, the page record is folded away: the panel must not hide SPOT's table. */
function Seen({ seen, compact }: { seen: SeenState; compact: boolean }) {
  switch (seen.kind) {
    case 'saving':
      return <p class="panel__message">{t('panelSaving')}</p>;
    case 'failed':
      return <p class="panel__message panel__message--error">{t('panelFailed', seen.reason)}</p>;
    case 'stored':
      return (
        <details class="panel__seen" open={!compact}>
          <summary>
            <span class="panel__message">{t('panelSeenStored')}</span>
          </summary>
          <dl class="panel__record" data-testid="panel-record">
            <dt>{t('labelPageTitle')}</dt>
            <dd data-field="title">{seen.record.title}</dd>
            {seen.record.heading && (
              <>
                <dt>{t('labelHeading')}</dt>
                <dd data-field="heading">{seen.record.heading}</dd>
              </>
            )}
            <dt>{t('labelStoredAt')}</dt>
            <dd data-field="seenAt">
              <time dateTime={seen.record.seenAt}>{formatTimestamp(seen.record.seenAt)}</time>
            </dd>
          </dl>
        </details>
      );
  }
}

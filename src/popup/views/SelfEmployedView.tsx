/**
 * Samozaposleni: a sole trader (s.p.) receives eBOL certificates about themself, files the
 * monthly OPSVZ return by the 15th and pays FURS's collective e-invoice by the 20th.
 *
 * For a person (a worker of the selected employer; for an s.p. usually the only one) and a
 * month (default: the previous one) the view shows the OPSVZ fields the certificates
 * determine — 090, 110, 130, 140 (RULES §10), computed here with `opsvzFields` — with the
 * explanation, keeps what the user enters (120, 150, 160, the insurance base, long-term care)
 * per person and month, exports all of it as CSV, and checks FURS's e-invoice against the
 * contributions expected for the month. The invoice part works without any person too (an
 * s.p. who was never ill has no certificates): then with the month's minimum base.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { warningText } from '../../lib/compensation/warnings.ts';
import { expectedContributions, type ExpectedContributions } from '../../lib/contributions.ts';
import type { CsvDialect } from '../../lib/csv.ts';
import { addMonths, firstOfMonth, lastOfMonth, monthOf, todayInLjubljana, type IsoMonth } from '../../lib/dates.ts';
import { eur } from '../../lib/format.ts';
import { parseMonth } from '../../lib/parse/date.ts';
import { CONTRIBUTION_RATES } from '../../lib/rules/contributions.ts';
import { reasonOf } from '../../lib/rules/reasons.ts';
import { t, userLanguage, type MessageKey } from '../../shared/i18n.ts';
import type { SelfEmployedInputs, SelfEmployedMonth } from '../../shared/protocol/selfEmployed.ts';
import '../../shared/protocol/selfEmployed.ts';
import type { EmployerSummary } from '../../shared/protocol/ui.ts';
import { call, downloadText } from '../api.ts';
import { InvoicePanel } from '../components/InvoicePanel.tsx';
import { Empty, LoadState } from '../components/LoadState.tsx';
import { useAsync } from '../components/useAsync.ts';
import { useDebounced } from '../components/useDebounced.ts';
import { errorMessage, formatNumberInput, inUserLanguage, parseUserNumber, showDate, showNumber } from '../format.ts';
import { Trace } from '../components/Trace.tsx';
import { computeOpsvz, opsvzCsv, opsvzExportRows, type OpsvzResult } from './SelfEmployedModel.ts';
import type { ViewProps } from './types.ts';

/** People listed in the chooser at once; a search box appears when there are more. */
const WORKER_PAGE = 100;


/** Whether long-term care is due in the month at all (from July 2025). */
function monthHasLongTermCare(month: IsoMonth): boolean {
  const from = firstOfMonth(month);
  return CONTRIBUTION_RATES.DO.some((r) => r.from <= from && (r.to === undefined || from <= r.to));
}

type Contributions = { value: ExpectedContributions; error: null } | { value: null; error: string };

function contributionsFor(month: IsoMonth, inputs: SelfEmployedInputs): Contributions {
  try {
    return {
      value: expectedContributions({
        month,
        ...(typeof inputs.base === 'number' ? { base: inputs.base } : {}),
        ...(typeof inputs.longTermCare === 'boolean' ? { longTermCare: inputs.longTermCare } : {}),
      }),
      error: null,
    };
  } catch {
    return { value: null, error: t('se_contributionsUnavailable', month) };
  }
}

export function SelfEmployedView({ context, employer, params, refresh, version }: ViewProps) {
  const today = todayInLjubljana();
  const inPopup = globalThis.document?.documentElement.dataset.mode !== 'tab';
  const employerTax = employer?.taxNumber ?? null;
  const [month, setMonth] = useState<IsoMonth>(() => addMonths(monthOf(today), -1));
  const [picked, setPicked] = useState<{ employerTax: string; workerId: string } | null>(
    employerTax && params.workerId ? { employerTax, workerId: params.workerId } : null,
  );
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const [dialect, setDialect] = useState<CsvDialect>(context.settings.exportDialect);
  const chooseDialect = async (d: CsvDialect) => {
    setDialect(d);
    try { await call('ui:saveSettings', { exportDialect: d }); await refresh(); } catch { /* the choice still applies to this export */ }
  };

  const [workers, reloadWorkers] = useAsync(
    () => (employerTax
      ? call('ui:listWorkers', { employerTax, offset: 0, limit: WORKER_PAGE, ...(query ? { search: query } : {}) })
      : Promise.resolve(null)),
    [employerTax, query, version],
  );
  const firstWorker = workers.state === 'data' ? (workers.data?.rows[0]?.id ?? null) : null;
  const workerId = picked && picked.employerTax === employerTax ? picked.workerId : firstWorker;

  const [monthData, reloadMonth] = useAsync(
    () => (employerTax && workerId ? call('ui:selfEmployedMonth', { employerTax, workerId, month }) : Promise.resolve(null)),
    [employerTax, workerId, month, version],
  );
  const loaded = monthData.state === 'data' ? monthData.data : null;

  // What the user entered for this person and month (or, without a person, for this visit only).
  const [inputs, setInputs] = useState<SelfEmployedInputs>({});
  const [save, setSave] = useState<{ state: 'idle' | 'saving' | 'saved' } | { state: 'error'; message: string }>({ state: 'idle' });
  useEffect(() => {
    if (monthData.state === 'loading') return;
    setInputs(loaded?.inputs ?? {});
    setSave({ state: 'idle' });
  }, [monthData]);
  const saveInputs = async (next: SelfEmployedInputs) => {
    setInputs(next);
    if (!employerTax || !loaded) return;
    setSave({ state: 'saving' });
    try {
      setInputs(await call('ui:saveSelfEmployedInputs', { employerTax, workerId: loaded.worker.id, month, inputs: next }));
      setSave({ state: 'saved' });
    } catch (e) {
      setSave({ state: 'error', message: errorMessage(e) });
    }
  };

  const contributions = useMemo(() => contributionsFor(month, inputs), [month, inputs.base, inputs.longTermCare]);

  return (
    <div class="self-employed">
      <h2 class="view__title">{t('se_view')}</h2>
      <p class="muted">{t('se_intro')}</p>

      <div class="grid">
        <MonthField month={month} onMonth={setMonth} />
        {employerTax && workers.state === 'data' && workers.data && (workers.data.rows.length > 0 || query) && (
          <PersonField
            rows={workers.data.rows}
            hasMore={workers.data.hasMore || query !== ''}
            selected={workerId}
            selectedName={loaded?.worker.name ?? null}
            search={search}
            onSearch={setSearch}
            onPick={(id) => setPicked({ employerTax, workerId: id })}
          />
        )}
      </div>
      <p class="note" data-testid="se-deadlines">
        {t('se_deadlines', month, showDate(`${addMonths(month, 1)}-15`), showDate(`${addMonths(month, 1)}-20`))}
      </p>

      {!employer
        ? <Empty><p>{t('se_noEmployer')}</p></Empty>
        : (
          <LoadState value={workers} retry={reloadWorkers}>
            {(page) => (!page || page.rows.length === 0) && !query
              ? <Empty><p>{t('se_noPerson')}</p></Empty>
              : workerId && (
                <LoadState value={monthData} retry={reloadMonth}>
                  {(data) => data && (
                    <OpsvzSection
                      key={`${data.worker.id}:${month}`}
                      data={data} month={month} employer={employer} inputs={inputs}
                      dialect={dialect} onDialect={(d) => void chooseDialect(d)} today={today} save={save}
                      onInputs={(next) => void saveInputs(next)}
                    />
                  )}
                </LoadState>
              )}
          </LoadState>
        )}

      <ContributionsSection
        key={`${employerTax}:${workerId}:${month}`}
        month={month} inputs={inputs} contributions={contributions}
        remembered={loaded !== null} onInputs={(next) => void saveInputs(next)}
        earlierBase={loaded?.earlierBase ?? null}
      />

      <InvoicePanel
        month={month} expected={contributions.value} expectedError={contributions.error}
        today={today} inPopup={inPopup} onMonth={setMonth}
      />
    </div>
  );
}

function MonthField({ month, onMonth }: { month: IsoMonth; onMonth: (m: IsoMonth) => void }) {
  const [draft, setDraft] = useState(month);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { setDraft(month); setError(null); }, [month]);
  const commit = (text: string) => {
    try {
      const m = parseMonth(text);
      if (!m) throw new Error('empty');
      setError(null);
      onMonth(m);
    } catch {
      setError(t('se_monthInvalid', text));
    }
  };
  return (
    <div class="field">
      <label class="field__label" for="se-month">{t('se_month')}</label>
      <span>
        <button type="button" class="button button--small" aria-label={t('se_monthPrevious')} onClick={() => onMonth(addMonths(month, -1))}>‹</button>{' '}
        <input
          // Text, not type=month: Firefox has no month picker, and `5/2025` or `maj 2025` is how clerks write it.
          id="se-month" type="text" value={draft} size={9} placeholder={t('se_monthPlaceholder')}
          aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'se-month-error' : undefined}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onChange={(e) => commit(e.currentTarget.value)}
        />{' '}
        <button type="button" class="button button--small" aria-label={t('se_monthNext')} onClick={() => onMonth(addMonths(month, 1))}>›</button>
      </span>
      {error && <span class="form__errors" id="se-month-error" role="alert">{error}</span>}
    </div>
  );
}

function PersonField({ rows, hasMore, selected, selectedName, search, onSearch, onPick }: {
  rows: readonly { id: string; name: string; emso: string | null }[]; hasMore: boolean; selected: string | null; selectedName: string | null;
  search: string; onSearch: (s: string) => void; onPick: (id: string) => void;
}) {
  const missing = selected && !rows.some((r) => r.id === selected);
  return (
    <>
      <label class="field">
        <span class="field__label">{t('se_person')}</span>
        <select value={selected ?? ''} onChange={(e) => onPick(e.currentTarget.value)} data-testid="se-person">
          {missing && <option value={selected}>{selectedName ?? selected}</option>}
          {rows.map((w) => <option key={w.id} value={w.id}>{w.emso ? `${w.name} (${w.emso})` : w.name}</option>)}
        </select>
      </label>
      {hasMore && (
        <label class="field">
          <span class="field__label">{t('se_personSearch')}</span>
          <input type="search" value={search} onInput={(e) => onSearch(e.currentTarget.value)} />
        </label>
      )}
    </>
  );
}

/** A decimal the user types (`1.234,56`); committed on change (leaving the field or Enter). */
function NumberField({ id, label, hint, value, onCommit }: {
  id: string; label: string; hint?: string; value: number | null | undefined; onCommit: (v: number | null) => void;
}) {
  const [draft, setDraft] = useState(formatNumberInput(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { setDraft(formatNumberInput(value)); }, [value]);
  const commit = (text: string) => {
    const v = parseUserNumber(text);
    if (v !== null && (Number.isNaN(v) || v < 0)) { setError(t('se_numberInvalid', text)); return; }
    setError(null);
    if (v !== (value ?? null)) onCommit(v);
  };
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label class="field__label" for={id}>{label}</label>
      <input
        id={id} type="text" inputMode="decimal" value={draft}
        aria-invalid={error ? 'true' : undefined} aria-describedby={described || undefined}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onChange={(e) => commit(e.currentTarget.value)}
      />
      {hint && <span class="field__hint" id={`${id}-hint`}>{hint}</span>}
      {error && <span class="form__errors" id={`${id}-error`} role="alert">{error}</span>}
    </div>
  );
}

function OpsvzSection({ data, month, employer, inputs, dialect, onDialect, today, save, onInputs }: {
  data: SelfEmployedMonth; month: IsoMonth; employer: EmployerSummary; inputs: SelfEmployedInputs; dialect: CsvDialect;
  onDialect: (d: CsvDialect) => void; today: string; save: { state: string; message?: string }; onInputs: (next: SelfEmployedInputs) => void;
}) {
  const result: OpsvzResult | { error: string } = useMemo(() => {
    try { return computeOpsvz(data.certificates, data.worker, month); } catch (e) { return { error: errorMessage(e) }; }
  }, [data, month]);
  const [exported, setExported] = useState<{ fileName: string } | { error: string } | null>(null);

  if ('error' in result) {
    return <div class="state state--error" role="alert" data-state="error"><p>{t('popup_error', result.error)}</p></div>;
  }
  const f = result.fields;
  const inMonth = (c: { from: string; to: string }) => c.from <= lastOfMonth(month) && c.to >= firstOfMonth(month);
  const byNumber = new Map(result.used.map((c) => [c.number, c]));

  const runExport = () => {
    try {
      let minimumBase: number | null = null;
      try { minimumBase = expectedContributions({ month }).minimumBase; } catch { /* a month without rules: no base */ }
      const file = opsvzCsv(
        { employerTax: employer.taxNumber, employerName: employer.name, worker: data.worker, month, today, dialect },
        opsvzExportRows(result, inputs, minimumBase),
      );
      downloadText(file.fileName, file.text);
      setExported({ fileName: file.fileName });
    } catch (e) {
      setExported({ error: errorMessage(e) });
    }
  };
  const userField = (k: 'field120' | 'field150' | 'field160', n: string) => (
    <NumberField
      id={`se-${k}`} label={t('se_userField', n)} value={inputs[k]}
      onCommit={(v) => onInputs({ ...inputs, [k]: v })}
    />
  );

  return (
    <section class="opsvz" aria-labelledby="opsvz-title" data-testid="opsvz">
      <h3 id="opsvz-title" class="detail__title">{t('se_opsvzTitle', data.worker.name, month)}</h3>
      {data.truncated && <p class="warning" role="note">{t('se_truncated')}</p>}
      {f.warnings.length > 0 && (
        <ul class="warnings" data-testid="opsvz-warnings">
          {f.warnings.map((w) => <li key={w} class="warning" data-code={w}>{inUserLanguage(warningText(w))}</li>)}
        </ul>
      )}

      {f.field090.length === 0
        ? <Empty><p>{t('se_noAbsence', month)}</p></Empty>
        : (
          <table class="table" data-testid="field-090">
            <caption>{t('se_field090')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('popup_col_certificate')}</th>
                <th scope="col">{t('popup_col_from')}</th>
                <th scope="col">{t('popup_col_to')}</th>
                <th scope="col">{t('se_col_reason')}</th>
                <th scope="col" class="num">{t('se_col_partial')}</th>
              </tr>
            </thead>
            <tbody>
              {f.field090.map((p) => {
                const cert = byNumber.get(p.certificate);
                const reason = reasonOf(p.reason);
                return (
                  <tr key={p.certificate} data-certificate={p.certificate}>
                    <td data-field="certificate">{p.certificate}</td>
                    <td data-field="from">{showDate(p.from)}</td>
                    <td data-field="to">{showDate(p.to)}</td>
                    <td class="wrap" data-field="reason">
                      {reason ? `${p.reason} – ${reason.sl}` : p.reason}
                      {reason && userLanguage() === 'en' && <span class="muted"> ({reason.en})</span>}
                    </td>
                    <td class="num" data-field="partial">{cert?.hoursPerDay ? t('se_hoursPerDay', showNumber(cert.hoursPerDay)) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      {result.cancelledInMonth.length > 0 && (
        <p class="muted" data-testid="cancelled">{t('se_cancelled', result.cancelledInMonth.map((c) => c.number).join(', '))}</p>
      )}

      <table class="table table--numbers" data-testid="opsvz-fields">
        <caption>{t('se_fieldsCaption')}</caption>
        <tbody>
          {([['110', f.field110, 'se_field110'], ['130', f.field130, 'se_field130'], ['140', f.field140, 'se_field140']] as const).map(([n, v, label]) => (
            <tr key={n} data-opsvz={n}>
              <th scope="row">{n}</th>
              <td class="wrap">{t(label as MessageKey)}</td>
              <td class="num" data-field="value">{t('se_hours', showNumber(v))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {f.field090.length > 0 && (
        <p class="muted" data-testid="own-days">{t('se_ownDaysUsed', String(result.ownDaysUsed), String(month.slice(0, 4)))}</p>
      )}
      {result.used.some((c) => !inMonth(c)) && (
        <p class="muted">{t('se_chainOutside', result.used.filter((c) => !inMonth(c)).map((c) => c.number).join(', '))}</p>
      )}

      <fieldset class="fieldset">
        <legend>{t('se_userInputs')}</legend>
        <p class="field__hint">{t('se_userInputsHint')}</p>
        <div class="grid">
          {userField('field120', '120')}
          {userField('field150', '150')}
          {userField('field160', '160')}
        </div>
        <p role="status" aria-live="polite" class="muted" data-testid="se-save" data-state={save.state}>
          {save.state === 'saving' && t('se_saving')}
          {save.state === 'saved' && t('se_saved', data.worker.name, month)}
          {save.state === 'error' && t('se_saveFailed', save.message ?? '')}
        </p>
      </fieldset>

      <fieldset class="fieldset">
        <legend>{t('se_export')}</legend>
        <label class="check">
          <input type="radio" name="se-dialect" value="excel-si" checked={dialect === 'excel-si'} onChange={() => onDialect('excel-si')} />
          {' '}{t('popup_dialect_excel')}
        </label>
        <label class="check">
          <input type="radio" name="se-dialect" value="csv" checked={dialect === 'csv'} onChange={() => onDialect('csv')} />
          {' '}{t('popup_dialect_csv')}
        </label>
        <p>
          <button type="button" class="button" data-testid="se-export" onClick={runExport}>{t('se_exportButton')}</button>
        </p>
        <p role="status" aria-live="polite" data-testid="se-export-status">
          {exported && ('fileName' in exported ? t('se_exportDone', exported.fileName) : t('popup_exportFailed', exported.error))}
        </p>
      </fieldset>

      <Trace id="opsvz-trace" title={t('se_opsvzTrace')} steps={f.trace} />
    </section>
  );
}

function ContributionsSection({ month, inputs, contributions, remembered, earlierBase, onInputs }: {
  month: IsoMonth; inputs: SelfEmployedInputs; contributions: Contributions; remembered: boolean;
  earlierBase: SelfEmployedMonth['earlierBase']; onInputs: (next: SelfEmployedInputs) => void;
}) {
  const lang = userLanguage();
  const hasLtc = monthHasLongTermCare(month);
  const value = contributions.value;
  return (
    <section class="contributions" aria-labelledby="contributions-title" data-testid="contributions">
      <h3 id="contributions-title" class="detail__title">{t('se_contributionsTitle', month)}</h3>
      <div class="grid">
        <NumberField
          id="se-base" label={t('se_base')} value={inputs.base}
          hint={value ? t('se_baseHint', eur(value.minimumBase, lang), eur(value.maximumBase, lang)) : undefined}
          onCommit={(v) => onInputs({ ...inputs, base: v })}
        />
        <label class="check">
          <input
            type="checkbox" disabled={!hasLtc}
            checked={hasLtc && (inputs.longTermCare ?? true)}
            onChange={(e) => onInputs({ ...inputs, longTermCare: e.currentTarget.checked })}
          />
          {' '}{hasLtc ? t('se_longTermCare') : t('se_longTermCareNotYet')}
        </label>
      </div>
      {earlierBase && typeof inputs.base !== 'number' && (
        <p class="note" data-testid="earlier-base">
          {t('se_earlierBase', earlierBase.month, eur(earlierBase.base, lang))}{' '}
          <button type="button" class="button button--small" onClick={() => onInputs({ ...inputs, base: earlierBase.base })}>
            {t('se_useEarlierBase', month)}
          </button>
        </p>
      )}
      {!remembered && <p class="muted">{t('se_notRemembered')}</p>}
      {value
        ? (
          <>
            {value.warnings.length > 0 && (
              <ul class="warnings">
                {value.warnings.map((w) => <li key={w} class="warning" data-code={w}>{t(`se_contribWarning_${w}` as MessageKey)}</li>)}
              </ul>
            )}
            <table class="table table--numbers" data-testid="expected-lines">
              <caption>{t('se_expectedCaption', eur(value.base, lang))}</caption>
              <tbody>
                {value.lines.map((l) => (
                  <tr key={l.code} data-code={l.code}>
                    <th scope="row" class="wrap">{inUserLanguage(l)}</th>
                    <td class="num">{l.rate === null ? t('se_flat') : `${showNumber(l.rate)} %`}</td>
                    <td class="num" data-field="amount">{eur(l.amount, lang)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>{t('se_expectedTotal')}</th>
                  <td class="num" data-field="total"><strong>{eur(value.total, lang)}</strong></td>
                </tr>
              </tfoot>
            </table>
            <details>
              <summary>{t('se_contributionsTrace')}</summary>
              <Trace id="contributions-trace" title={t('se_contributionsTrace')} steps={value.trace} />
            </details>
          </>
        )
        : <p class="state state--error" role="alert">{contributions.error}</p>}
    </section>
  );
}


/**
 * Adding or editing one posting of the A1 register. The checks of RULES §9 (`checkPosting`)
 * run as the user types and are shown under the field they concern, in words (with the day
 * from which filing is possible, the last day the posting may end, the posting it overlaps):
 * those that make a posting impossible (EMŠO, dates, country, name) must be fixed before it is
 * saved; the others are warnings and the posting is stored with them.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { checkPosting, type A1Issue, type Posting } from '../../lib/a1.ts';
import { isIsoDate, todayInLjubljana } from '../../lib/dates.ts';
import { A1_COUNTRIES, ORIGINAL_INSURANCE_BASES } from '../../lib/rules/a1.ts';
import { a1IssueTexts, POSTING_FIELD_LABELS } from '../../shared/forms/a1Checks.ts';
import { t, userLanguage, type MessageKey } from '../../shared/i18n.ts';
import { A1_REFUSED_CODES, A1_REQUIRED_FIELDS, type PostingInput, type PostingView } from '../../shared/protocol/a1.ts';
import { call } from '../api.ts';
import { errorMessage } from '../format.ts';

/** The form's fields, as text, keyed like the checks name them. */
type Draft = Record<DraftField, string>;
type DraftField =
  | 'person.emso' | 'person.surname' | 'person.name' | 'person.surnameAtBirth' | 'person.birthPlace' | 'person.citizenship'
  | 'person.addressInSlovenia' | 'person.addressAbroad' | 'country' | 'placeOfWork' | 'start' | 'end' | 'tasks'
  | 'client.name' | 'client.address' | 'client.taxNumber' | 'originalBasis' | 'filedOn';

const EMPTY: Draft = {
  'person.emso': '', 'person.surname': '', 'person.name': '', 'person.surnameAtBirth': '', 'person.birthPlace': '', 'person.citizenship': '',
  'person.addressInSlovenia': '', 'person.addressAbroad': '', country: '', placeOfWork: '', start: '', end: '', tasks: '',
  'client.name': '', 'client.address': '', 'client.taxNumber': '', originalBasis: '', filedOn: '',
};

function draftOf(v: PostingView | null): Draft {
  if (!v) return { ...EMPTY };
  const p = v.posting;
  return {
    'person.emso': p.person.emso, 'person.surname': p.person.surname, 'person.name': p.person.name,
    'person.surnameAtBirth': p.person.surnameAtBirth ?? '', 'person.birthPlace': p.person.birthPlace ?? '', 'person.citizenship': p.person.citizenship ?? '',
    'person.addressInSlovenia': p.person.addressInSlovenia ?? '', 'person.addressAbroad': p.person.addressAbroad ?? '',
    country: p.country, placeOfWork: p.placeOfWork, start: p.start, end: p.end, tasks: p.tasks,
    'client.name': p.client.name, 'client.address': p.client.address, 'client.taxNumber': p.client.taxNumber,
    originalBasis: p.originalBasis ?? '', filedOn: v.filedOn ?? '',
  };
}

/** What the form sends (optional texts left out when empty; the background trims). */
export function postingOfDraft(d: Draft): PostingInput {
  const person: PostingInput['person'] = { emso: d['person.emso'].replace(/\s/g, ''), name: d['person.name'], surname: d['person.surname'] };
  const optional = [['surnameAtBirth', 'person.surnameAtBirth'], ['birthPlace', 'person.birthPlace'], ['citizenship', 'person.citizenship'],
    ['addressInSlovenia', 'person.addressInSlovenia'], ['addressAbroad', 'person.addressAbroad']] as const;
  for (const [key, field] of optional) if (d[field].trim()) person[key] = d[field];
  return {
    person, country: d.country, placeOfWork: d.placeOfWork, start: d.start, end: d.end, tasks: d.tasks,
    client: { name: d['client.name'], address: d['client.address'], taxNumber: d['client.taxNumber'] },
    ...(d.originalBasis ? { originalBasis: d.originalBasis } : {}),
  };
}

const blocking = (i: A1Issue): boolean => A1_REFUSED_CODES.includes(i.code) || (i.code === 'MISSING_FIELD' && A1_REQUIRED_FIELDS.includes(i.field));

const inputId = (field: DraftField) => `a1-${field.replace('.', '-')}`;
/** The checks under a field: a plain list, each line styled as an error or a warning. */
const ISSUES_STYLE = { listStyle: 'none', padding: 0, margin: '2px 0', maxWidth: '100%' } as const;

export function A1PostingForm({ employerTax, editing, others, onSaved, onCancel }: {
  employerTax: string;
  /** null: a new posting. */
  editing: PostingView | null;
  /** The employer's other postings (for the overlap check). */
  others: readonly Posting[];
  onSaved: (saved: PostingView) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(editing));
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set(editing ? Object.keys(EMPTY) : []));
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const lang = userLanguage();
  const today = todayInLjubljana();

  const posting: Posting = { ...postingOfDraft(draft), ...(editing ? { id: editing.id } : {}) };
  const filedOn = isIsoDate(draft.filedOn) ? draft.filedOn : null;
  const issues = checkPosting(posting, filedOn ?? today, others);
  const texts = a1IssueTexts(issues, posting, others, lang);
  const byField = new Map<string, { issue: A1Issue; text: string }[]>();
  issues.forEach((issue, i) => byField.set(issue.field, [...(byField.get(issue.field) ?? []), { issue, text: texts[i]! }]));
  if (draft.filedOn && !filedOn) byField.set('filedOn', [{ issue: { code: 'BAD_DATE', field: 'filedOn', sl: '', en: '' }, text: t('a1_check_BAD_DATE') }]);
  else if (filedOn && filedOn > today) byField.set('filedOn', [{ issue: { code: 'BAD_DATE', field: 'filedOn', sl: '', en: '' }, text: t('a1_filedInFuture') }]);

  const countries = useMemo(() => [...A1_COUNTRIES].sort((a, b) => a[lang].localeCompare(b[lang], lang)), [lang]);
  const set = (field: DraftField, value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const touch = (field: DraftField) => setTouched((s) => (s.has(field) ? s : new Set([...s, field])));

  const submit = async (e: Event) => {
    e.preventDefault();
    setTouched(new Set(Object.keys(EMPTY)));
    const stops = [...byField.entries()].filter(([field, list]) => field === 'filedOn' || list.some((x) => blocking(x.issue)));
    if (stops.length > 0) {
      setProblem(t('a1_fixFirst'));
      const first = Object.keys(EMPTY).find((f) => stops.some(([field]) => field === f)) as DraftField | undefined;
      if (first) form.current?.querySelector<HTMLElement>(`#${inputId(first)}`)?.focus();
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      const saved = await call('ui:savePosting', { employerTax, id: editing?.id ?? null, posting: postingOfDraft(draft), filedOn });
      onSaved(saved);
    } catch (err) {
      setProblem(errorMessage(err));
      setSaving(false);
    }
  };

  const field = (name: DraftField, opts: { type?: 'text' | 'date'; required?: boolean; hint?: MessageKey; wide?: boolean; inputMode?: 'numeric' } = {}) => {
    const shown = touched.has(name) ? byField.get(name) ?? [] : [];
    const describedBy = [shown.length ? `${inputId(name)}-issues` : '', opts.hint ? `${inputId(name)}-hint` : ''].filter(Boolean).join(' ') || undefined;
    const invalid = shown.some((x) => blocking(x.issue) || name === 'filedOn');
    const common = {
      id: inputId(name), name, value: draft[name], 'aria-describedby': describedBy, 'aria-invalid': invalid ? true : undefined,
      required: opts.required, onBlur: () => touch(name),
    };
    return (
      <div class={`field${opts.wide ? ' field--grow' : ''}`} data-field={name}>
        <label class="field__label" for={inputId(name)}>{t(POSTING_FIELD_LABELS[name]!)}{opts.required ? ' *' : ''}</label>
        {name === 'tasks'
          ? <textarea {...common} rows={3} maxLength={2000} onInput={(e) => set(name, e.currentTarget.value)} />
          : <input {...common} type={(opts.type ?? 'text') as 'text'} inputMode={opts.inputMode} maxLength={name === 'person.emso' ? 16 : 300}
            onInput={(e) => set(name, e.currentTarget.value)} onChange={(e) => { set(name, e.currentTarget.value); touch(name); }} />}
        {opts.hint && <span class="field__hint" id={`${inputId(name)}-hint`}>{t(opts.hint)}</span>}
        {shown.length > 0 && (
          <ul style={ISSUES_STYLE} id={`${inputId(name)}-issues`} data-testid={`issues-${name}`}>
            {shown.map((x) => (
              <li key={x.text} class={blocking(x.issue) || name === 'filedOn' ? 'form__errors' : 'warning'} data-code={x.issue.code}>{x.text}</li>
            ))}
          </ul>
        )}
      </div>
    );
  };

  const select = (name: 'country' | 'originalBasis', options: { value: string; label: string }[], required: boolean) => {
    const shown = touched.has(name) ? byField.get(name) ?? [] : [];
    return (
      <div class="field" data-field={name}>
        <label class="field__label" for={inputId(name)}>{t(POSTING_FIELD_LABELS[name]!)}{required ? ' *' : ''}</label>
        <select id={inputId(name)} name={name} value={draft[name]} required={required}
          aria-describedby={shown.length ? `${inputId(name)}-issues` : undefined} aria-invalid={shown.some((x) => blocking(x.issue)) ? true : undefined}
          onChange={(e) => { set(name, e.currentTarget.value); touch(name); }}>
          <option value="">{t('a1_choose')}</option>
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
        {shown.length > 0 && (
          <ul style={ISSUES_STYLE} id={`${inputId(name)}-issues`} data-testid={`issues-${name}`}>
            {shown.map((x) => <li key={x.text} class={blocking(x.issue) ? 'form__errors' : 'warning'} data-code={x.issue.code}>{x.text}</li>)}
          </ul>
        )}
      </div>
    );
  };

  return (
    <form ref={form} class="a1__form" onSubmit={(e) => void submit(e)} noValidate data-testid="a1-form" aria-labelledby="a1-form-title">
      <h3 id="a1-form-title">{editing ? t('a1_editTitle', `${editing.posting.person.surname} ${editing.posting.person.name}`) : t('a1_newTitle')}</h3>
      <p class="muted">{t('a1_formIntro')}</p>
      <fieldset class="fieldset">
        <legend>{t('a1_section_person')}</legend>
        <div class="grid">
          {field('person.emso', { required: true, hint: 'a1_emsoHint', inputMode: 'numeric' })}
          {field('person.surname', { required: true })}
          {field('person.name', { required: true })}
          {field('person.surnameAtBirth')}
          {field('person.birthPlace')}
          {field('person.citizenship')}
          {field('person.addressInSlovenia', { wide: true })}
          {field('person.addressAbroad', { wide: true })}
        </div>
      </fieldset>
      <fieldset class="fieldset">
        <legend>{t('a1_section_posting')}</legend>
        <div class="grid">
          {select('country', countries.map((c) => ({ value: c.code, label: c[lang] })), true)}
          {field('placeOfWork', { required: true })}
          {field('start', { type: 'date', required: true })}
          {field('end', { type: 'date', required: true })}
          {field('tasks', { required: true, wide: true })}
        </div>
      </fieldset>
      <fieldset class="fieldset">
        <legend>{t('a1_section_client')}</legend>
        <div class="grid">
          {field('client.name', { required: true })}
          {field('client.address', { required: true, wide: true })}
          {field('client.taxNumber')}
        </div>
      </fieldset>
      <fieldset class="fieldset">
        <legend>{t('a1_section_insurance')}</legend>
        <div class="grid">
          {select('originalBasis', ORIGINAL_INSURANCE_BASES.map((b) => ({ value: b, label: b })), false)}
          {field('filedOn', { type: 'date', hint: 'a1_filedOnHint' })}
        </div>
      </fieldset>
      {problem && <p class="form__errors" role="alert" data-testid="a1-problem">{problem}</p>}
      <div class="dialog__buttons">
        <button type="button" class="button" onClick={onCancel}>{t('popup_cancel')}</button>
        <button type="submit" class="button button--primary" disabled={saving}>{t('popup_save')}</button>
      </div>
    </form>
  );
}

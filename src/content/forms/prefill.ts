/**
 * Prefilling SPOT's refund and A1 forms from what the extension stored (issue 6).
 *
 *   1. the user asks ("Izpolni iz izračuna" / "Izpolni iz registra A1");
 *   2. the background answers with the employer's stored claims (filtered by the certificate
 *      number already typed in the form) or postings (ready to file first);
 *   3. the user picks one and sees EVERY value it will set, per claim line (and chooses the
 *      payment date, today by default);
 *   4. on "Izpolni obrazec" the form is filled through the page's own controls (its add-line
 *      button for more claim lines, values set so its framework sees them), each filled
 *      control is outlined, and fields that could not be found are listed.
 *
 * It never submits: no submit button is pressed, a submit the add-line button would start is
 * stopped. The employer is the one the page header shows, else the one chosen in the extension.
 */
import { todayInLjubljana, isIsoDate } from '../../lib/dates.ts';
import { formatDate } from '../../lib/format.ts';
import { A1_LABELS, type A1Field } from '../../shared/forms/a1Labels.ts';
import { fillForm, type FillOutcome, type FillStep } from '../../shared/forms/fill.ts';
import { locateFields } from '../../shared/forms/locate.ts';
import { REFUND_ADD_LINE, REFUND_LABELS, type RefundField } from '../../shared/forms/refundForm.ts';
import { slovenianDate } from '../../shared/forms/setValue.ts';
import { describeError, t, userLanguage, type MessageKey } from '../../shared/i18n.ts';
import { MessageError } from '../../shared/messages.ts';
import { readPageEmployer } from '../../shared/pages/employer.ts';
import { headingsOf } from '../../shared/pages/dom.ts';
import { recogniseFormPage } from '../../shared/pages/forms.ts';
import type { PostingForForm } from '../../shared/protocol/a1.ts';
import '../../shared/protocol/a1.ts';
import '../../shared/protocol/prefill.ts';
import type { RefundClaimOffer } from '../../shared/protocol/prefill.ts';
import type { EmployerRow } from '../../shared/rows.ts';
import type { ContentContext } from '../context.ts';
import { Highlighter } from './highlight.ts';
import type { PrefillActions, PrefillForm, PrefillState, ReviewGroup } from './state.ts';

/** The A1 form's fields in the order and groups the review shows them. */
const A1_GROUPS: readonly { title: MessageKey; fields: readonly A1Field[] }[] = [
  { title: 'prefill_group_applicant', fields: ['registrationNumber', 'applicantName', 'seat', 'phone', 'email'] },
  { title: 'prefill_group_person', fields: ['emso', 'sex', 'surname', 'name', 'surnameAtBirth', 'birthDate', 'birthPlace', 'citizenship', 'addressInSlovenia', 'addressAbroad'] },
  { title: 'prefill_group_posting', fields: ['start', 'end', 'country', 'placeOfWork', 'tasks'] },
  { title: 'prefill_group_client', fields: ['clientName', 'clientAddress', 'clientTaxNumber'] },
];
/** Profile fields of the employer the A1 form needs (Nastavitve in the extension). */
const PROFILE_FIELDS: readonly (keyof EmployerRow & A1Field)[] = ['registrationNumber', 'seat', 'phone', 'email'];

export const refundFieldLabel = (f: RefundField): string => t(`prefill_field_${f}` as MessageKey);
export const a1FieldLabel = (f: A1Field): string => t(`a1_field_${f}` as MessageKey);

/** The certificate number typed in the form's first claim line, if any (digits only). */
export function typedCertificate(doc: Document): string | null {
  for (const control of locateFields(doc, REFUND_LABELS).byField.get('certificateNumber') ?? []) {
    const value = control.value.replace(/\s/g, '');
    if (/^\d{1,20}$/.test(value)) return value;
  }
  return null;
}

/**
 * The claim's plan (from the background) with the payment date chosen in the review, where
 * `refundPlan` puts it: after the lines, before the claim's other own fields.
 */
export function planWithPaymentDate(plan: readonly FillStep<RefundField>[], paymentDate: string | null): FillStep<RefundField>[] {
  if (!paymentDate) return [...plan];
  const at = plan.findIndex((s) => s.line === null);
  const step: FillStep<RefundField> = { field: 'paymentDate', line: null, value: { kind: 'date', iso: paymentDate }, display: slovenianDate(paymentDate) };
  return at < 0 ? [...plan, step] : [...plan.slice(0, at), step, ...plan.slice(at)];
}

/** The refund plan as the review shows it: the claim's own fields, then one group per line. */
export function refundReview(steps: readonly FillStep<RefundField>[]): ReviewGroup[] {
  const groups: ReviewGroup[] = [{ title: t('prefill_group_claim'), line: null, rows: [] }];
  for (const s of steps) {
    if (s.line !== null && !groups.some((g) => g.line === s.line)) groups.push({ title: t('prefill_line', String(s.line + 1)), line: s.line, rows: [] });
    groups.find((g) => g.line === s.line)!.rows.push({ field: s.field, label: refundFieldLabel(s.field), value: s.display });
  }
  return groups;
}

export function a1Review(steps: readonly FillStep<A1Field>[]): ReviewGroup[] {
  return A1_GROUPS.map((g) => ({
    title: t(g.title), line: null,
    rows: g.fields.flatMap((f) => steps.filter((s) => s.field === f).map((s) => ({ field: f, label: a1FieldLabel(f), value: s.display }))),
  })).filter((g) => g.rows.length > 0);
}

/** "Postavka 2: Znesek nadomestila" — a field of the plan, for the lists after filling. */
function where(label: string, line: number | null): string {
  return line === null ? label : `${t('prefill_line', String(line + 1))}: ${label}`;
}

export function outcomeLists<F extends string>(outcome: FillOutcome<F>, label: (f: F) => string): { missing: string[]; failed: string[] } {
  return {
    missing: outcome.missing.map((m) => where(label(m.field), m.line)),
    failed: outcome.failed.map((f) => `${where(label(f.field), f.line)} — ${t(`prefill_failed_${f.code}` as MessageKey, f.detail)}`),
  };
}

function errorText(error: unknown): string {
  return error instanceof MessageError && (error.code === 'INVALID_PAYLOAD' || error.code === 'NOT_FOUND') ? error.message : describeError(error);
}

export interface Prefill {
  actions: PrefillActions;
  /** Removes the outlines (and forgets the chosen claim). */
  stop(): void;
}

export function startPrefill(ctx: ContentContext): Prefill {
  const highlighter = new Highlighter();
  // What the user chose; lives as long as the page (the content script), never in the background.
  let postings: { views: PostingForForm[]; employer: EmployerRow } | null = null;
  let chosenClaim: RefundClaimOffer | null = null;
  let plan: { form: 'refund'; steps: FillStep<RefundField>[] } | { form: 'a1'; steps: FillStep<A1Field>[] } | null = null;

  const set = (prefill: PrefillState) => ctx.store.set({ prefill });
  const state = () => ctx.store.get().prefill;
  const formOfPage = (): PrefillForm | null => {
    const kind = recogniseFormPage(ctx.doc, headingsOf(ctx.doc).join(' · '));
    return kind === 'refundForm' ? 'refund' : kind === 'a1Form' ? 'a1' : null;
  };

  function reviewClaim(choice: RefundClaimOffer, paymentDate: string): void {
    chosenClaim = choice;
    const steps = planWithPaymentDate(choice.plan, paymentDate);
    plan = { form: 'refund', steps };
    const lang = userLanguage();
    const warnings: string[] = [];
    choice.lines.forEach((l, i) => {
      if (!l.complete) warnings.push(t('prefill_lineIncomplete', String(i + 1), l.certificate));
      if (choice.expiredLines?.includes(i)) warnings.push(t('prefill_lineExpired', String(i + 1), formatDate(l.expiresOn, lang)));
    });
    set({ step: 'review', form: 'refund', subject: choice.worker.name ?? choice.key, groups: refundReview(steps), warnings, paymentDate });
  }

  function reviewPosting(view: PostingForForm, employer: EmployerRow, issues: string[]): void {
    const steps = view.plan;
    plan = { form: 'a1', steps };
    const missing = PROFILE_FIELDS.filter((f) => !employer[f]?.trim()).map(a1FieldLabel);
    const warnings = [...(missing.length ? [t('prefill_profileMissing', missing.join(', '))] : []), ...issues];
    const p = view.posting.person;
    set({ step: 'review', form: 'a1', subject: `${p.surname} ${p.name}`, groups: a1Review(steps), warnings, paymentDate: null });
  }

  async function loadRefund(): Promise<void> {
    const certificate = typedCertificate(ctx.doc);
    const answer = await ctx.send('content:refundClaims', { employerTax: readPageEmployer(ctx.doc).taxNumber, certificateNumber: certificate });
    const claims = answer.claims;
    if (!answer.employer) { set({ step: 'message', text: t('prefill_noEmployer'), error: false }); return; }
    if (claims.length === 0) { set({ step: 'message', text: t('prefill_noClaims', answer.employer.name), error: false }); return; }
    // The number typed in the form names exactly one stored claim: straight to its review.
    if (answer.matched && claims.length === 1) { reviewClaim(claims[0]!, todayInLjubljana()); return; }
    set({ step: 'chooseClaim', employer: answer.employer, claims, filter: answer.matched ? 'matched' : certificate ? 'notMatched' : 'none', certificate });
  }

  async function loadA1(): Promise<void> {
    const answer = await ctx.send('content:a1Postings', { employerTax: readPageEmployer(ctx.doc).taxNumber });
    if (!answer.employer) { set({ step: 'message', text: t('prefill_noEmployer'), error: false }); return; }
    if (answer.postings.length === 0) { set({ step: 'message', text: t('prefill_noPostings', answer.employer.name), error: false }); return; }
    postings = { views: answer.postings, employer: answer.employer };
    set({ step: 'choosePosting', employer: answer.employer, postings: answer.postings, issueTexts: answer.postings.map((v) => v.issueTexts) });
  }

  async function fill(): Promise<void> {
    const current = plan;
    if (!current) return;
    set({ step: 'filling', form: current.form });
    highlighter.clear();
    const onFilled = (control: Element) => highlighter.mark(control as HTMLElement);
    try {
      if (current.form === 'refund') {
        const outcome = await fillForm(ctx.doc, REFUND_LABELS, current.steps, { lineMarker: 'certificateNumber', addLineLabels: REFUND_ADD_LINE, onFilled });
        set({ step: 'done', form: 'refund', filled: outcome.filled.length, linesAdded: outcome.linesAdded, ...outcomeLists(outcome, refundFieldLabel), submitBlocked: outcome.submitBlocked, highlighted: highlighter.count });
      } else {
        const outcome = await fillForm(ctx.doc, A1_LABELS, current.steps, { onFilled });
        set({ step: 'done', form: 'a1', filled: outcome.filled.length, linesAdded: 0, ...outcomeLists(outcome, a1FieldLabel), submitBlocked: outcome.submitBlocked, highlighted: highlighter.count });
      }
    } catch (error) {
      set({ step: 'message', text: t('prefill_fillFailed', error instanceof Error ? error.message : String(error)), error: true });
    }
  }

  const actions: PrefillActions = {
    start() {
      const form = formOfPage();
      if (!form) { set({ step: 'message', text: t('prefill_notAForm'), error: true }); return; }
      set({ step: 'loading' });
      (form === 'refund' ? loadRefund() : loadA1()).catch((error: unknown) => set({ step: 'message', text: errorText(error), error: true }));
    },
    choose(index) {
      const s = state();
      if (s.step === 'chooseClaim') {
        const choice = s.claims[index];
        if (choice) reviewClaim(choice, todayInLjubljana());
      } else if (s.step === 'choosePosting' && postings) {
        const view = postings.views[index];
        if (view) reviewPosting(view, postings.employer, s.issueTexts[index] ?? []);
      }
    },
    setPaymentDate(iso) {
      const s = state();
      if (s.step !== 'review' || s.form !== 'refund' || !chosenClaim) return;
      if (isIsoDate(iso)) reviewClaim(chosenClaim, iso);
      else set({ ...s, paymentDate: iso });
    },
    confirm() {
      const s = state();
      if (s.step !== 'review') return;
      if (s.form === 'refund' && !isIsoDate(s.paymentDate ?? '')) return;
      void fill();
    },
    cancel() {
      plan = null;
      chosenClaim = null;
      set({ step: 'idle' });
    },
    clearHighlights() {
      highlighter.clear();
      const s = state();
      if (s.step === 'done') set({ ...s, highlighted: 0 });
    },
  };
  return { actions, stop: () => highlighter.clear() };
}

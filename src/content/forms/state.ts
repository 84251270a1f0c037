/**
 * What the helper's "prefill" section shows on SPOT's refund and A1 forms, as plain data (the
 * panel renders it; `PrefillController` changes it through the panel store).
 *
 *   idle → loading → choose (a stored claim / a posting) → review (every value, per claim line)
 *        → filling → done (what was filled, what could not be found) — never a submit.
 */
import type { EmployerRow } from '../../shared/rows.ts';
import type { PostingForForm } from '../../shared/protocol/a1.ts';
import type { RefundClaimOffer } from '../../shared/protocol/prefill.ts';

export type PrefillForm = 'refund' | 'a1';

export interface ReviewRow {
  field: string;
  label: string;
  value: string;
}

export interface ReviewGroup {
  /** `Zahtevek`, `Postavka 1`, `Vlagatelj` … */
  title: string;
  /** 0-based claim line, null for the form's own fields. */
  line: number | null;
  rows: ReviewRow[];
}

export type PrefillState =
  | { step: 'idle' }
  | { step: 'loading' }
  | { step: 'message'; text: string; error: boolean }
  | {
    step: 'chooseClaim';
    employer: { taxNumber: string; name: string } | null;
    claims: RefundClaimOffer[];
    /** `matched`: the certificate typed in the form picked these; `notMatched`: none has it, all are listed. */
    filter: 'matched' | 'notMatched' | 'none';
    certificate: string | null;
  }
  | { step: 'choosePosting'; employer: EmployerRow; postings: PostingForForm[]; issueTexts: string[][] }
  | {
    step: 'review';
    form: PrefillForm;
    /** Whose claim / posting it is. */
    subject: string;
    groups: ReviewGroup[];
    warnings: string[];
    /** Refund form only: the payment date put into the plan (ISO), editable. */
    paymentDate: string | null;
  }
  | { step: 'filling'; form: PrefillForm }
  | {
    step: 'done';
    form: PrefillForm;
    filled: number;
    linesAdded: number;
    /** Fields of the plan the form does not have (labels, with the claim line). */
    missing: string[];
    /** Fields found but not accepting the value, with why. */
    failed: string[];
    /** The form's add-line button is a submit button: its submit was stopped. */
    submitBlocked: boolean;
    highlighted: number;
  };

export interface PrefillActions {
  /** "Izpolni iz izračuna" / "Izpolni iz registra A1". */
  start(): void;
  choose(index: number): void;
  setPaymentDate(iso: string): void;
  confirm(): void;
  cancel(): void;
  clearHighlights(): void;
}

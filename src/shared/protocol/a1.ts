/**
 * The A1 postings register (issue 6, RULES §9): postings of workers abroad, kept per employer
 * in the `postings` table, checked with `checkPosting`, and the postings the in-page helper
 * offers on SPOT's A1 form.
 *
 * A `postings` row keeps the posting itself in `data` (so the CSV export reads it as a
 * `Posting`), plus the day its application was filed, when it was.
 */
import type { A1Issue, Posting } from '../../lib/a1.ts';
import type { IsoDate } from '../../lib/dates.ts';
import type { EmployerRow } from '../rows.ts';

/** A posting as the user enters it; the row's key is its id. */
export type PostingInput = Omit<Posting, 'id'>;

/** What a `postings` row keeps in `data`. */
export interface StoredPosting extends PostingInput {
  /** The day the A1 application was filed on SPOT (entered by the user), or null: not yet. */
  filedOn: IsoDate | null;
}

export interface PostingView {
  id: number;
  employerTax: string;
  /** The posting with `id` set (so `checkPosting` tells it from the person's other postings). */
  posting: Posting;
  filedOn: IsoDate | null;
  /**
   * `checkPosting` against the employer's other postings, as of the filing day (or today when
   * not filed yet): what stands in the way of an A1 application.
   */
  issues: A1Issue[];
}

/** Checks that make a posting meaningless: the background refuses to store it (the others are shown, not refused). */
export const A1_REFUSED_CODES: readonly A1Issue['code'][] = ['BAD_EMSO', 'BAD_DATE', 'END_BEFORE_START', 'COUNTRY_NOT_COVERED'];
/** Missing fields the background refuses (the person's name); other missing fields make a draft. */
export const A1_REQUIRED_FIELDS: readonly string[] = ['person.name', 'person.surname'];

export interface SavePostingRequest {
  employerTax: string;
  /** null: a new posting. */
  id: number | null;
  posting: PostingInput;
  filedOn: IsoDate | null;
}

/**
 * A posting as the in-page helper offers it: worded and planned in the background, so the
 * content script (loaded on every SPOT page) carries neither the A1 rules nor the country table.
 */
export interface PostingForForm extends PostingView {
  /** `checkPosting`'s issues in the user's words. */
  issueTexts: string[];
  countryName: string;
  /** The A1 form's values from this posting and the employer profile (`a1Plan`). */
  plan: FillStep<A1Field>[];
}

export interface A1PostingsForForm {
  /** The employer whose postings these are (the applicant's data for the form), or null when none is known. */
  employer: EmployerRow | null;
  /** Postings without issues first, then those with issues, then those already filed; each by start. */
  postings: PostingForForm[];
}

import type { FillStep } from '../forms/fill.ts';
import type { A1Field } from '../forms/a1Labels.ts';

declare module '../messages.ts' {
  interface Protocol {
    'ui:listA1Postings': { request: { employerTax: string }; response: PostingView[] };
    'ui:savePosting': { request: SavePostingRequest; response: PostingView };
    'ui:deletePosting': { request: { employerTax: string; id: number }; response: { id: number } };
    /** The employer on the page (null: the one selected in the extension). */
    'content:a1Postings': { request: { employerTax: string | null }; response: A1PostingsForForm };
  }
}

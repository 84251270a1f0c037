/**
 * What the in-page helper asks for on SPOT's refund form (issue 6): the stored claims (claim
 * lines of stored computations, one claim per absence) of the employer, to prefill the form.
 */
import type { Claim } from '../../lib/refund.ts';
import type { FillStep } from '../forms/fill.ts';
import type { RefundField } from '../forms/refundForm.ts';
import type { IsoTimestamp } from '../spot.ts';

/** One absence's claim: the ZZZS-paid lines of its stored computation (lines by date). */
export interface RefundClaimChoice extends Omit<Claim, 'employerTaxNumber'> {
  /** The absence (its first certificate). */
  key: string;
  computedAt: IsoTimestamp | null;
  /** Indexes of lines already lapsed today (`expiryState`), worked out in the background. */
  expiredLines?: number[];
}

/** A claim as the helper offers it on SPOT's refund form. */
export interface RefundClaimOffer extends RefundClaimChoice {
  /**
   * The values the form gets, field by field and line by line (`refundPlan`, worked out in the
   * background), without the payment date: the user chooses it in the review.
   */
  plan: FillStep<RefundField>[];
}

export interface RefundClaimsRequest {
  /** The employer on the page; null: the one selected in the extension. */
  employerTax: string | null;
  /** A certificate number typed in the form: only claims with a line of it (when there are any). */
  certificateNumber: string | null;
}

export interface RefundClaimsResponse {
  employer: { taxNumber: string; name: string } | null;
  /** Newest computation first. */
  claims: RefundClaimOffer[];
  /** The certificate number asked for was found: `claims` are only those with it. */
  matched: boolean;
}

/** Most claims one answer lists. */
export const MAX_CLAIM_CHOICES = 50;

declare module '../messages.ts' {
  interface Protocol {
    'content:refundClaims': { request: RefundClaimsRequest; response: RefundClaimsResponse };
  }
}

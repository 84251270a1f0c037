/**
 * What the in-page helper needs to prefill SPOT's refund form: the employer's stored claims
 * (`content:refundClaims`). The registry accepts it only from a SPOT tab.
 */
import { todayInLjubljana } from '../../lib/dates.ts';
import { expiryState } from '../../lib/refund.ts';
import { refundPlan } from '../../shared/forms/refundForm.ts';
import type { SpotDb } from '../db.ts';
import { defineHandlers } from '../registry.ts';
import { refundClaimChoices } from '../store/claimChoices.ts';
import { currentEmployer } from '../store/employers.ts';
import { nullable, object, string } from '../validate.ts';
import { taxNumber } from './spot.ts';

export interface PrefillDeps {
  db: () => SpotDb;
}

export function prefillHandlers({ db }: PrefillDeps) {
  return defineHandlers({
    'content:refundClaims': {
      validate: object({ employerTax: nullable(taxNumber), certificateNumber: nullable(string({ min: 1, max: 20, pattern: /^\d+$/ })) }),
      async handle({ employerTax, certificateNumber }) {
        const d = db();
        const tax = employerTax ?? (await currentEmployer(d));
        const employer = tax ? await d.employers.get(tax) : undefined;
        if (!tax || !employer) return { employer: null, claims: [], matched: false };
        const { claims, matched } = await refundClaimChoices(d, tax, certificateNumber);
        const today = todayInLjubljana();
        const withExpiry = claims.map((c) => ({
          ...c, expiredLines: c.lines.flatMap((l, i) => (expiryState(l, today) === 'expired' ? [i] : [])),
          plan: refundPlan({ ...c, employerTaxNumber: null, paymentDate: null }),
        }));
        return { employer: { taxNumber: employer.taxNumber, name: employer.name }, claims: withExpiry, matched };
      },
    },
  });
}

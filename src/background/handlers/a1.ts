/**
 * The A1 postings register (`ui:listA1Postings`, `ui:savePosting`, `ui:deletePosting`) and the
 * postings the in-page helper offers on SPOT's A1 form (`content:a1Postings`). Payloads are
 * checked for shape and size here; the store refuses postings whose checks make them
 * meaningless and keeps the rest with their checks (src/background/store/postings.ts).
 */
import { ORIGINAL_INSURANCE_BASES } from '../../lib/rules/a1.ts';
import { todayInLjubljana } from '../../lib/dates.ts';
import { postingsForForm } from '../../shared/forms/a1ForForm.ts';
import type { PostingInput } from '../../shared/protocol/a1.ts';
import type { SpotDb } from '../db.ts';
import { defineHandlers } from '../registry.ts';
import { currentEmployer } from '../store/employers.ts';
import { deletePosting, listPostingViews, orderForForm, savePosting } from '../store/postings.ts';
import { literal, nullable, number, object, optional, string, type Validator } from '../validate.ts';
import { isoDate, taxNumber } from './spot.ts';

export interface A1Deps {
  db: () => SpotDb;
  now?: () => Date;
}

const text = (max: number) => string({ max });
const optionalText = (max: number) => optional(string({ max }));

export const postingShape = object({
  person: object({
    emso: string({ max: 20, min: 1 }),
    name: text(100),
    surname: text(100),
    surnameAtBirth: optionalText(100),
    birthPlace: optionalText(100),
    citizenship: optionalText(60),
    addressInSlovenia: optionalText(300),
    addressAbroad: optionalText(300),
  }),
  country: string({ max: 2, pattern: /^[A-Za-z]{0,2}$/ }),
  placeOfWork: text(200),
  client: object({ name: text(200), address: text(300), taxNumber: text(40) }),
  tasks: text(2000),
  start: isoDate,
  end: isoDate,
  originalBasis: optional(literal(...(ORIGINAL_INSURANCE_BASES as [string, ...string[]]))),
}) as Validator<PostingInput>;

const rowId = number({ min: 1, integer: true });

export function a1Handlers({ db, now = () => new Date() }: A1Deps) {
  const today = () => todayInLjubljana(now());
  return defineHandlers({
    'ui:listA1Postings': {
      validate: object({ employerTax: taxNumber }),
      handle: ({ employerTax }) => listPostingViews(db(), employerTax, today()),
    },
    'ui:savePosting': {
      validate: object({ employerTax: taxNumber, id: nullable(rowId), posting: postingShape, filedOn: nullable(isoDate) }),
      handle: (req) => savePosting(db(), req, today(), now().toISOString()),
    },
    'ui:deletePosting': {
      validate: object({ employerTax: taxNumber, id: rowId }),
      async handle({ employerTax, id }) {
        await deletePosting(db(), employerTax, id, now().toISOString());
        return { id };
      },
    },
    'content:a1Postings': {
      validate: object({ employerTax: nullable(taxNumber) }),
      async handle({ employerTax }) {
        const d = db();
        const tax = employerTax ?? (await currentEmployer(d));
        const employer = tax ? (await d.employers.get(tax)) ?? null : null;
        if (!tax || !employer) return { employer: null, postings: [] };
        return { employer, postings: postingsForForm(orderForForm(await listPostingViews(d, tax, today())), employer) };
      },
    },
  });
}

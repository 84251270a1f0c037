/**
 * SPOT's forms the extension prefills (never submits): the refund claim ("Zahtevek za
 * refundacijo nadomestila plače", eNDM) and the A1 application ("Nova vloga za napotitev po
 * ZČmIS"). Recognised by their words: enough of the form's field labels (the label tables in
 * src/shared/forms/), or the page heading together with the form's key field — never by the
 * address or by CSS classes.
 */
import { A1_LABELS, type A1Field } from '../forms/a1Labels.ts';
import { locateFields } from '../forms/locate.ts';
import { REFUND_LABELS, type RefundField } from '../forms/refundForm.ts';
import { findPhrase } from './dom.ts';

export type FormPageKind = 'refundForm' | 'a1Form';

export const FORM_PAGE_TEXT = {
  refundForm: ['Zahtevek za refundacijo', 'eZahtevek za refundacijo', 'Zahtevek za povračilo nadomestila', 'Refundacija nadomestila plače'],
  a1Form: ['Vloga za napotitev', 'Nova vloga za napotitev', 'Vloga za izdajo potrdila A1', 'Napotitev po ZČmIS'],
} as const;

/** Fields only a refund form has (a list page's "Od"/"Do" filter is not one). */
const REFUND_DISTINCTIVE: readonly RefundField[] = ['hourlyBase', 'percentage', 'amount', 'baseAmount', 'baseHours', 'baseYear', 'baseMonths', 'valorisation', 'monthlyObligation'];
const A1_DISTINCTIVE: readonly A1Field[] = ['surnameAtBirth', 'birthPlace', 'citizenship', 'addressInSlovenia', 'addressAbroad', 'start', 'end', 'placeOfWork', 'tasks', 'clientName'];

/** How many distinct fields of each form the page has, by label. */
export function formFieldCounts(root: ParentNode): { refund: { total: number; distinctive: number; key: boolean }; a1: { total: number; distinctive: number; key: boolean } } {
  const refund = locateFields(root, REFUND_LABELS).byField;
  const a1 = locateFields(root, A1_LABELS).byField;
  return {
    refund: { total: refund.size, distinctive: REFUND_DISTINCTIVE.filter((f) => refund.has(f)).length, key: refund.has('certificateNumber') },
    a1: { total: a1.size, distinctive: A1_DISTINCTIVE.filter((f) => a1.has(f)).length, key: a1.has('emso') },
  };
}

/**
 * Which of the two forms this page is, or null. The form's key field (certificate number /
 * EMŠO) must be there, with either the form's heading and one more of its own fields, or
 * three of its own fields without the heading.
 */
export function recogniseFormPage(doc: Document, headingText: string): FormPageKind | null {
  if (!doc.querySelector('input, select, textarea')) return null;
  const counts = formFieldCounts(doc);
  const refundHeading = findPhrase(headingText, FORM_PAGE_TEXT.refundForm) !== null;
  const a1Heading = findPhrase(headingText, FORM_PAGE_TEXT.a1Form) !== null;
  const refund = counts.refund.key && counts.refund.distinctive >= (refundHeading ? 1 : 3);
  const a1 = counts.a1.key && counts.a1.distinctive >= (a1Heading ? 1 : 3);
  if (refund && a1) return counts.a1.distinctive > counts.refund.distinctive ? 'a1Form' : 'refundForm';
  return refund ? 'refundForm' : a1 ? 'a1Form' : null;
}

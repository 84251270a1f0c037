import type { EmployerRow } from '../rows.ts';
import type { PostingForForm, PostingView } from '../protocol/a1.ts';
import { a1IssueTexts, countryName } from './a1Checks.ts';
import { a1Plan } from './a1Form.ts';

/**
 * The postings as the in-page helper offers them on SPOT's A1 form: checked, worded and
 * planned here (in the background), so the content script carries neither the A1 rules nor
 * the country table (issue 8: its size budget).
 */
export function postingsForForm(views: readonly PostingView[], employer: EmployerRow): PostingForForm[] {
  const all = views.map((v) => v.posting);
  return views.map((v) => ({
    ...v, issueTexts: a1IssueTexts(v.issues, v.posting, all), countryName: countryName(v.posting.country), plan: a1Plan(v.posting, employer),
  }));
}

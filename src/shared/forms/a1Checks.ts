/**
 * The A1 checks (`checkPosting`, RULES §9) in the user's words, with dates as the user writes
 * them: the same sentences in the popup's register and in the helper on SPOT's A1 form.
 */
import { countryOf, earliestFiling, latestEnd, type A1Issue, type Posting } from '../../lib/a1.ts';
import { formatDate } from '../../lib/format.ts';
import { A1_FILE_DAYS_BEFORE, A1_MAX_MONTHS } from '../../lib/rules/a1.ts';
import { t, userLanguage, type Lang, type MessageKey } from '../i18n.ts';

/** The country's name in the user's language (the code when it is not an A1 country). */
export function countryName(code: string, lang: Lang = userLanguage()): string {
  const c = countryOf(code);
  return c ? c[lang] : code;
}

/** The others that overlap the posting, in the order `checkPosting` reports them. */
function overlapping(p: Posting, others: readonly Posting[]): Posting[] {
  return others.filter((o) => !(o.id !== undefined && o.id === p.id) && o.person.emso === p.person.emso && o.start <= p.end && p.start <= o.end);
}

/** One sentence per issue, in the same order. */
export function a1IssueTexts(issues: readonly A1Issue[], p: Posting, others: readonly Posting[], lang: Lang = userLanguage()): string[] {
  const date = (iso: string) => formatDate(iso, lang);
  const overlaps = overlapping(p, others);
  let overlap = 0;
  return issues.map((issue) => {
    switch (issue.code) {
      case 'TOO_EARLY': return t('a1_check_TOO_EARLY', String(A1_FILE_DAYS_BEFORE.value), date(earliestFiling(p.start)));
      case 'RETROACTIVE': return t('a1_check_RETROACTIVE', date(p.start));
      case 'OVER_24_MONTHS': return t('a1_check_OVER_24_MONTHS', String(A1_MAX_MONTHS.value), date(latestEnd(p.start)));
      case 'END_BEFORE_START': return t('a1_check_END_BEFORE_START', date(p.end), date(p.start));
      case 'OVERLAP': {
        const o = overlaps[overlap++];
        return o ? t('a1_check_OVERLAP', countryName(o.country, lang), date(o.start), date(o.end)) : issue[lang];
      }
      case 'COUNTRY_NOT_COVERED': return p.country.trim() === '' ? t('a1_check_NO_COUNTRY') : t('a1_check_COUNTRY_NOT_COVERED', p.country);
      case 'MISSING_FIELD': return t('a1_check_MISSING_FIELD');
      case 'BAD_DATE': return t('a1_check_BAD_DATE');
      // The EMŠO check says exactly what is wrong (length, birth date, check digit), in both languages.
      case 'BAD_EMSO': return issue[lang];
    }
  });
}

/** A posting's field as `checkPosting` names it → the form field whose words label it. */
export const POSTING_FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  'person.emso': 'a1_field_emso',
  'person.name': 'a1_field_name',
  'person.surname': 'a1_field_surname',
  'person.surnameAtBirth': 'a1_field_surnameAtBirth',
  'person.birthPlace': 'a1_field_birthPlace',
  'person.citizenship': 'a1_field_citizenship',
  'person.addressInSlovenia': 'a1_field_addressInSlovenia',
  'person.addressAbroad': 'a1_field_addressAbroad',
  country: 'a1_field_country',
  placeOfWork: 'a1_field_placeOfWork',
  'client.name': 'a1_field_clientName',
  'client.address': 'a1_field_clientAddress',
  'client.taxNumber': 'a1_field_clientTaxNumber',
  tasks: 'a1_field_tasks',
  start: 'a1_field_start',
  end: 'a1_field_end',
  originalBasis: 'a1_field_originalBasis',
  filedOn: 'a1_field_filedOn',
};

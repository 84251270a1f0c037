import { addDays, addMonths, daysInMonth, isIsoDate, type IsoDate } from './dates.ts';
import { nthWorkingDay } from './calendar.ts';
import { validateEmso } from './identifiers.ts';
import {
  A1_COUNTRIES, A1_DECISION_WORKING_DAYS, A1_FILE_DAYS_BEFORE, A1_MAX_MONTHS, A1_UK_RETROACTIVE,
  ORIGINAL_INSURANCE_BASES, POSTING_INSURANCE_BASIS,
} from './rules/a1.ts';
import { validOn } from './rules/types.ts';

/** A posting of one person abroad (the A1 register, RULES §9). */
export interface Posting {
  id?: string | number;
  person: {
    emso: string;
    name: string;
    surname: string;
    surnameAtBirth?: string;
    birthPlace?: string;
    /** Citizenship as written on the form (`slovensko`, `SI`). */
    citizenship?: string;
    addressInSlovenia?: string;
    addressAbroad?: string;
  };
  /** ISO 3166 alpha-2 code (`AT`, `GB`). */
  country: string;
  placeOfWork: string;
  client: { name: string; address: string; taxNumber: string };
  tasks: string;
  start: IsoDate;
  end: IsoDate;
  /** Insurance basis to return to after the posting (001, 013 or 029). */
  originalBasis?: string;
}

export type A1CheckCode =
  | 'BAD_DATE' | 'END_BEFORE_START' | 'TOO_EARLY' | 'RETROACTIVE' | 'OVER_24_MONTHS' | 'OVERLAP'
  | 'COUNTRY_NOT_COVERED' | 'BAD_EMSO' | 'MISSING_FIELD';

export interface A1Issue {
  code: A1CheckCode;
  field: string;
  sl: string;
  en: string;
}

export function countryOf(code: string): (typeof A1_COUNTRIES)[number] | null {
  return A1_COUNTRIES.find((c) => c.code === code.trim().toUpperCase()) ?? null;
}

/** Birth date and sex as the EMŠO encodes them (DDMMLLL RR BBB K; BBB 000–499 male, 500–999 female). */
export function emsoFacts(emso: string): { birthDate: IsoDate | null; sex: 'M' | 'Ž' | null } {
  const m = /^(\d{2})(\d{2})(\d{3})\d{2}(\d{3})\d$/.exec(emso.trim());
  if (!m) return { birthDate: null, sex: null };
  const yyy = Number(m[3]);
  const year = yyy >= 800 ? 1000 + yyy : 2000 + yyy;
  const date = `${year}-${m[2]}-${m[1]}`;
  return { birthDate: isIsoDate(date) ? date : null, sex: Number(m[4]) < 500 ? 'M' : 'Ž' };
}

/** The last day a posting starting on `start` may end: start + 24 months − 1 day. */
export function latestEnd(start: IsoDate): IsoDate {
  const month = addMonths(start.slice(0, 7), A1_MAX_MONTHS.value);
  const day = Number(start.slice(8, 10));
  const last = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  return addDays(`${month}-${String(Math.min(day, last)).padStart(2, '0')}`, -1);
}

/** The earliest day the application may be filed. */
export function earliestFiling(start: IsoDate): IsoDate {
  return addDays(start, -A1_FILE_DAYS_BEFORE.value);
}

/**
 * Checks before prefilling SPOT's A1 form (RULES §9). Every problem is returned, each naming
 * its field, so the user can fix them all at once. `others` are the person's other postings.
 */
export function checkPosting(p: Posting, today: IsoDate, others: readonly Posting[] = []): A1Issue[] {
  const issues: A1Issue[] = [];
  const add = (code: A1CheckCode, field: string, sl: string, en: string): void => { issues.push({ code, field, sl, en }); };

  const required: [string, string][] = [
    ['person.surname', p.person.surname], ['person.name', p.person.name], ['placeOfWork', p.placeOfWork],
    ['client.name', p.client.name], ['client.address', p.client.address], ['tasks', p.tasks],
  ];
  for (const [field, value] of required) {
    if (!value || !value.trim()) add('MISSING_FIELD', field, 'Polje je obvezno.', 'This field is required.');
  }
  const emso = validateEmso(p.person.emso);
  if (!emso.ok) add('BAD_EMSO', 'person.emso', emso.message, 'The EMŠO is not valid.');

  const country = countryOf(p.country);
  if (!country) {
    add('COUNTRY_NOT_COVERED', 'country',
      `Za državo »${p.country}« se potrdilo A1 po 12. členu ne izda: velja za države EU, EGP, Švico in Združeno kraljestvo (Slovenija ni napotitev v tujino).`,
      `No A1 under art. 12 for "${p.country}": it covers the EU, EEA, Switzerland and the United Kingdom (Slovenia is not a posting abroad).`);
  }

  if (!isIsoDate(p.start) || !isIsoDate(p.end)) {
    if (!isIsoDate(p.start)) add('BAD_DATE', 'start', 'Datum začetka ni veljaven.', 'The start date is not valid.');
    if (!isIsoDate(p.end)) add('BAD_DATE', 'end', 'Datum konca ni veljaven.', 'The end date is not valid.');
    return issues;
  }
  if (p.end < p.start) {
    add('END_BEFORE_START', 'end', `Konec napotitve (${p.end}) je pred začetkom (${p.start}).`, `The posting ends (${p.end}) before it starts (${p.start}).`);
  } else if (p.end > latestEnd(p.start)) {
    add('OVER_24_MONTHS', 'end',
      `Napotitev traja več kot ${A1_MAX_MONTHS.value} mesecev: končati se mora najpozneje ${latestEnd(p.start)}.`,
      `The posting lasts more than ${A1_MAX_MONTHS.value} months: it must end by ${latestEnd(p.start)}.`);
  }
  const filing = earliestFiling(p.start);
  if (today < filing) {
    add('TOO_EARLY', 'start',
      `Vlogo lahko oddate največ ${A1_FILE_DAYS_BEFORE.value} dni pred začetkom napotitve, torej od ${filing}.`,
      `The application can be filed at most ${A1_FILE_DAYS_BEFORE.value} days before the posting starts, i.e. from ${filing}.`);
  }
  const ukCatchUp = country?.code === 'GB' && validOn([A1_UK_RETROACTIVE], p.start) !== null;
  if (p.start < today && !ukCatchUp) {
    add('RETROACTIVE', 'start',
      `Začetek napotitve (${p.start}) je v preteklosti: A1 se za nazaj ne izda.`,
      `The posting start (${p.start}) is in the past: A1 is never issued retroactively.`);
  }
  for (const o of others) {
    if (o.id !== undefined && o.id === p.id) continue;
    if (o.person.emso !== p.person.emso) continue;
    if (o.start <= p.end && p.start <= o.end) {
      add('OVERLAP', 'start',
        `Se prekriva z drugo napotitvijo iste osebe (${o.country}, ${o.start} – ${o.end}).`,
        `Overlaps another posting of the same person (${o.country}, ${o.start} – ${o.end}).`);
    }
  }
  return issues;
}

export interface PostingReminder {
  kind: 'deregister-posting-basis' | 'register-original-basis';
  due: IsoDate;
  sl: string;
  en: string;
}

/** What to file when a posting ends (RULES §9): M-2 out of basis 002, M-3 back into the original basis. */
export function postingEndReminders(p: Posting): PostingReminder[] {
  const basis = p.originalBasis && ORIGINAL_INSURANCE_BASES.includes(p.originalBasis) ? p.originalBasis : ORIGINAL_INSURANCE_BASES.join('/');
  const next = addDays(p.end, 1);
  return [
    {
      kind: 'deregister-posting-basis', due: p.end,
      sl: `Odjava iz zavarovanja po podlagi ${POSTING_INSURANCE_BASIS} (M-2) za ${p.person.surname} ${p.person.name} ob koncu napotitve ${p.end}.`,
      en: `De-register ${p.person.name} ${p.person.surname} from insurance basis ${POSTING_INSURANCE_BASIS} (M-2) at the posting's end, ${p.end}.`,
    },
    {
      kind: 'register-original-basis', due: next,
      sl: `Prijava v zavarovanje po prvotni podlagi ${basis} (M-3) od ${next}.`,
      en: `Register under the original insurance basis ${basis} (M-3) from ${next}.`,
    },
  ];
}

/** ZZZS decides within 5 working days of a complete application. */
export function decisionDue(filedOn: IsoDate): IsoDate {
  return nthWorkingDay(addDays(filedOn, 1), A1_DECISION_WORKING_DAYS.value);
}

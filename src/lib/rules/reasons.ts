import type { Dated } from './types.ts';

/**
 * Reasons for absence (razlog zadržanosti) and who pays them: RULES §2.
 * Sources: ZDR-1 art. 137 (employer part); ZZVZZ art. 31 as amended by ZUJF art. 6
 * (ZZZS percentages, in force from 2012-06-01); zavarovanec.zzzs.si.
 */

/**
 * Absences chain only within a group (RULES §4): A = illness and injuries outside work,
 * B = occupational disease and injury at work; every other reason is its own group.
 */
export type ReasonGroup = 'A' | 'B' | 'OWN';

export interface ZzzsPercentages {
  /** For calendar days 1–90 of ZZZS payment. */
  first90: number;
  /** From calendar day 91 of ZZZS payment. */
  from91: number;
}

export interface Reason {
  code: string;
  sl: string;
  en: string;
  group: ReasonGroup;
  /** Percentage of the employer-paid part; null when ZZZS pays from the first day. */
  employerPercent: number | null;
  zzzs: readonly Dated<ZzzsPercentages>[];
  /** Last day a certificate with this reason is issued, when it was discontinued. */
  issuedUntil?: string;
}

const ZUJF = '2012-06-01';
const ZZVZZ31 = 'ZZVZZ čl. 31 (ZUJF čl. 6); zavarovanec.zzzs.si, višina nadomestila';

const zzzs = (first90: number, from91: number, status?: 'UNCONFIRMED', source = ZZVZZ31): Dated<ZzzsPercentages>[] =>
  [{ from: ZUJF, value: { first90, from91 }, source, ...(status ? { status } : {}) }];

export const REASONS: readonly Reason[] = [
  { code: '01', sl: 'bolezen', en: 'illness', group: 'A', employerPercent: 80, zzzs: zzzs(80, 90) },
  { code: '02', sl: 'poškodba izven dela', en: 'injury outside work', group: 'A', employerPercent: 80, zzzs: zzzs(70, 80) },
  { code: '03', sl: 'poklicna bolezen', en: 'occupational disease', group: 'B', employerPercent: 100, zzzs: zzzs(100, 100) },
  { code: '04', sl: 'poškodba pri delu', en: 'injury at work', group: 'B', employerPercent: 100, zzzs: zzzs(100, 100) },
  {
    code: '05', sl: 'poškodba izven dela po tretji osebi', en: 'injury outside work caused by a third party',
    group: 'A', employerPercent: 80, zzzs: zzzs(70, 80, 'UNCONFIRMED', `${ZZVZZ31}; 70 % kot pri razlogu 02 ni potrjeno`),
  },
  { code: '06', sl: 'nega družinskega člana', en: 'care of a family member', group: 'OWN', employerPercent: null, zzzs: zzzs(80, 80) },
  { code: '07', sl: 'transplantacija', en: 'organ or tissue donation', group: 'OWN', employerPercent: null, zzzs: zzzs(90, 100) },
  { code: '08', sl: 'izolacija', en: 'isolation', group: 'OWN', employerPercent: null, zzzs: zzzs(90, 100) },
  { code: '09', sl: 'spremstvo', en: 'accompanying', group: 'OWN', employerPercent: null, zzzs: zzzs(70, 80) },
  {
    code: '10', sl: 'usposabljanje za rehabilitacijo otroka', en: 'training for a child\'s rehabilitation',
    group: 'OWN', employerPercent: null, zzzs: zzzs(80, 80, 'UNCONFIRMED'), issuedUntil: '2021-04-16',
  },
  {
    code: '11', sl: 'poškodba ali poklicna bolezen pri dejavnostih iz 18. člena ZZVZZ',
    en: 'injury or occupational disease in activities under ZZVZZ art. 18',
    group: 'OWN', employerPercent: null, zzzs: zzzs(100, 100),
  },
  {
    code: '12', sl: 'darovanje krvi', en: 'blood donation', group: 'OWN', employerPercent: null,
    zzzs: zzzs(100, 100, 'UNCONFIRMED', 'ZDR-1 čl. 167 (v breme zdravstvenega zavarovanja); 100 % je verjetno, ni potrjeno'),
  },
  {
    code: '16', sl: 'sobivanje z otrokom', en: 'staying with a hospitalised child', group: 'OWN', employerPercent: null,
    zzzs: [{ from: '2021-04-17', value: { first90: 80, from91: 80 }, source: 'ZZVZZ čl. 31; ooz-maribor.si, help.minimax.si »sobivanje«' }],
  },
];

const BY_CODE = new Map(REASONS.map((r) => [r.code, r]));

export function reasonOf(code: string): Reason | null {
  return BY_CODE.get(code) ?? null;
}

export function employerPaysFirst(reason: Reason): boolean {
  return reason.employerPercent !== null;
}

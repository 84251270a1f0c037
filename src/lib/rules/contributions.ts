import type { Dated } from './types.ts';

/**
 * A self-employed person's (s.p., insurance basis 005) monthly social-security
 * contributions: dated rates, the flat compulsory health contribution, and the minimum and
 * maximum insurance base. A self-employed person pays both the insured person's and the
 * employer's share, so each rate below is the sum of the two.
 *
 * What was checked, and where (March 2026):
 * - Rates 15,50 + 8,85 (PIZ), 6,36 + 6,56 + 0,53 (ZZ with injuries at work), 0,10 + 0,10
 *   (parental protection), 0,14 + 0,06 (employment): Zveza računovodij, finančnikov in
 *   revizorjev, "Uporabni podatki H. Prispevki za socialno varnost družbenikov in
 *   samozaposlenih" (zvezarfr.si, table for 2022), the same figures in older summaries
 *   (in-fit.si); they are unchanged since before 2013.
 * - Long-term care 2 % for the self-employed (1 % + 1 %) from 1 July 2025: Slovenske
 *   novice / STA 23 Jan 2026 citing ZZZS ("samozaposleni morajo plačati dva odstotka"),
 *   cekin.si 3 Mar 2026.
 * - Compulsory health contribution (OZP, ZZVZZ-T, Uradni list RS 78/2023): 35 € from
 *   1 January 2024 — not March 2024 — to February 2025 (Crowe Slovenija "Novosti v 2024",
 *   citing the ministry); 37,17 € from 1 March 2025 and 39,36 € from 1 March 2026 (STA via
 *   siol.net 20 Feb 2026 and delo.si 1 Mar 2026: indexed every 1 March by the growth of
 *   the average gross wage of the previous year).
 * - Minimum base 60 % of the average annual gross wage (from 2018; 54–58 % in 2015–2017,
 *   ZPIZ-2 art. 410), maximum 3,5 × (ZPIZ-2 art. 145(5)): zvezarfr.si table H, minimax
 *   help "Osnova za plačilo prispevkov", 24ur.com citing FURS (Dec 2021).
 * - Average annual gross wage 2024: 2.394,32 € (convex.si citing SURS, Feb 2025, minimum
 *   base 1.436,59 €); 2025: 2.536,03 € (cekin.si and esimplee.com citing SURS, Feb/Mar
 *   2026, minimum base 1.521,62 €). Cross-check: these rates on 1.521,62 € plus 37,17 €
 *   give 648,85 €, the 2026 minimum esimplee.com published.
 * Not verified (UNCONFIRMED): the 2022 and 2023 average wages (derived), and which
 * year's average applies to January (see AVERAGE_WAGE_YEAR_LAG).
 */

export type ContributionCode = 'PIZ' | 'ZZ' | 'STV' | 'ZAP' | 'DO' | 'OZP';
/** The contributions computed as a percentage of the insurance base. */
export type RateCode = Exclude<ContributionCode, 'OZP'>;

export const CONTRIBUTION_NAMES: Record<ContributionCode, { sl: string; en: string }> = {
  PIZ: { sl: 'prispevek za pokojninsko in invalidsko zavarovanje', en: 'pension and disability insurance' },
  ZZ: { sl: 'prispevek za zdravstveno zavarovanje', en: 'health insurance' },
  STV: { sl: 'prispevek za starševsko varstvo', en: 'parental protection' },
  ZAP: { sl: 'prispevek za zaposlovanje', en: 'employment (unemployment insurance)' },
  DO: { sl: 'prispevek za dolgotrajno oskrbo', en: 'long-term care' },
  OZP: { sl: 'obvezni zdravstveni prispevek', en: 'compulsory health contribution' },
};

/** Order in which lines are listed (as on FURS's invoice). */
export const CONTRIBUTION_ORDER: readonly ContributionCode[] = ['PIZ', 'ZZ', 'STV', 'ZAP', 'DO', 'OZP'];

/** One share of a rate, in percent of the base, as decimal text. */
export interface RatePart {
  sl: string;
  en: string;
  percent: string;
}

const insured = (percent: string): RatePart => ({ sl: 'zavarovanec', en: 'insured person', percent });
const employer = (percent: string): RatePart => ({ sl: 'delodajalec', en: 'employer', percent });

const RATES_SOURCE = 'ZPSV; zvezarfr.si, Uporabni podatki H (prispevki samozaposlenih)';

/** Percent of the insurance base, by kind; the shares add up to the rate. */
export const CONTRIBUTION_RATES: Record<RateCode, readonly Dated<readonly RatePart[]>[]> = {
  PIZ: [{ from: '2013-01-01', value: [insured('15.50'), employer('8.85')], source: `${RATES_SOURCE}; ZPIZ-2` }],
  ZZ: [{
    from: '2013-01-01',
    value: [insured('6.36'), employer('6.56'), { sl: 'poškodbe pri delu in poklicne bolezni', en: 'injuries at work and occupational diseases', percent: '0.53' }],
    source: `${RATES_SOURCE}; ZZVZZ`,
  }],
  STV: [{ from: '2013-01-01', value: [insured('0.10'), employer('0.10')], source: RATES_SOURCE }],
  ZAP: [{ from: '2013-01-01', value: [insured('0.14'), employer('0.06')], source: RATES_SOURCE }],
  DO: [{
    from: '2025-07-01', value: [insured('1.00'), employer('1.00')],
    source: 'prispevek za dolgotrajno oskrbo od 1. 7. 2025, samozaposleni 2 % (ZZZS po Slovenskih novicah, 23. 1. 2026; cekin.si, 3. 3. 2026)',
  }],
};

/** The flat compulsory health contribution (obvezni zdravstveni prispevek), € per month. */
export const COMPULSORY_HEALTH_CONTRIBUTION: readonly Dated<string>[] = [
  { from: '2024-01-01', to: '2025-02-28', value: '35.00', source: 'ZZVZZ-T (Uradni list RS, št. 78/2023); Crowe Slovenija, Novosti v 2024' },
  { from: '2025-03-01', to: '2026-02-28', value: '37.17', source: 'uskladitev 1. 3. 2025 (STA po siol.net, 20. 2. 2026)' },
  { from: '2026-03-01', value: '39.36', source: 'uskladitev 1. 3. 2026 (+5,9 %; delo.si, 1. 3. 2026)' },
];

/** Minimum insurance base of the self-employed as a share of the average wage. */
export const MINIMUM_BASE_SHARE: readonly Dated<string>[] = [
  { from: '2018-01-01', value: '0.60', source: 'ZPIZ-2 čl. 145 in 410 (60 % od 2018); help.minimax.si, zvezarfr.si' },
];

/** Maximum insurance base as a multiple of the average wage. */
export const MAXIMUM_BASE_MULTIPLE: readonly Dated<string>[] = [
  { from: '2013-01-01', value: '3.5', source: 'ZPIZ-2 čl. 145(5); zvezarfr.si, Uporabni podatki H' },
];

/**
 * Average annual gross wage in Slovenia (SURS, "povprečna letna plača, preračunana na
 * mesec"), by the year it describes. The bases use the exact SURS figure; `rules/wages.ts`
 * keeps a rounded 2024 figure for the compensation cap, which is why this table is separate.
 */
export const AVERAGE_WAGE_FOR_BASES: readonly Dated<string>[] = [
  { from: '2022-01-01', to: '2022-12-31', value: '2023.92', source: 'izpeljano iz najnižje osnove 1.214,35 € = 60 % (zvezarfr.si, tabela D)', status: 'UNCONFIRMED' },
  { from: '2023-01-01', to: '2023-12-31', value: '2255', source: 'SURS (izpeljano, kot rules/wages.ts)', status: 'UNCONFIRMED' },
  { from: '2024-01-01', to: '2024-12-31', value: '2394.32', source: 'SURS po convex.si (feb. 2025: najnižja osnova 1.436,59 €)' },
  { from: '2025-01-01', to: '2025-12-31', value: '2536.03', source: 'SURS po cekin.si in esimplee.com (feb./mar. 2026: najnižja osnova 1.521,62 €)' },
];

/**
 * Which year's average wage sets the bases of a contribution month. SURS publishes the
 * previous year's average at the end of February, so February's contributions (due
 * 20 March) are the first to use it; January's (due 20 February) still use the year
 * before. Source: help.minimax.si "Najnižje osnove … od 1. januarja 2015 dalje" ("za
 * obračun prispevkov za januar … PP predpreteklega leta, od februarja dalje PP preteklega
 * leta"), written for 2015 — not confirmed for later years.
 */
export const AVERAGE_WAGE_YEAR_LAG: Dated<{ january: number; otherMonths: number }> = {
  from: '2015-01-01',
  value: { january: 2, otherMonths: 1 },
  source: 'help.minimax.si, Najnižje osnove za plačilo prispevkov od 1. 1. 2015 (januar: predpreteklo leto)',
  status: 'UNCONFIRMED',
};

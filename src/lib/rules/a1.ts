import type { Dated } from './types.ts';

/** Posting of workers abroad and the A1 certificate (RULES §9). */

const REG = 'Uredba (ES) 883/2004 čl. 12; ZČmIS-1';

/** Countries where an A1 under art. 12 applies: EU (without Slovenia), EEA, Switzerland; the UK under SSC.11. */
export const A1_COUNTRIES: readonly { code: string; sl: string; en: string; basis: string }[] = [
  ...([
    ['AT', 'Avstrija', 'Austria'], ['BE', 'Belgija', 'Belgium'], ['BG', 'Bolgarija', 'Bulgaria'], ['CY', 'Ciper', 'Cyprus'],
    ['CZ', 'Češka', 'Czechia'], ['DE', 'Nemčija', 'Germany'], ['DK', 'Danska', 'Denmark'], ['EE', 'Estonija', 'Estonia'],
    ['ES', 'Španija', 'Spain'], ['FI', 'Finska', 'Finland'], ['FR', 'Francija', 'France'], ['GR', 'Grčija', 'Greece'],
    ['HR', 'Hrvaška', 'Croatia'], ['HU', 'Madžarska', 'Hungary'], ['IE', 'Irska', 'Ireland'], ['IT', 'Italija', 'Italy'],
    ['LT', 'Litva', 'Lithuania'], ['LU', 'Luksemburg', 'Luxembourg'], ['LV', 'Latvija', 'Latvia'], ['MT', 'Malta', 'Malta'],
    ['NL', 'Nizozemska', 'Netherlands'], ['PL', 'Poljska', 'Poland'], ['PT', 'Portugalska', 'Portugal'],
    ['RO', 'Romunija', 'Romania'], ['SE', 'Švedska', 'Sweden'], ['SK', 'Slovaška', 'Slovakia'],
  ] as const).map(([code, sl, en]) => ({ code, sl, en, basis: `${REG} (EU)` })),
  { code: 'IS', sl: 'Islandija', en: 'Iceland', basis: `${REG} (EGP)` },
  { code: 'LI', sl: 'Lihtenštajn', en: 'Liechtenstein', basis: `${REG} (EGP)` },
  { code: 'NO', sl: 'Norveška', en: 'Norway', basis: `${REG} (EGP)` },
  { code: 'CH', sl: 'Švica', en: 'Switzerland', basis: `${REG} (sporazum EU–Švica)` },
  { code: 'GB', sl: 'Združeno kraljestvo', en: 'United Kingdom', basis: 'Sporazum EU–ZK o trgovini in sodelovanju, protokol SSC, čl. SSC.11' },
];

/** The application may be filed at most this many days before the posting starts. */
export const A1_FILE_DAYS_BEFORE: Dated<number> = { from: '1900-01-01', value: 30, source: 'ZZZS, napotitev: vloga največ 30 dni pred začetkom' };

/** A posting under art. 12 lasts at most this many months. */
export const A1_MAX_MONTHS: Dated<number> = { from: '1900-01-01', value: 24, source: `${REG} (največ 24 mesecev)` };

/** The UK catch-up: A1 for postings that began in 2021 could still be issued afterwards. */
export const A1_UK_RETROACTIVE: Dated<true> = { from: '2021-01-01', to: '2021-12-31', value: true, source: 'ZZZS, napotitve v ZK (2021)' };

/** ZZZS decides within this many working days of a complete application. */
export const A1_DECISION_WORKING_DAYS: Dated<number> = { from: '1900-01-01', value: 5, source: 'ZZZS, napotitev (odločba v 5 delovnih dneh)' };

/** Insurance bases: the posting basis and the ones a worker returns to (M-2/M-3). */
export const POSTING_INSURANCE_BASIS = '002';
export const ORIGINAL_INSURANCE_BASES: readonly string[] = ['001', '013', '029'];

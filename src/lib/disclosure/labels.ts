import type { LabelTable } from '../text/labels.ts';

/**
 * THE label table of the FURS disclosure readers (CSV and XML). FURS does not publish the
 * file layout, so this is the project's model of it (FORMATS.md); when the real portal
 * writes a label differently, add the synonym here and nowhere else.
 *
 * Labels are compared folded (case, č/š/ž, punctuation and spaces do not matter) and also
 * without spaces, so the XML element names (`StevilkaPoizvedbe`, `SteviloUr`) are covered
 * by the same synonyms. Matching rules: `src/lib/text/labels.ts`.
 */

/** Keys of the header block (`key;value` lines, or XML header elements/attributes). */
export type HeaderField =
  | 'queryNumber'
  | 'employerTaxNumber'
  | 'workerTaxNumber'
  | 'preparedOn'
  | 'validUntil'
  | 'basePeriod'
  | 'basePeriodFrom'
  | 'basePeriodTo'
  | 'payer';

export const HEADER_LABELS: LabelTable<HeaderField> = {
  queryNumber: ['Številka poizvedbe', 'Enolična številka poizvedbe', 'Št. poizvedbe', 'ID poizvedbe', 'Identifikator poizvedbe', 'Oznaka poizvedbe'],
  employerTaxNumber: [
    'Davčna številka vlagatelja', 'Davčna številka delodajalca', 'Davčna številka izplačevalca', 'DŠ vlagatelja', 'DŠ delodajalca',
    // XML: <Vlagatelj><DavcnaStevilka> is read as "DavcnaStevilka Vlagatelj" (element + parent).
    'Davčna številka vlagatelj', 'Davčna številka delodajalec', 'Davčna številka izplačevalec',
  ],
  workerTaxNumber: [
    'Davčna številka prejemnika', 'Davčna številka prejemnika dohodka', 'Davčna številka delavca', 'Davčna številka zavarovanca',
    'DŠ prejemnika', 'DŠ delavca',
    'Davčna številka prejemnik', 'Davčna številka delavec', 'Davčna številka zavarovanec',
  ],
  preparedOn: ['Datum priprave', 'Datum priprave podatkov', 'Datum izdelave', 'Datum izpisa', 'Pripravljeno dne'],
  validUntil: ['Datum veljavnosti', 'Datum veljavnosti podatkov', 'Podatki veljavni na dan', 'Veljavno do', 'Stanje na dan'],
  /** One value `od - do` (also `01.01.2024;31.12.2024` in two cells, or a year `2024`). */
  basePeriod: ['Obdobje osnove', 'Obdobje za izračun osnove', 'Obdobje podatkov', 'Obdobje osnove od do'],
  basePeriodFrom: ['Obdobje osnove od', 'Obdobje od', 'Osnova od', 'Začetek obdobja', 'Od'],
  basePeriodTo: ['Obdobje osnove do', 'Obdobje do', 'Osnova do', 'Konec obdobja', 'Do'],
  /** `ZZZS` / `delodajalec` in any wording ("Osnova v breme ZZZS"), see PAYER_WORDS. */
  payer: ['Vrsta osnove', 'Osnova v breme', 'V breme', 'Plačnik', 'Plačnik nadomestila'],
};

/** Columns of the table (or children/attributes of an XML row). Extra columns are ignored. */
export type ColumnField = 'year' | 'month' | 'source' | 'incomeType' | 'amount' | 'hours';

export const COLUMN_LABELS: LabelTable<ColumnField> = {
  year: ['Leto', 'Leto izplačila', 'Leto obdobja'],
  /** A month number 1–12 next to *Leto*, or a whole month (`2024-01`, `01/2024`) on its own. */
  month: ['Mesec', 'Obdobje', 'Mesec izplačila', 'Obdobje izplačila', 'Mesec in leto', 'Leto in mesec', 'Mesec leto', 'Leto mesec'],
  source: ['Vir', 'Vir podatkov', 'Vir podatka', 'Obrazec', 'Vrsta obrazca'],
  incomeType: [
    'Vrsta dohodka', 'Zavarovalna podlaga', 'Šifra', 'Vrsta dohodka / zavarovalna podlaga', 'Vrsta dohodka ali zavarovalna podlaga',
    'Šifra vrste dohodka', 'Šifra dohodka', 'Vrsta dohodka podlaga', 'Podlaga', 'VD',
  ],
  amount: ['Znesek', 'Bruto', 'Bruto znesek', 'Znesek bruto', 'Znesek osnove', 'Bruto plača', 'Bruto osnova', 'Znesek v EUR'],
  hours: ['Ure', 'Število ur', 'Št. ur', 'Ur', 'Število ur osnove', 'Ure osnove', 'Delovne ure'],
};

/** How MISSING_COLUMNS names the columns a table must have. */
export const REQUIRED_COLUMN_NAMES = {
  period: 'Leto + Mesec (ali Obdobje)',
  source: 'Vir',
  incomeType: 'Vrsta dohodka / zavarovalna podlaga',
  amount: 'Znesek',
  hours: 'Ure',
} as const;

/** XML elements that are one row each. */
export const ROW_ELEMENT_NAMES = ['Vrstica', 'Podatek', 'Zapis', 'Postavka', 'Row'] as const;
/** XML elements that hold the rows of one period; an empty one means "no data". */
export const ROWS_CONTAINER_NAMES = ['Podatki', 'Vrstice', 'Zapisi', 'Postavke', 'Tabela'] as const;
/** An element with this name (`<NiPodatkov/>`) or this text marks a period without data. */
export const NO_DATA_NAMES = ['NiPodatkov', 'BrezPodatkov'] as const;
export const NO_DATA_TEXTS = ['ni podatkov', 'brez podatkov'] as const;

/** A row whose first cell is one of these is a sum line, not a month: skipped. */
export const TOTAL_ROW_LABELS = ['skupaj', 'skupno', 'sestevek', 'vsota', 'total'] as const;

/**
 * Values of *Vrsta osnove*: folded word prefixes. "Osnova v breme ZZZS" → zzzs,
 * "v breme delodajalca" → employer. Both or neither → null (not guessed).
 */
export const PAYER_WORDS = {
  zzzs: ['zzzs', 'zavod', 'zdravstven'],
  employer: ['delodajal'],
} as const;

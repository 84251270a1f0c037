import { type BaseWarningCode, rowWarnings } from '../baseRows.ts';
import type { IsoDate } from '../dates.ts';
import { ReadError, excerpt } from '../errors.ts';
import { parseDate, parsePeriod } from '../parse/date.ts';
import { foldLabel } from '../text/fold.ts';
import { type HeaderField, HEADER_LABELS, PAYER_WORDS } from './labels.ts';
import type { Disclosure, DisclosurePayer, DisclosureRow, DisclosureSection } from './model.ts';
import { sumField } from './totals.ts';

/**
 * Turns what a reader finds, in file order (header keys, table starts, rows, "NI
 * PODATKOV"), into a `Disclosure`. Shared by the CSV and the XML reader so both split a
 * file into sections the same way (FORMATS.md):
 *
 * - a section starts at its *Obdobje osnove* (or *od* / *do*, or *Vrsta osnove*) key when
 *   the current section already has content or already has that key, and at a table or
 *   "NI PODATKOV" that follows content;
 * - *Vrsta osnove* applies to every later section that does not repeat it (the header
 *   block's value is the file's default); the period never carries over;
 * - file-level keys (query number, tax numbers, dates) may be repeated by a section, but
 *   must not change: two different values mean two disclosures glued together, which is
 *   refused (`CONFLICTING_HEADER`) rather than mixed.
 */

/** The fixed order of warning codes (the same as `rowWarnings`, plus NO_DATA_IN_DISCLOSURE). */
export const DISCLOSURE_WARNING_ORDER: readonly BaseWarningCode[] = [
  'BLANK_CELLS', 'NO_DATA_IN_DISCLOSURE', 'AMOUNT_WITHOUT_HOURS', 'PARENTAL_40_HOURS_2023',
];

type FileField = 'queryNumber' | 'employerTaxNumber' | 'workerTaxNumber' | 'preparedOn' | 'validUntil';

interface SectionDraft {
  from: IsoDate | null;
  to: IsoDate | null;
  periodSet: boolean;
  payer: DisclosurePayer | null;
  payerSet: boolean;
  noData: boolean;
  tableSeen: boolean;
  rows: DisclosureRow[];
  line: number | undefined;
}

const FILE_FIELD_NAMES: Record<FileField, string> = {
  queryNumber: 'Številka poizvedbe',
  employerTaxNumber: 'Davčna številka vlagatelja',
  workerTaxNumber: 'Davčna številka prejemnika',
  preparedOn: 'Datum priprave',
  validUntil: 'Datum veljavnosti',
};

export class DisclosureBuilder {
  private readonly file: Record<FileField, string | null> = {
    queryNumber: null, employerTaxNumber: null, workerTaxNumber: null, preparedOn: null, validUntil: null,
  };
  private readonly sections: SectionDraft[] = [];
  private current: SectionDraft | null = null;
  private keys = 0;

  /** Anything recognised at all (a header key, a table, a row, "NI PODATKOV")? */
  get recognisedAnything(): boolean {
    return this.keys > 0 || this.sections.length > 0;
  }

  get rowCount(): number {
    return this.sections.reduce((n, s) => n + s.rows.length, 0);
  }

  header(field: HeaderField, raw: string, line?: number): void {
    this.keys++;
    const value = raw.trim();
    const label = HEADER_LABELS[field][0] ?? field;
    const ctx = { label, ...(line !== undefined ? { line } : {}) };
    switch (field) {
      case 'queryNumber':
        return this.setFile(field, value === '' ? null : value, line);
      case 'employerTaxNumber':
      case 'workerTaxNumber':
        return this.setFile(field, normaliseTaxNumber(value), line);
      case 'preparedOn':
      case 'validUntil':
        return this.setFile(field, parseDate(value, ctx), line);
      case 'basePeriod': {
        const p = /^\d{4}$/.test(value) ? { from: `${value}-01-01`, to: `${value}-12-31` } : parsePeriod(value, ctx);
        const s = this.sectionForKey((d) => d.periodSet, line);
        s.periodSet = true;
        s.from = p?.from ?? null;
        s.to = p?.to ?? null;
        return;
      }
      case 'basePeriodFrom': {
        const s = this.sectionForKey((d) => d.from !== null, line);
        s.periodSet = true;
        s.from = parseDate(value, ctx);
        return this.checkPeriod(s, raw, line);
      }
      case 'basePeriodTo': {
        const s = this.sectionForKey((d) => d.to !== null, line);
        s.periodSet = true;
        s.to = parseDate(value, ctx);
        return this.checkPeriod(s, raw, line);
      }
      case 'payer': {
        const s = this.sectionForKey((d) => d.payerSet, line);
        s.payerSet = true;
        s.payer = parsePayer(value);
        return;
      }
    }
  }

  /** A table header row: the rows that follow belong to the current section. */
  tableHeader(line?: number): void {
    const c = this.current;
    const s = !c || hasContent(c) ? this.open(line) : c;
    s.tableSeen = true;
  }

  row(row: DisclosureRow, line?: number): void {
    const c = this.current;
    const s = !c || c.noData ? this.open(line) : c;
    s.rows.push(row);
  }

  noData(line?: number): void {
    const c = this.current;
    const s = !c || c.rows.length > 0 || c.noData ? this.open(line) : c;
    s.noData = true;
  }

  finish(): Disclosure {
    if (this.sections.length === 0) {
      throw new ReadError(
        'NOT_RECOGNISED',
        'Najdena je glava poizvedbe, ni pa tabele z mesečnimi podatki niti oznake »NI PODATKOV«.',
        { expected: ['tabela (Leto, Mesec, Vir, Vrsta dohodka, Znesek, Ure)', 'NI PODATKOV'], found: [] },
      );
    }
    for (const s of this.sections) {
      if (s.rows.length === 0 && !s.noData && !s.tableSeen) {
        const period = s.from || s.to ? `${s.from ?? '?'} – ${s.to ?? '?'}` : 'brez obdobja';
        throw new ReadError(
          'NOT_RECOGNISED',
          `Obdobje osnove (${period}) nima ne tabele z mesečnimi podatki ne oznake »NI PODATKOV«.`,
          { expected: ['tabela (Leto, Mesec, Vir, Vrsta dohodka, Znesek, Ure)', 'NI PODATKOV'], found: [period], ...(s.line !== undefined ? { line: s.line } : {}) },
        );
      }
    }
    const defaultPayer = this.sections[0]?.payerSet ? this.sections[0].payer : null;
    const sections: DisclosureSection[] = this.sections.map((s) => {
      const noData = s.noData || s.rows.length === 0;
      return {
        basePeriod: { from: s.from, to: s.to },
        payer: s.payerSet ? s.payer : defaultPayer,
        noData,
        rows: noData ? [] : s.rows,
        totals: noData ? { amount: 0, hours: 0 } : { amount: sumField(s.rows, 'amount'), hours: sumField(s.rows, 'hours') },
      };
    });
    return {
      type: 'disclosure',
      queryNumber: this.file.queryNumber,
      employerTaxNumber: this.file.employerTaxNumber,
      workerTaxNumber: this.file.workerTaxNumber,
      preparedOn: this.file.preparedOn,
      validUntil: this.file.validUntil,
      sections,
      warnings: disclosureWarnings(sections),
    };
  }

  private open(line: number | undefined): SectionDraft {
    const s: SectionDraft = {
      from: null, to: null, periodSet: false, payer: null, payerSet: false,
      noData: false, tableSeen: false, rows: [], line,
    };
    this.sections.push(s);
    this.current = s;
    return s;
  }

  /** The section a section key belongs to: the current one, unless it is already "used". */
  private sectionForKey(alreadySet: (s: SectionDraft) => boolean, line: number | undefined): SectionDraft {
    const c = this.current;
    if (!c || hasContent(c) || alreadySet(c)) return this.open(line);
    return c;
  }

  private checkPeriod(s: SectionDraft, raw: string, line: number | undefined): void {
    if (s.from && s.to && s.from > s.to) {
      throw new ReadError('BAD_DATE', `Obdobje osnove se konča (${s.to}) pred začetkom (${s.from}).`, {
        expected: ['začetek ≤ konec'], found: [raw], ...(line !== undefined ? { line } : {}),
      });
    }
  }

  private setFile(field: FileField, value: string | null, line: number | undefined): void {
    const prev = this.file[field];
    if (value === null) return;
    if (prev !== null && prev !== value) {
      throw new ReadError(
        'CONFLICTING_HEADER',
        `Datoteka ima dve različni vrednosti za »${FILE_FIELD_NAMES[field]}«: »${excerpt(prev)}« in »${excerpt(value)}«. Ena datoteka naj vsebuje eno poizvedbo.`,
        { expected: [prev], found: [value], ...(line !== undefined ? { line } : {}) },
      );
    }
    this.file[field] = value;
  }
}

function hasContent(s: SectionDraft): boolean {
  return s.rows.length > 0 || s.noData || s.tableSeen;
}

/** Spaces removed, the `SI` of a VAT id dropped; not validated (that is the UI's job). */
export function normaliseTaxNumber(value: string): string | null {
  if (isDigits(value)) return value; // as FURS writes it: nothing to remove
  const v = value.replace(/[\s\u00a0]/g, '').replace(/^SI(?=\d)/i, '');
  return v === '' ? null : v;
}

/** "Osnova v breme ZZZS" → zzzs, "V breme delodajalca" → employer; unclear → null. */
export function parsePayer(value: string): DisclosurePayer | null {
  // Two wordings ("Osnova v breme ZZZS / delodajalca") come back in every file of a batch.
  const known = PAYERS.get(value);
  if (known !== undefined) return known;
  const words = foldLabel(value).split(' ');
  const zzzs = hasWordStarting(words, PAYER_WORDS.zzzs);
  const employer = hasWordStarting(words, PAYER_WORDS.employer);
  const payer = zzzs === employer ? null : zzzs ? 'zzzs' : 'employer';
  if (PAYERS.size >= 256) PAYERS.clear();
  PAYERS.set(value, payer);
  return payer;
}

const PAYERS = new Map<string, DisclosurePayer | null>();

function hasWordStarting(words: readonly string[], prefixes: readonly string[]): boolean {
  for (const w of words) for (const p of prefixes) if (w.startsWith(p)) return true;
  return false;
}

export function disclosureWarnings(sections: readonly DisclosureSection[]): BaseWarningCode[] {
  // Most files have one section: its rows are passed as they are, not copied.
  const rows = sections.length === 1 ? sections[0]!.rows : sections.flatMap((s) => s.rows);
  const codes = new Set<BaseWarningCode>(rowWarnings(rows));
  if (sections.some((s) => s.noData)) codes.add('NO_DATA_IN_DISCLOSURE');
  return DISCLOSURE_WARNING_ORDER.filter((c) => codes.has(c));
}

/** `/^\d+$/` without a RegExp. */
function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

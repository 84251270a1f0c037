import Papa from 'papaparse';
import { matchHeaders, type LabelTable } from '../lib/text/labels.ts';

/**
 * A list of workers exported from the payroll program (CSV with a header row), the link
 * FURS files lack: a disclosure names the worker by tax number, an eBOL by EMŠO and ZZZS
 * number. `spot-companion bases` recognises such a file among its inputs by its header.
 *
 *   Davčna številka;EMŠO;ZZZS številka;Priimek in ime
 *   87654326;0101985500011;012345678;Novak Ana
 */
export interface WorkerListEntry {
  taxNumber: string;
  emso: string | null;
  zzzsNumber: string | null;
  name: string | null;
  /** When the list names the employer, the entry only links disclosures of that employer. */
  employerTaxNumber: string | null;
}

type Field = 'taxNumber' | 'emso' | 'zzzsNumber' | 'name' | 'employerTaxNumber';

/** The one label table of worker lists (folded matching, see src/lib/text/labels.ts). */
export const WORKER_LIST_LABELS: LabelTable<Field> = {
  taxNumber: ['Davčna številka', 'Davčna številka delavca', 'Davčna številka zaposlenega', 'DŠ', 'DŠ delavca', 'Davčna'],
  emso: ['EMŠO', 'EMŠO delavca', 'Enotna matična številka občana'],
  zzzsNumber: ['ZZZS številka', 'Številka zavarovanca', 'ZZZS številka zavarovanca', 'Številka ZZZS', 'KZZ'],
  name: ['Priimek in ime', 'Ime in priimek', 'Delavec', 'Zaposleni', 'Zaposlena oseba'],
  employerTaxNumber: ['Davčna številka delodajalca', 'DŠ delodajalca', 'Delodajalec davčna številka'],
};

const digits = (s: string | undefined): string | null => {
  const d = (s ?? '').replace(/[\s.\-/]/g, '');
  return /^\d+$/.test(d) ? d : null;
};

function headerOf(text: string): { cells: string[]; delimiter: string } | null {
  const firstLine = text.replace(/^\ufeff/, '').split(/\r?\n/).find((l) => l.trim() !== '');
  if (!firstLine) return null;
  const delimiter = [';', '\t', ','].find((d) => firstLine.includes(d)) ?? ';';
  return { cells: firstLine.split(delimiter).map((c) => c.replace(/^"|"$/g, '').trim()), delimiter };
}

function columnsOf(cells: readonly string[]) {
  const { columns } = matchHeaders(cells, WORKER_LIST_LABELS);
  return columns.taxNumber !== undefined && (columns.emso !== undefined || columns.zzzsNumber !== undefined) ? columns : null;
}

/** True when the first line is a worker-list header: a tax number column and an EMŠO or ZZZS number column. */
export function looksLikeWorkerList(text: string): boolean {
  const header = headerOf(text);
  return header !== null && columnsOf(header.cells) !== null;
}

/** The entries of a worker list; rows without a tax number or without EMŠO/ZZZS number are left out. */
export function readWorkerList(text: string): WorkerListEntry[] {
  const header = headerOf(text);
  const columns = header ? columnsOf(header.cells) : null;
  if (!header || !columns) return [];
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { delimiter: header.delimiter, skipEmptyLines: 'greedy' });
  const cell = (row: string[], f: Field): string | undefined => (columns[f] === undefined ? undefined : row[columns[f]!]?.trim());
  const out: WorkerListEntry[] = [];
  for (const row of parsed.data.slice(1)) {
    const taxNumber = digits(cell(row, 'taxNumber'));
    const emso = digits(cell(row, 'emso'));
    const zzzsNumber = digits(cell(row, 'zzzsNumber'));
    if (!taxNumber || (!emso && !zzzsNumber)) continue;
    out.push({ taxNumber, emso, zzzsNumber, name: cell(row, 'name') || null, employerTaxNumber: digits(cell(row, 'employerTaxNumber')) });
  }
  return out;
}

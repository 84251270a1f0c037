import Papa from 'papaparse';
import { ReadError } from '../errors.ts';

export type Delimiter = ';' | '\t' | ',';

/** Only the start of a file is looked at: enough lines to see the header and the table. */
const SAMPLE_LINES = 200;

/**
 * FURS writes `;`. Excel may save tab-separated text, and some tools `,` — but Slovenian
 * numbers use the decimal comma, so `,` is accepted only when every table row splits
 * into the same number of fields as its neighbours (`2.345,67` unquoted would add one).
 */
export function sniffDelimiter(text: string): Delimiter {
  // Lines containing each separator, counted in one pass over the sample (no line copies).
  let semis = 0, tabs = 0, commas = 0, lines = 0;
  let semi = false, tab = false, comma = false;
  const end = text.length;
  for (let i = 0; i <= end && lines < SAMPLE_LINES; i++) {
    const c = i < end ? text.charCodeAt(i) : 10;
    if (c === 10) {
      if (semi) semis++;
      if (tab) tabs++;
      if (comma) commas++;
      semi = tab = comma = false;
      lines++;
    } else if (c === 59) semi = true;
    else if (c === 9) tab = true;
    else if (c === 44) comma = true;
  }
  if (semis > 0 || tabs > 0) return tabs > semis ? '\t' : ';';
  if (commas === 0) return ';';
  if (commaCountsConsistent(sampleLines(text).join('\n'))) return ',';
  throw new ReadError(
    'NOT_RECOGNISED',
    'Ločila stolpcev ni mogoče zanesljivo določiti: datoteka uporablja vejico, vrstice tabele pa nimajo enakega števila polj (vejica je verjetno tudi decimalna). Shranite datoteko s podpičjem (;) kot ločilom.',
    { expected: ['ločilo »;«, tabulator ali dosledna vejica'], found: ['»,« z neenakim številom polj'] },
  );
}

function sampleLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (out.length < SAMPLE_LINES && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    out.push(text.slice(start, end).replace(/\r$/, ''));
    start = end + 1;
  }
  return out;
}

/** Within each block of non-blank lines, all lines of ≥ 3 fields have the same field count. */
function commaCountsConsistent(sample: string): boolean {
  const rows = Papa.parse<string[]>(sample, { delimiter: ',', skipEmptyLines: false }).data;
  let blockCount: number | null = null;
  for (const row of rows) {
    const blank = row.every((c) => c.trim() === '');
    if (blank) { blockCount = null; continue; }
    if (row.length < 3) continue;
    if (blockCount === null) blockCount = row.length;
    else if (row.length !== blockCount) return false;
  }
  return true;
}

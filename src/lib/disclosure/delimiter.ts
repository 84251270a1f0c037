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
  // Lines containing each separator, among the first SAMPLE_LINES lines (split at LF; what
  // follows the last LF is a line too). Each separator's next position is found once with
  // indexOf and reused, so the sample is scanned natively, not char by char, and not copied.
  let semis = 0, tabs = 0, commas = 0;
  let nextSemi = text.indexOf(';'), nextTab = text.indexOf('\t'), nextComma = text.indexOf(',');
  let start = 0;
  for (let lines = 0; lines < SAMPLE_LINES; lines++) {
    let end = text.indexOf('\n', start);
    const last = end < 0;
    if (last) end = text.length;
    if (nextSemi >= 0 && nextSemi < start) nextSemi = text.indexOf(';', start);
    if (nextTab >= 0 && nextTab < start) nextTab = text.indexOf('\t', start);
    if (nextComma >= 0 && nextComma < start) nextComma = text.indexOf(',', start);
    if (nextSemi >= 0 && nextSemi < end) semis++;
    if (nextTab >= 0 && nextTab < end) tabs++;
    if (nextComma >= 0 && nextComma < end) commas++;
    if (last) break;
    start = end + 1;
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

import Papa from 'papaparse';
import type { Delimiter } from './delimiter.ts';

/**
 * The lines of a CSV text as trimmed cells, one array per line (blank lines included, so a
 * line's index + 1 is its number as long as no quoted cell spans lines).
 *
 * A disclosure without a `"` is split by hand: with no quote there is nothing to unescape,
 * and papaparse itself then only splits by the line ending and the delimiter (its "fast
 * mode") — but its set-up per call (config copies, streamer, result objects) costs more than
 * the split of a small file. A quoted file goes to papaparse. Both give the same cells
 * (test/lib/disclosure/cells.test.ts).
 */
export function trimmedCells(text: string, delimiter: Delimiter, newline: LineEnding): string[][] {
  if (text.indexOf('"') < 0) return splitPlain(text, delimiter, newline);
  return papaCells(text, delimiter, newline);
}

export type LineEnding = '\r\n' | '\n' | '\r';

/** The line ending papaparse is told: CRLF if any, else LF if any, else CR. */
export function lineEndingOf(text: string): LineEnding {
  return text.includes('\r\n') ? '\r\n' : text.includes('\n') ? '\n' : '\r';
}

/** The general path, also the reference the hand split is tested against. */
export function papaCells(text: string, delimiter: Delimiter, newline: LineEnding): string[][] {
  const rows = Papa.parse<string[]>(text, { delimiter, newline, skipEmptyLines: false }).data;
  return rows.map((row) => row.map((c) => c.trim()));
}

/**
 * What papaparse's fast mode does (split by `newline`, then by `delimiter`), with the cells
 * trimmed as they are cut. Like papaparse, a leading BOM is dropped and a text ending in a
 * line ending has a last, empty line.
 */
function splitPlain(text: string, delimiter: Delimiter, newline: LineEnding): string[][] {
  const rows: string[][] = [];
  const end = text.length;
  const step = newline.length;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (start === end) return []; // papaparse returns no line at all for an empty text
  // The next delimiter at or after `start`, found once and reused: a search is never
  // repeated over lines without a delimiter.
  let nextDelimiter = text.indexOf(delimiter, start);
  for (;;) {
    let lineEnd = text.indexOf(newline, start);
    const last = lineEnd < 0;
    if (last) lineEnd = end;
    const cells: string[] = [];
    let from = start;
    while (nextDelimiter >= 0 && nextDelimiter < lineEnd) {
      cells.push(text.slice(from, nextDelimiter).trim());
      from = nextDelimiter + 1;
      nextDelimiter = text.indexOf(delimiter, from);
    }
    cells.push(text.slice(from, lineEnd).trim());
    rows.push(cells);
    if (last) return rows;
    start = lineEnd + step;
  }
}

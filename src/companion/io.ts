import { rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { toCsv, type Column } from '../lib/csv.ts';
import type { FileNote } from './inputs.ts';
import { UsageError } from './errors.ts';

/** Where a command writes; `errIsTTY` decides whether a progress bar is drawn. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  errIsTTY?: boolean;
}

/** A command that wrote its own output returns this instead of a JSON value. */
export class Exit {
  constructor(readonly code: number) {}
}

export type TableFormat = 'excel-si' | 'csv' | 'json';
export const TABLE_FORMATS: readonly TableFormat[] = ['excel-si', 'csv', 'json'];

/** The table as the chosen format: CSV through `toCsv` (formulas neutralised), or JSON. */
export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[], format: TableFormat, json: () => unknown): string {
  return format === 'json' ? `${JSON.stringify(json(), null, 2)}\n` : toCsv(rows, columns, format);
}

/** Writes `text` to `out` (whole or not at all: a temp file renamed into place), or to stdout. */
export async function emit(text: string, out: string | undefined, io: Io): Promise<void> {
  if (out === undefined || out === '-') { io.out(text); return; }
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, text, { mode: 0o600 });
    await rename(tmp, out);
  } catch (e) {
    throw new UsageError(`Datoteke »${out}« ni mogoče zapisati: ${(e as NodeJS.ErrnoException).code ?? String(e)}.`);
  }
}

/** A progress bar on stderr when it is a terminal; nothing when stderr is piped or a file. */
export function progressBar(io: Io, label: string): { update: (done: number, total: number) => void; end: () => void } {
  if (!io.errIsTTY) return { update: () => {}, end: () => {} };
  let last = 0;
  let drawn = false;
  const width = 30;
  return {
    update(done, total) {
      const now = Date.now();
      if (done < total && now - last < 80) return;
      last = now;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      io.err(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
      drawn = true;
    },
    end() {
      if (drawn) io.err('\r\u001b[2K');
    },
  };
}

/** Lists notes grouped by reason, at most `max` files per reason. */
export function notesText(title: string, notes: readonly FileNote[], max = 20): string {
  if (notes.length === 0) return '';
  const lines = [`${title} (${notes.length}):`];
  const byReason = new Map<string, string[]>();
  for (const n of notes) {
    const files = byReason.get(n.reason);
    if (files) files.push(n.file); else byReason.set(n.reason, [n.file]);
  }
  for (const [reason, files] of byReason) {
    for (const f of files.slice(0, max)) lines.push(`  ${f} — ${reason}`);
    if (files.length > max) lines.push(`  … in še ${files.length - max} (${reason})`);
  }
  return `${lines.join('\n')}\n`;
}

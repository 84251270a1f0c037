import type { Column } from '../lib/csv.ts';
import { choiceOption, parseArgs, type OptionSpec, type ParsedArgs } from './args.ts';
import { runBatch, type Batch } from './batch.ts';
import { UsageError } from './errors.ts';
import { emit, Exit, notesText, progressBar, renderTable, TABLE_FORMATS, type Io } from './io.ts';

/**
 * The frame of the batch commands (`bases`, `export`): `FILES|DIRS… [--format F] [--out FILE]`,
 * read with a progress bar, one table out (stdout or `--out`), a summary on stderr, exit
 * code 0 only when no file and no worker failed.
 */
export interface TableSpec<T> {
  usage: string;
  options?: OptionSpec;
  /** Checks the command's own options (before any file is read) and returns how to make its table. */
  plan(args: ParsedArgs): (batch: Batch) => { rows: T[]; columns: readonly Column<T>[] };
}

export async function tableCommand<T>(argv: string[], io: Io, spec: TableSpec<T>): Promise<Exit> {
  const args = parseArgs(argv, { '--out': 'value', '--format': 'value', ...spec.options }, spec.usage);
  const format = choiceOption('--format', args.values['--format'], TABLE_FORMATS, 'excel-si', spec.usage);
  if (args.positional.length === 0) throw new UsageError(`Navedite datoteke ali mape.\n${spec.usage}`);
  const table = spec.plan(args);

  const bar = progressBar(io, 'Berem');
  const batch = await runBatch(args.positional, bar.update).finally(bar.end);
  const { rows, columns } = table(batch);
  const failed = [...batch.set.failed, ...batch.failed];
  await emit(renderTable(rows, columns, format, () => ({
    rows,
    unpaired: batch.unpaired,
    files: { skipped: batch.set.skipped, failed },
  })), args.values['--out'], io);

  const r = batch.set.read;
  io.err(`Prebrano: razkritij FURS ${r.disclosures}, datotek eBOL/ePODK ${r.certificates}${r.workerLists ? `, seznamov delavcev ${r.workerLists}` : ''}; `
    + `delavcev ${batch.computed.length}, vrstic ${rows.length}${args.values['--out'] ? ` → ${args.values['--out']}` : ''}.\n`);
  io.err(notesText('Preskočeno', batch.set.skipped));
  io.err(notesText('Nepovezana razkritja FURS', batch.unpaired.map((u) => ({
    file: `${u.files.join(', ')} (delodajalec ${u.employerTaxNumber ?? '?'}, davčna številka delavca ${u.workerTaxNumber ?? '?'})`,
    reason: u.reason,
  }))));
  io.err(notesText('Neuspešno', failed));
  return new Exit(failed.length === 0 ? 0 : 1);
}

import type { Column } from '../../lib/csv.ts';
import { CERTIFICATE_COLUMNS, CLAIM_COLUMNS, SEGMENT_COLUMNS } from '../../lib/exports.ts';
import { choiceOption } from '../args.ts';
import { certificateRows, claimRows, segmentRows, type Batch, type Computed } from '../batch.ts';
import { UsageError } from '../errors.ts';
import type { Exit, Io } from '../io.ts';
import { tableCommand } from '../tableCommand.ts';

const WHAT = ['certificates', 'segments', 'claims'] as const;
const USAGE = `Uporaba: spot-companion export DATOTEKE|MAPE… --what ${WHAT.join('|')} [--format excel-si|csv|json] [--out DATOTEKA.csv]`;

type Table = (batch: Batch) => { rows: unknown[]; columns: readonly Column<unknown>[] };

const table = <T>(rowsOf: (c: Computed) => T[], columns: readonly Column<T>[]): Table =>
  (batch) => ({ rows: batch.computed.flatMap(rowsOf), columns: columns as readonly Column<unknown>[] });

const TABLES: Record<(typeof WHAT)[number], Table> = {
  certificates: table(certificateRows, CERTIFICATE_COLUMNS),
  segments: table(segmentRows, SEGMENT_COLUMNS),
  claims: table(claimRows, CLAIM_COLUMNS),
};

/**
 * `spot-companion export`: the extension's CSV exports, made from files instead of the
 * browser's storage, with the same columns (src/lib/exports.ts): certificates
 * (eBOL/ePODK), computation segments, refund claim lines (one per ZZZS-paid segment).
 * Inputs are read and paired exactly as for `bases`. The A1 register has no input files
 * and is exported from the extension only.
 */
export function exportCommand(args: string[], io: Io): Promise<Exit> {
  return tableCommand<unknown>(args, io, {
    usage: USAGE,
    options: { '--what': 'value' },
    plan(parsed) {
      if (parsed.values['--what'] === undefined) throw new UsageError(`Manjka --what (kaj izvoziti).\n${USAGE}`);
      return TABLES[choiceOption('--what', parsed.values['--what'], WHAT, 'certificates', USAGE)];
    },
  });
}

import { BASES_COLUMNS } from '../../lib/exports.ts';
import { basesRows } from '../batch.ts';
import type { Exit, Io } from '../io.ts';
import { tableCommand } from '../tableCommand.ts';

const USAGE = 'Uporaba: spot-companion bases DATOTEKE|MAPE… [--format excel-si|csv|json] [--out DATOTEKA.csv]';

/**
 * `spot-companion bases`: every FURS disclosure and eBOL/ePODK XML under the given files
 * and folders, paired per worker (pairing.ts), computed, one line per absence with the
 * ZZZS and employer hourly bases, the months and hours used, and every warning.
 */
export function basesCommand(args: string[], io: Io): Promise<Exit> {
  return tableCommand(args, io, {
    usage: USAGE,
    plan: () => (batch) => ({ rows: batch.computed.flatMap(basesRows), columns: BASES_COLUMNS }),
  });
}

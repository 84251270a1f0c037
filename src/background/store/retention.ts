/**
 * Retention (issue 9): FURS disclosures — the workers' monthly wages, a tax secret — are
 * deleted automatically once they have been stored longer than the period the user set in
 * Nastavitve (`retentionDays`, default 90). The background runs this when it starts and once a
 * day (the daily alarm).
 *
 *   - "older than N days" is measured from `storedAt` (when this browser stored the file), in
 *     whole 24-hour days: a disclosure stored at T is deleted by the first run at or after
 *     T + N × 24 h + 1 ms. A disclosure stored exactly N days before the run is still kept.
 *   - The deletion is recorded in the history as ONE row per run that deleted something —
 *     how many, stored before when, under which period — and nothing of the data itself
 *     (no amounts, no tax numbers, no query numbers).
 *   - One transaction: the rows and the history entry go together or not at all.
 *
 * Certificates, computations and claim lines are not deleted here: the year's employer-paid
 * days, recurrences and the refund deadlines (up to years) are counted from them. They go with
 * "Izbriši vse podatke".
 */
import type { IsoTimestamp } from '../../shared/spot.ts';
import type { SpotDb } from '../db.ts';
import { readUiSettings } from './settings.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** History `entityKey` of the retention runs (entity `disclosures`; never a query number). */
export const RETENTION_HISTORY_KEY = 'retention';
/** Settings key: when retention last ran and what it did. */
export const RETENTION_LAST_RUN = 'retentionLastRun';

export interface RetentionRun {
  at: IsoTimestamp;
  retentionDays: number;
  /** Disclosures stored before this instant were deleted. */
  storedBefore: IsoTimestamp;
  deleted: number;
}

/** The instant before which a disclosure is too old, for a run at `now`. */
export function retentionCutoff(now: Date, retentionDays: number): IsoTimestamp {
  return new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
}

/** Deletes every disclosure stored longer than the retention period; one transaction. */
export async function applyRetention(db: SpotDb, now: Date): Promise<RetentionRun> {
  return db.transaction('rw', [db.disclosures, db.history, db.settings], async () => {
    const { retentionDays } = await readUiSettings(db);
    const at = now.toISOString();
    const storedBefore = retentionCutoff(now, retentionDays);
    // `storedAt` is indexed (schema v3); every row has it (the upgrade and restore stamp it).
    const ids = await db.disclosures.where('storedAt').below(storedBefore).primaryKeys();
    const run: RetentionRun = { at, retentionDays, storedBefore, deleted: ids.length };
    if (ids.length > 0) {
      await db.disclosures.bulkDelete(ids);
      await db.history.add({
        entity: 'disclosures', entityKey: RETENTION_HISTORY_KEY, at,
        change: { deleted: ids.length, storedBefore, retentionDays, reason: 'retention' },
      });
    }
    await db.settings.put({ key: RETENTION_LAST_RUN, value: run });
    return run;
  });
}

/** The last run, when there was one. */
export async function lastRetentionRun(db: SpotDb): Promise<RetentionRun | null> {
  const row = await db.settings.get(RETENTION_LAST_RUN);
  const v = row?.value as Partial<RetentionRun> | undefined;
  return v && typeof v.at === 'string' && typeof v.deleted === 'number' ? (v as RetentionRun) : null;
}

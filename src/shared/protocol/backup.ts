/**
 * Data lifecycle messages of the popup (issue 9): an encrypted backup file, a restore that
 * shows what the file holds before anything is replaced, and what the retention did last.
 *
 * Expected failures (a wrong passphrase, a damaged or foreign file) are answers, not errors:
 * `{ ok: false, problem }`, which the popup shows as `backup_error_<problem>` in its language.
 */
import type { BackupErrorCode } from '../backup.ts';
import type { IsoTimestamp } from '../spot.ts';

export type BackupCounts = Record<
  'employers' | 'workers' | 'certificates' | 'disclosures' | 'computations' | 'claims' | 'postings' | 'settings' | 'history',
  number
>;

export interface BackupSummary {
  createdAt: IsoTimestamp;
  schemaVersion: number;
  counts: BackupCounts;
}

export type BackupAnswer<T> = ({ ok: true } & T) | { ok: false; problem: BackupErrorCode };

export interface RetentionInfo {
  retentionDays: number;
  /** The last automatic deletion run, or null before the first. */
  lastRun: { at: IsoTimestamp; storedBefore: IsoTimestamp; deleted: number; retentionDays: number } | null;
}

declare module '../messages.ts' {
  interface Protocol {
    /** Encrypts every table with the passphrase; the popup saves `text` as `fileName`. */
    'ui:createBackup': { request: { passphrase: string }; response: BackupAnswer<{ fileName: string; text: string; summary: BackupSummary }> };
    /** Decrypts and checks a backup file; writes nothing. */
    'ui:inspectBackup': { request: { text: string; passphrase: string }; response: BackupAnswer<{ summary: BackupSummary }> };
    /** Verifies the file again, then replaces ALL data with it in one transaction. */
    'ui:restoreBackup': { request: { text: string; passphrase: string; confirm: true }; response: BackupAnswer<{ summary: BackupSummary }> };
    'ui:retentionInfo': { request: Record<string, never>; response: RetentionInfo };
  }
}

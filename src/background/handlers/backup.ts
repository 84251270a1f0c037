/**
 * Data lifecycle handlers (issue 9; messages in src/shared/protocol/backup.ts): an encrypted
 * backup of every table, inspecting a backup file before a restore, the restore itself (all
 * or nothing, verified first), and what the retention did last.
 *
 * The passphrase and the file travel only between the extension's own pages and its
 * background (`ui:` messages are refused from anywhere else); nothing is kept after the answer.
 */
import { todayInLjubljana } from '../../lib/dates.ts';
import { BackupError, MAX_BACKUP_BYTES } from '../../shared/backup.ts';
import type { BackupAnswer } from '../../shared/protocol/backup.ts';
import '../../shared/protocol/backup.ts';
import type { SpotDb } from '../db.ts';
import { defineHandlers } from '../registry.ts';
import { createBackup, inspectBackup, restoreBackup } from '../store/backup.ts';
import { lastRetentionRun } from '../store/retention.ts';
import { readUiSettings } from '../store/settings.ts';
import { empty, literal, object, string } from '../validate.ts';

export interface BackupDeps {
  db: () => SpotDb;
  now?: () => Date;
  /** PBKDF2 rounds for new backups; tests lower it (the product uses DEFAULT_ITERATIONS). */
  backupIterations?: number;
}

/** A passphrase is at most this long (a pasted text, not a file). */
const MAX_PASSPHRASE = 1024;
const passphrase = string({ max: MAX_PASSPHRASE });
/** The file's text plus room for the JSON around it. */
const FILE_MESSAGE_BYTES = MAX_BACKUP_BYTES + 64 * 1024;

/** Expected failures become answers the popup words in its language; anything else stays an error. */
async function answer<T>(work: () => Promise<T>): Promise<BackupAnswer<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (error) {
    if (error instanceof BackupError) return { ok: false, problem: error.code };
    throw error;
  }
}

export function backupHandlers({ db, now = () => new Date(), backupIterations }: BackupDeps) {
  return defineHandlers({
    'ui:createBackup': {
      validate: object({ passphrase }),
      handle: ({ passphrase: secret }) => answer(async () => {
        const at = now();
        const made = await createBackup(db(), secret, { now: at, ...(backupIterations ? { iterations: backupIterations } : {}) });
        return {
          fileName: `spot-pomocnik-${todayInLjubljana(at)}.spotbackup`,
          text: made.text,
          summary: made.summary,
        };
      }),
    },
    'ui:inspectBackup': {
      validate: object({ text: string({ max: MAX_BACKUP_BYTES }), passphrase }),
      maxBytes: FILE_MESSAGE_BYTES,
      handle: ({ text, passphrase: secret }) => answer(async () => ({ summary: await inspectBackup(text, secret) })),
    },
    'ui:restoreBackup': {
      validate: object({ text: string({ max: MAX_BACKUP_BYTES }), passphrase, confirm: literal(true) }),
      maxBytes: FILE_MESSAGE_BYTES,
      handle: ({ text, passphrase: secret }) => answer(async () => ({ summary: await restoreBackup(db(), text, secret, now()) })),
    },
    'ui:retentionInfo': {
      validate: empty(),
      async handle() {
        const d = db();
        const [settings, lastRun] = await Promise.all([readUiSettings(d), lastRetentionRun(d)]);
        return {
          retentionDays: settings.retentionDays,
          lastRun: lastRun && { at: lastRun.at, storedBefore: lastRun.storedBefore, deleted: lastRun.deleted, retentionDays: lastRun.retentionDays },
        };
      },
    },
  });
}

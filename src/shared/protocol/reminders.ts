/**
 * Reminders (issue 6): what the clerk must still file, counted in the background (daily alarm,
 * and after every change of postings or claims), shown as the toolbar badge and listed at the
 * top of the popup, each one markable as done.
 *
 *   - at a posting's end (RULES §9): de-registration from insurance basis 002 (M-2) and
 *     registration under the original basis (M-3), from a few days before they are due;
 *   - refund claim lines that lapse within 60 days, or have lapsed (RULES §8), until marked filed.
 */
import type { IsoDate } from '../../lib/dates.ts';
import type { IsoTimestamp } from '../spot.ts';

export type ReminderKind = 'deregister-posting-basis' | 'register-original-basis' | 'claim-expiring' | 'claim-expired';

export interface ReminderView {
  /** Stable over recounts (`posting:<row>:<kind>:<due>`, `claim:<employer>:<certificate>:<from>:<to>`). */
  id: string;
  kind: ReminderKind;
  employerTax: string;
  employerName: string | null;
  /** When the filing is due (posting) or the claim lapses. */
  due: IsoDate;
  posting?: {
    id: number;
    name: string;
    surname: string;
    country: string;
    end: IsoDate;
    /** The insurance basis to return to (001, 013, 029), or null when the register does not say. */
    originalBasis: string | null;
  };
  claim?: {
    certificate: string;
    workerName: string | null;
    from: IsoDate;
    to: IsoDate;
    amount: number | null;
  };
}

export interface ReminderList {
  /** Due and not marked done, the most urgent first. */
  open: ReminderView[];
  /** How many due reminders were marked done. */
  done: number;
}

declare module '../messages.ts' {
  interface Protocol {
    'ui:listReminders': { request: Record<string, never>; response: ReminderList };
    'ui:setReminderDone': { request: { id: string; done: boolean }; response: ReminderList };
  }
}

/** When a reminder was marked done, by id (settings key `remindersDone`). */
export type RemindersDone = Record<string, IsoTimestamp>;

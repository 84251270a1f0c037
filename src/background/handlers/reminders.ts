/**
 * Reminders for the popup: the due ones (`ui:listReminders`) and marking one done or open again
 * (`ui:setReminderDone`). The toolbar badge is recounted by the background after these and
 * after every message that changes postings or claims (src/background/index.ts).
 */
import { todayInLjubljana } from '../../lib/dates.ts';
import type { SpotDb } from '../db.ts';
import { defineHandlers } from '../registry.ts';
import { listReminders, setReminderDone } from '../reminders.ts';
import { boolean, empty, object, string } from '../validate.ts';

export interface RemindersDeps {
  db: () => SpotDb;
  now?: () => Date;
}

export function reminderHandlers({ db, now = () => new Date() }: RemindersDeps) {
  return defineHandlers({
    'ui:listReminders': {
      validate: empty(),
      handle: () => listReminders(db(), todayInLjubljana(now())),
    },
    'ui:setReminderDone': {
      validate: object({ id: string({ min: 1, max: 200 }), done: boolean() }),
      handle: ({ id, done }) => setReminderDone(db(), id, done, todayInLjubljana(now()), now().toISOString()),
    },
  });
}

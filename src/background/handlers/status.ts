/** The smoke path: remember the last SPOT page seen, and tell the popup about it. */
import type { SeenPageRecord } from '../../shared/protocol/status.ts';
import { isSpotUrl } from '../../shared/spot.ts';
import type { SpotDb } from '../db.ts';
import { defineHandlers } from '../registry.ts';
import { empty, object, string, type Validator } from '../validate.ts';

export const LAST_SPOT_PAGE = 'lastSpotPage';

const spotUrl: Validator<string> = {
  check(value, path) {
    const problem = string({ max: 2048 }).check(value, path);
    if (problem) return problem;
    return isSpotUrl(value as string) ? null : `${path}: naslov ni stran SPOT`;
  },
};

export interface StatusDeps {
  db: () => SpotDb;
  now?: () => Date;
}

export function statusHandlers({ db, now = () => new Date() }: StatusDeps) {
  return defineHandlers({
    'content:pageSeen': {
      validate: object({ url: spotUrl, title: string({ max: 500 }), heading: string({ max: 500 }) }),
      maxBytes: 8 * 1024,
      async handle(page) {
        const d = db();
        // Write and read back in one transaction: the answer is what is stored.
        return d.transaction('rw', d.settings, async () => {
          const record: SeenPageRecord = { url: page.url, title: page.title, heading: page.heading, seenAt: now().toISOString() };
          await d.settings.put({ key: LAST_SPOT_PAGE, value: record });
          const stored = await d.settings.get(LAST_SPOT_PAGE);
          return stored!.value as SeenPageRecord;
        });
      },
    },
    'ui:getStatus': {
      validate: empty(),
      async handle() {
        const stored = await db().settings.get(LAST_SPOT_PAGE);
        return { lastSpotPage: (stored?.value as SeenPageRecord | undefined) ?? null };
      },
    },
  });
}

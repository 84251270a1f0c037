/** `ui:startApp` (protocol/uiStart.ts): the context and the first page of workers in one answer. */
import { MAX_PAGE } from '../../shared/protocol/ui.ts';
import type { AppStart } from '../../shared/protocol/uiStart.ts';
import type { SpotDb } from '../db.ts';
import { defineHandlers } from '../registry.ts';
import { currentEmployer } from '../store/employers.ts';
import { listWorkers } from '../store/queries.ts';
import { number, object } from '../validate.ts';
import { uiContext, type UiDeps } from './ui.ts';

/**
 * The page is read for the stored selection at once, alongside the context; only when that
 * selection is no longer valid (its employer was deleted) is it read again for the one the
 * context selects instead.
 */
export async function appStart(db: SpotDb, workersLimit: number): Promise<AppStart> {
  const firstPage = (tax: string | null) => (tax ? listWorkers(db, tax, 0, workersLimit) : Promise.resolve(null));
  const stored = currentEmployer(db);
  const [context, storedTax, page] = await Promise.all([uiContext(db), stored, stored.then(firstPage)]);
  const tax = context.current;
  if (tax === null) return { context, workers: null };
  return { context, workers: { employerTax: tax, page: tax === storedTax && page ? page : (await firstPage(tax))! } };
}

export function uiStartHandlers({ db }: UiDeps) {
  return defineHandlers({
    'ui:startApp': {
      validate: object({ workersLimit: number({ min: 1, max: MAX_PAGE, integer: true }) }),
      handle: ({ workersLimit }) => appStart(db(), workersLimit),
    },
  });
}

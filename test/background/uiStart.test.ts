// ui:startApp (protocol/uiStart.ts): the popup's first question, the context and the first page
// of workers in one answer, the same as ui:getContext and ui:listWorkers would give.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb, type SpotDb } from '../../src/background/db.ts';
import { createHandlers } from '../../src/background/handlers/index.ts';
import { createRegistry, type HandlerMap, type Registry } from '../../src/background/registry.ts';
import { CURRENT_EMPLOYER } from '../../src/background/store/employers.ts';
import { CHANNEL, type MessageName, type RequestOf, type ResponseOf } from '../../src/shared/messages.ts';
import '../../src/shared/protocol/ui.ts';
import '../../src/shared/protocol/uiStart.ts';
import { seedCertificates } from '../seed/certificates.ts';
import { EXTENSION_ID, EXTENSION_ORIGIN, resetFakeBrowser, senders } from './fakeBrowser.ts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fakeBrowser.ts')).fakeBrowser }));

let db: SpotDb;
let registry: Registry;

beforeEach(() => {
  resetFakeBrowser();
  db = createDb({ indexedDB: new IDBFactory(), IDBKeyRange }, { name: 'ui-start-test' });
  registry = createRegistry(createHandlers({ db: () => db }) as HandlerMap, { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN }, vi.fn());
});
afterEach(() => db.close());

async function dispatch<K extends MessageName>(name: K, payload: RequestOf<K>) {
  return registry.dispatch({ channel: CHANNEL, name, payload }, senders.popup());
}
async function ui<K extends MessageName>(name: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const answer = await dispatch(name, payload);
  if (!answer.ok) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
  return answer.value as ResponseOf<K>;
}

describe('ui:startApp', () => {
  it('answers the context and the selected employer\'s first page of workers, as the two messages would', async () => {
    await seedCertificates(db, 400, { employerTax: '12345679', workers: 60 });
    await seedCertificates(db, 40, { employerTax: '10000003', employerName: 'Drugi s.p.', workers: 5, numberOffset: 10_000 });
    await ui('ui:selectEmployer', { taxNumber: '10000003' });

    const start = await ui('ui:startApp', { workersLimit: 50 });
    expect(start.context).toEqual(await ui('ui:getContext', {}));
    expect(start.workers).toEqual({
      employerTax: '10000003',
      page: await ui('ui:listWorkers', { employerTax: '10000003', offset: 0, limit: 50 }),
    });

    await ui('ui:selectEmployer', { taxNumber: '12345679' });
    const other = await ui('ui:startApp', { workersLimit: 50 });
    expect(other.workers?.employerTax).toBe('12345679');
    expect(other.workers?.page).toEqual(await ui('ui:listWorkers', { employerTax: '12345679', offset: 0, limit: 50 }));
    expect(other.workers?.page).toMatchObject({ total: 60, offset: 0, hasMore: true });
    expect(other.workers?.page.rows).toHaveLength(50);
  });

  it('without an employer: the context and no workers', async () => {
    expect(await ui('ui:startApp', { workersLimit: 50 })).toEqual({ context: await ui('ui:getContext', {}), workers: null });
  });

  it('when the stored selection is gone, the page is the one of the employer the context selects', async () => {
    await seedCertificates(db, 80, { employerTax: '12345679', workers: 10 });
    await db.settings.put({ key: CURRENT_EMPLOYER, value: '99999999' });
    const start = await ui('ui:startApp', { workersLimit: 5 });
    expect(start.context.current).toBe('12345679');
    expect(start.workers).toEqual({ employerTax: '12345679', page: await ui('ui:listWorkers', { employerTax: '12345679', offset: 0, limit: 5 }) });
  });

  it('refuses a page size outside 1…1000', async () => {
    for (const workersLimit of [0, 1001, 2.5]) {
      const answer = await dispatch('ui:startApp', { workersLimit });
      expect(answer.ok ? null : answer.error.code).toBe('INVALID_PAYLOAD');
    }
  });
});

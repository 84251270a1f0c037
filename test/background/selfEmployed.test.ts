import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb, type SpotDb } from '../../src/background/db.ts';
import { createHandlers } from '../../src/background/handlers/index.ts';
import { createRegistry, type HandlerMap, type Registry } from '../../src/background/registry.ts';
import type { Certificate } from '../../src/lib/certificates.ts';
import { CHANNEL, type MessageName, type RequestOf, type ResponseOf, type WireError } from '../../src/shared/messages.ts';
import { SELF_EMPLOYED_MAX_CERTIFICATES, selfEmployedInputsKey } from '../../src/shared/protocol/selfEmployed.ts';
import '../../src/shared/protocol/ui.ts';
import { EXTENSION_ID, EXTENSION_ORIGIN, resetFakeBrowser, senders } from './fakeBrowser.ts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fakeBrowser.ts')).fakeBrowser }));

const SP = '12345679'; // the sole trader as employer
const OTHER = '10000003';

let db: SpotDb;
let registry: Registry;

beforeEach(() => {
  resetFakeBrowser();
  db = createDb({ indexedDB: new IDBFactory(), IDBKeyRange }, { name: 'self-employed-test' });
  const now = () => new Date('2025-06-10T08:00:00.000Z');
  registry = createRegistry(createHandlers({ db: () => db, now }) as HandlerMap, { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN }, vi.fn());
});
afterEach(() => db.close());

async function ui<K extends MessageName>(name: K, payload: RequestOf<K>, sender = senders.popup()): Promise<ResponseOf<K>> {
  const answer = await registry.dispatch({ channel: CHANNEL, name, payload }, sender);
  if (!answer.ok) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
  return answer.value as ResponseOf<K>;
}
async function uiError<K extends MessageName>(name: K, payload: RequestOf<K>, sender = senders.popup()): Promise<WireError> {
  const answer = await registry.dispatch({ channel: CHANNEL, name, payload }, sender);
  if (answer.ok) throw new Error(`${name} did not fail`);
  return answer.error;
}

const cert = (number: string, from: string, to: string, over: Partial<Certificate> = {}): Certificate => ({
  number, kind: 'eBOL', worker: { name: 'Kovač Mojca', zzzsNumber: '012345678', emso: null },
  reason: '01', from, to, hoursPerDay: null, status: 'issued', issuedOn: from, ...over,
});

/** The sole trader's certificates: an absence from April into May, one in June, one cancelled in May. */
async function seed(): Promise<string> {
  await ui('ui:importCertificates', {
    fallbackEmployerTax: SP,
    certificates: [
      cert('1000006', '2025-06-02', '2025-06-06'),
      cert('1000001', '2025-04-01', '2025-04-30'),
      cert('1000002', '2025-05-01', '2025-05-23'),
      cert('1000003', '2025-05-26', '2025-05-27', { status: 'cancelled' }),
      cert('1000004', '2025-01-13', '2025-01-17', { worker: { name: 'Drugi Janez', zzzsNumber: '098765432', emso: null } }),
    ],
  });
  const workers = await ui('ui:listWorkers', { employerTax: SP, offset: 0, limit: 10 });
  return workers.rows.find((w) => w.name === 'Kovač Mojca')!.id;
}

describe('ui:selfEmployedMonth', () => {
  it("returns the person's certificates that begin by the month's end, oldest first, cancelled ones included, and no inputs yet", async () => {
    const workerId = await seed();
    const r = await ui('ui:selfEmployedMonth', { employerTax: SP, workerId, month: '2025-05' });
    expect(r.worker).toMatchObject({ id: workerId, name: 'Kovač Mojca' });
    // April's certificate is there (the absence began then); June's is not; the other person's is not.
    expect(r.certificates.map((c) => [c.number, c.status])).toEqual([
      ['1000001', 'issued'], ['1000002', 'issued'], ['1000003', 'cancelled'],
    ]);
    expect(r).toMatchObject({ truncated: false, inputs: {}, earlierBase: null });
  });

  it('returns at most 2000 certificates, the newest, and says so', async () => {
    const workerId = await seed();
    const day = (n: number) => new Date(Date.UTC(2015, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    await db.certificates.bulkPut(Array.from({ length: 2001 }, (_, i) => ({
      number: String(2_000_000 + i), kind: 'eBOL' as const, employerTax: SP, workerId, reason: '01', from: day(i), to: day(i),
      hoursPerDay: null, status: 'issued' as const, issuedOn: null,
    })));
    const r = await ui('ui:selfEmployedMonth', { employerTax: SP, workerId, month: '2025-05' });
    expect(r.truncated).toBe(true);
    expect(r.certificates).toHaveLength(SELF_EMPLOYED_MAX_CERTIFICATES);
    expect(r.certificates[0]!.number).toBe('2000004'); // 2001 + 3 seeded − 2000 oldest left out
    expect(r.certificates.at(-1)!.number).toBe('1000003');
  });

  it("refuses another employer's worker, an unknown worker and a malformed month, and answers only extension pages", async () => {
    const workerId = await seed();
    await ui('ui:saveEmployer', { employer: { taxNumber: OTHER, name: 'DRUGO d.o.o.' } });
    expect((await uiError('ui:selfEmployedMonth', { employerTax: OTHER, workerId, month: '2025-05' })).code).toBe('NOT_FOUND');
    expect((await uiError('ui:selfEmployedMonth', { employerTax: SP, workerId: 'nobody', month: '2025-05' })).code).toBe('NOT_FOUND');
    for (const month of ['2025-13', '2025-5', '05/2025']) {
      expect((await uiError('ui:selfEmployedMonth', { employerTax: SP, workerId, month })).code).toBe('INVALID_PAYLOAD');
    }
    expect((await uiError('ui:selfEmployedMonth', { employerTax: SP, workerId, month: '2025-05' }, senders.tab('https://spot.gov.si/')))
      .code).toBe('FORBIDDEN_SENDER');
  });
});

describe('ui:saveSelfEmployedInputs', () => {
  it('remembers the inputs per person and month, and offers the nearest earlier base for a month without one', async () => {
    const workerId = await seed();
    const saved = await ui('ui:saveSelfEmployedInputs', {
      employerTax: SP, workerId, month: '2025-04', inputs: { field120: 8, field150: null, field160: 1.5, base: 1600.5, longTermCare: false },
    });
    expect(saved).toEqual({ field120: 8, field160: 1.5, base: 1600.5, longTermCare: false });
    expect((await ui('ui:selfEmployedMonth', { employerTax: SP, workerId, month: '2025-04' })).inputs).toEqual(saved);

    const may = await ui('ui:selfEmployedMonth', { employerTax: SP, workerId, month: '2025-05' });
    expect(may.inputs).toEqual({});
    expect(may.earlierBase).toEqual({ month: '2025-04', base: 1600.5 });
    // A later month's base is not "earlier"; a month with its own base gets no offer.
    expect((await ui('ui:selfEmployedMonth', { employerTax: SP, workerId, month: '2025-03' })).earlierBase).toBeNull();
    await ui('ui:saveSelfEmployedInputs', { employerTax: SP, workerId, month: '2025-05', inputs: { base: 1700 } });
    expect((await ui('ui:selfEmployedMonth', { employerTax: SP, workerId, month: '2025-05' })).earlierBase).toBeNull();
    expect((await ui('ui:selfEmployedMonth', { employerTax: SP, workerId, month: '2025-08' })).earlierBase).toEqual({ month: '2025-05', base: 1700 });
  });

  it('removes the row when everything is blank, and refuses negative or non-numeric values', async () => {
    const workerId = await seed();
    await ui('ui:saveSelfEmployedInputs', { employerTax: SP, workerId, month: '2025-05', inputs: { field120: 3 } });
    expect(await db.settings.get(selfEmployedInputsKey(workerId, '2025-05'))).toBeDefined();
    expect(await ui('ui:saveSelfEmployedInputs', { employerTax: SP, workerId, month: '2025-05', inputs: { field120: null } })).toEqual({});
    expect(await db.settings.get(selfEmployedInputsKey(workerId, '2025-05'))).toBeUndefined();

    const bad = await uiError('ui:saveSelfEmployedInputs', { employerTax: SP, workerId, month: '2025-05', inputs: { base: -1 } });
    expect(bad.code).toBe('INVALID_PAYLOAD');
    const text = await uiError('ui:saveSelfEmployedInputs', {
      employerTax: SP, workerId, month: '2025-05', inputs: { field150: '12' as unknown as number },
    });
    expect(text.code).toBe('INVALID_PAYLOAD');
    expect((await uiError('ui:saveSelfEmployedInputs', { employerTax: SP, workerId: 'nobody', month: '2025-05', inputs: {} })).code).toBe('NOT_FOUND');
  });

  it('keeps the inputs of two people apart', async () => {
    const workerId = await seed();
    const other = (await ui('ui:listWorkers', { employerTax: SP, offset: 0, limit: 10 })).rows.find((w) => w.name === 'Drugi Janez')!.id;
    await ui('ui:saveSelfEmployedInputs', { employerTax: SP, workerId, month: '2025-05', inputs: { field120: 1 } });
    await ui('ui:saveSelfEmployedInputs', { employerTax: SP, workerId: other, month: '2025-05', inputs: { field120: 2 } });
    expect((await ui('ui:selfEmployedMonth', { employerTax: SP, workerId, month: '2025-05' })).inputs).toEqual({ field120: 1 });
    expect((await ui('ui:selfEmployedMonth', { employerTax: SP, workerId: other, month: '2025-05' })).inputs).toEqual({ field120: 2 });
  });
});

/**
 * `content:refundClaims`: the stored claims the helper offers on SPOT's refund form, from a
 * computation stored the way the popup stores it (import → link → compute): one claim per
 * absence with its ZZZS lines, newest first, filtered by the certificate typed in the form.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb, type SpotDb } from '../../src/background/db.ts';
import { createHandlers } from '../../src/background/handlers/index.ts';
import { createRegistry, type HandlerMap, type Registry } from '../../src/background/registry.ts';
import type { Certificate } from '../../src/lib/certificates.ts';
import type { Disclosure } from '../../src/lib/disclosure/model.ts';
import { readDocument } from '../../src/lib/documents.ts';
import { CHANNEL, type MessageName, type RequestOf, type ResponseOf, type WireError } from '../../src/shared/messages.ts';
import { ROOT } from '../companion/run.ts';
import { EXTENSION_ID, EXTENSION_ORIGIN, resetFakeBrowser, senders } from './fakeBrowser.ts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fakeBrowser.ts')).fakeBrowser }));

const EMPLOYER = '12345679';
const IMPORT = join(ROOT, 'test/fixtures/import');
const SPOT_TAB = senders.tab('https://spot.gov.si/forms/refund-form.html');

let db: SpotDb;
let registry: Registry;
let clock = new Date('2025-06-02T08:00:00.000Z');

beforeEach(() => {
  resetFakeBrowser();
  db = createDb({ indexedDB: new IDBFactory(), IDBKeyRange }, { name: 'prefill-test' });
  registry = createRegistry(createHandlers({ db: () => db, now: () => clock }) as HandlerMap, { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN }, vi.fn());
});
afterEach(() => db.close());

async function send<K extends MessageName>(name: K, payload: RequestOf<K>, sender = senders.popup()): Promise<ResponseOf<K>> {
  const answer = await registry.dispatch({ channel: CHANNEL, name, payload }, sender);
  if (!answer.ok) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
  return answer.value as ResponseOf<K>;
}
async function refused(name: MessageName, payload: unknown, sender = senders.popup()): Promise<WireError> {
  const answer = await registry.dispatch({ channel: CHANNEL, name, payload }, sender);
  if (answer.ok) throw new Error(`${name} was not refused`);
  return answer.error;
}
const read = (f: string) => readDocument(new Uint8Array(readFileSync(join(IMPORT, f))), f);

/** Maja Zupančič's absence (1000002, 1000003) continued by 1000004: two ZZZS-paid lines. */
async function storeComputedAbsence(): Promise<void> {
  const certs = ['ebol-1000002.xml', 'ebol-1000003.xml'].flatMap((f) => (read(f) as { certificates: Certificate[] }).certificates);
  certs.push({ ...certs[1]!, number: '1000004', from: '2025-05-24', to: '2025-05-30', issuedOn: '2025-05-23' });
  await send('ui:importCertificates', { certificates: certs, fallbackEmployerTax: null });
  for (const f of ['furs-osnova-zzzs-87654326.csv', 'furs-osnova-delodajalec-87654326.xml']) {
    await send('ui:importDisclosure', { disclosure: read(f) as Disclosure, fallbackEmployerTax: null, fileName: f });
  }
  const [disclosure] = await send('ui:listDisclosures', { employerTax: EMPLOYER, unlinked: true });
  const worker = (await send('ui:listWorkers', { employerTax: EMPLOYER, offset: 0, limit: 10 })).rows[0]!;
  await send('ui:linkDisclosure', { id: disclosure!.id, workerId: worker.id });
  await send('ui:compute', { certificateNumber: '1000002' });
}

describe('content:refundClaims', () => {
  it('answers a SPOT tab with one claim per absence, its ZZZS lines by date, filtered by the certificate typed in the form', async () => {
    await storeComputedAbsence();
    expect((await refused('content:refundClaims', { employerTax: EMPLOYER, certificateNumber: null })).code).toBe('FORBIDDEN_SENDER');

    const all = await send('content:refundClaims', { employerTax: EMPLOYER, certificateNumber: null }, SPOT_TAB);
    expect(all).toMatchObject({ employer: { taxNumber: EMPLOYER, name: 'PRIMER d.o.o.' }, matched: false });
    expect(all.claims).toHaveLength(1);
    const claim = all.claims[0]!;
    expect(claim).toMatchObject({ key: '1000002', computedAt: '2025-06-02T08:00:00.000Z', worker: { name: 'Zupančič Maja' }, monthlyObligation: 173.33, total: 1245.44, expiresOn: '2028-06-19' });
    expect(claim.lines.map((l) => [l.certificate, l.from, l.to, l.hours, l.hourlyBase, l.percentage, l.amount])).toEqual([
      ['1000003', '2025-05-13', '2025-05-23', 72, 13.9, 80, 800.64],
      ['1000004', '2025-05-24', '2025-05-30', 40, 13.9, 80, 444.8],
    ]);

    expect(await send('content:refundClaims', { employerTax: EMPLOYER, certificateNumber: '1000004' }, SPOT_TAB)).toMatchObject({ matched: true, claims: [{ key: '1000002' }] });
    // A number no claim has: all claims, and the helper says so.
    expect(await send('content:refundClaims', { employerTax: EMPLOYER, certificateNumber: '1000099' }, SPOT_TAB)).toMatchObject({ matched: false, claims: [{ key: '1000002' }] });
    // Without the employer on the page: the selected one (the import selected it).
    expect((await send('content:refundClaims', { employerTax: null, certificateNumber: null }, SPOT_TAB)).claims).toHaveLength(1);
    expect(await send('content:refundClaims', { employerTax: '10000003', certificateNumber: null }, SPOT_TAB)).toEqual({ employer: null, claims: [], matched: false });
    expect((await refused('content:refundClaims', { employerTax: EMPLOYER, certificateNumber: '10000x' }, SPOT_TAB)).code).toBe('INVALID_PAYLOAD');
  });

  it('lists the newest computation first', async () => {
    await storeComputedAbsence();
    clock = new Date('2025-06-03T08:00:00.000Z');
    await send('ui:importCertificates', {
      certificates: [{
        number: '1000050', kind: 'eBOL', worker: { name: 'Novak Ana', zzzsNumber: '012345678', emso: null }, reason: '06',
        from: '2025-06-02', to: '2025-06-06', hoursPerDay: null, status: 'issued', issuedOn: '2025-06-02',
      }],
      fallbackEmployerTax: EMPLOYER,
    });
    await send('ui:compute', { certificateNumber: '1000050' });
    const r = await send('content:refundClaims', { employerTax: EMPLOYER, certificateNumber: null }, SPOT_TAB);
    expect(r.claims.map((c) => [c.key, c.worker.name, c.lines.length])).toEqual([['1000050', 'Novak Ana', 1], ['1000002', 'Zupančič Maja', 2]]);
    // Without base data the line has no amount: it is offered, and marked incomplete.
    expect(r.claims[0]!.lines[0]!.complete).toBe(false);
  });
});

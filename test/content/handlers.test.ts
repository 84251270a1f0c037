/**
 * The background side of reading SPOT: content: messages validated (shape, sizes, dates,
 * digits, sender) and stored per employer in one transaction each.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb, type SpotDb } from '../../src/background/db.ts';
import { createHandlers } from '../../src/background/handlers/index.ts';
import { createRegistry, type Registry } from '../../src/background/registry.ts';
import type { Certificate } from '../../src/lib/certificates.ts';
import { readDisclosure } from '../../src/lib/disclosure/index.ts';
import { CHANNEL } from '../../src/shared/messages.ts';
import { ROOT } from '../companion/run.ts';
import { EXTENSION_ID, EXTENSION_ORIGIN, resetFakeBrowser, senders } from '../background/fakeBrowser.ts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../background/fakeBrowser.ts')).fakeBrowser }));

const SPOT = 'https://spot.gov.si/ebol-prenos.html';
const EMPLOYER = '12345679';
const OTHER_EMPLOYER = '55512348';
const envelope = (name: string, payload: unknown) => ({ channel: CHANNEL, name, payload });

let db: SpotDb;
let registry: Registry;
let clock = new Date('2025-03-15T09:30:00.000Z');

beforeEach(() => {
  resetFakeBrowser();
  db = createDb({ indexedDB: new IDBFactory(), IDBKeyRange }, { name: 'spot-handlers' });
  registry = createRegistry(createHandlers({ db: () => db, now: () => clock }), { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN }, () => undefined);
});
afterEach(() => db.close());

const fromSpot = (name: string, payload: unknown) => registry.dispatch(envelope(name, payload), senders.tab(SPOT));

const cert = (number: string, over: Partial<Certificate> = {}): Certificate => ({
  number, kind: 'eBOL', worker: { name: 'Kovač Ana', zzzsNumber: '012345678', emso: '1503985505018' },
  reason: '06', from: '2025-03-03', to: '2025-03-07', hoursPerDay: null, status: 'issued', issuedOn: '2025-03-03', ...over,
});
const storeMsg = (certificates: unknown[], over: Record<string, unknown> = {}) =>
  ({ employerTax: EMPLOYER, employerName: 'PRIMER d.o.o.', certificates, source: 'spot-page', ...over });

describe('content:panelStyle', () => {
  it('hands the in-page helper its stylesheet, to SPOT tabs only', async () => {
    const answer = await fromSpot('content:panelStyle', {});
    expect(answer).toMatchObject({ ok: true, value: { css: expect.any(String), badgeCss: expect.any(String) } });
    expect(await registry.dispatch(envelope('content:panelStyle', {}), senders.tab('https://spot.gov.si.evil.example/'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });
});

describe('content:diagnosticsText', () => {
  const diagnostics = {
    expectedPage: 'ebolList', hints: ['naslov strani (URL)'], foundLabels: ['Identifikator dokumenta'], expectedLabels: ['Številka potrdila'],
    missingLabels: ['Številka potrdila'], headings: ['Prenos'], url: 'https://spot.gov.si/ebol?emso=0101990500003',
  };

  it('words the diagnostics, without the query string of the address', async () => {
    const answer = await fromSpot('content:diagnosticsText', { diagnostics, version: '1.2.3', at: '2025-03-15T09:30:00.000Z' });
    expect(answer).toMatchObject({ ok: true, value: { text: expect.stringContaining('Najdene oznake stolpcev: »Identifikator dokumenta«') } });
    const text = (answer as { value: { text: string } }).value.text;
    expect(text).toContain('Naslov strani: https://spot.gov.si/ebol\n');
    expect(text).not.toContain('0101990500003');
    expect(text).toMatch(/Različica: 1\.2\.3\nČas: 2025-03-15T09:30:00\.000Z$/);
  });

  it.each([
    ['more than 50 labels', { ...diagnostics, foundLabels: Array.from({ length: 51 }, (_, i) => `L${i}`) }],
    ['a label over 200 characters', { ...diagnostics, headings: ['A'.repeat(201)] }],
    ['another page kind', { ...diagnostics, expectedPage: 'refundForm' }],
  ])('refuses %s', async (_, d) => {
    expect(await fromSpot('content:diagnosticsText', { diagnostics: d, version: '1', at: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });
});

describe('content:readEbolRows', () => {
  const row = { number: '1000 123456', kind: 'eBOL', name: 'Kovač Ana', zzzsNumber: '012345678', emso: '1503985505018', reason: '06 - nega', from: '3. 3. 2025', to: '07.03.2025', status: 'Izdan' };

  it('reads each row into its certificate or its problems, in order, and stores nothing', async () => {
    const answer = await fromSpot('content:readEbolRows', { rows: [row, { ...row, number: '12a', status: 'Nekaj' }, { ...row, emso: '1503985505019' }] });
    expect(answer).toMatchObject({ ok: true, value: { rows: [
      { certificate: { number: '1000123456', kind: 'eBOL', reason: '06', from: '2025-03-03', to: '2025-03-07', status: 'issued', worker: { name: 'Kovač Ana' } } },
      { number: null, problem: expect.stringMatching(/»12a« ni iz števk.*Neznan status »Nekaj«/) },
      { number: '1000123456', problem: expect.stringMatching(/EMŠO/) },
    ] } });
    expect(await db.certificates.count()).toBe(0);
  });

  it.each([
    ['a field the list does not have', { rows: [{ ...row, evil: 'x' }] }],
    ['a cell text over 200 characters', { rows: [{ ...row, name: 'A'.repeat(201) }] }],
    ['a cell that is no text', { rows: [{ ...row, from: 20250303 }] }],
    ['more than 100 rows', { rows: Array.from({ length: 101 }, () => row) }],
  ])('refuses %s', async (_, payload) => {
    expect(await fromSpot('content:readEbolRows', payload)).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });
});

describe('content:storeCertificates', () => {
  it('stores new certificates once, then reports them unchanged, and a cancellation as such', async () => {
    expect(await fromSpot('content:storeCertificates', storeMsg([cert('1000200001'), cert('1000200006', { reason: '01' })])))
      .toEqual({ ok: true, value: { added: ['1000200001', '1000200006'], updated: [], cancelled: [], unchanged: [] } });
    expect(await fromSpot('content:storeCertificates', storeMsg([cert('1000200001')])))
      .toMatchObject({ ok: true, value: { added: [], unchanged: ['1000200001'] } });
    clock = new Date('2025-03-16T09:30:00.000Z');
    expect(await fromSpot('content:storeCertificates', storeMsg([cert('1000200006', { reason: '01', status: 'cancelled' })])))
      .toMatchObject({ ok: true, value: { cancelled: ['1000200006'] } });
    expect(await db.certificates.count()).toBe(2);
    expect((await db.certificates.get('1000200006'))?.status).toBe('cancelled');
    expect(await db.employers.get(EMPLOYER)).toMatchObject({ name: 'PRIMER d.o.o.' });
  });

  it.each([
    ['a date that does not exist', { from: '2025-02-31' }],
    ['a Slovenian date instead of ISO', { from: '03.03.2025' }],
    ['a number with letters', { number: '10002A0001' }],
    ['a reason without two digits', { reason: '1' }],
    ['an EMŠO with a wrong check digit', { worker: { name: 'X', zzzsNumber: null, emso: '1503985505019' } }],
    ['an end before the start', { from: '2025-03-08' }],
    ['an unknown status', { status: 'pending' }],
    ['a name of 201 characters', { worker: { name: 'x'.repeat(201), zzzsNumber: null, emso: null } }],
    ['an unknown field', { doctor: 'dr. X' }],
  ])('refuses %s and stores nothing', async (_what, over) => {
    const answer = await fromSpot('content:storeCertificates', storeMsg([cert('1000200001', over as Partial<Certificate>)]));
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(await db.certificates.count()).toBe(0);
  });

  it('refuses an invalid employer tax number', async () => {
    const answer = await fromSpot('content:storeCertificates', storeMsg([cert('1')], { employerTax: '12345678' }));
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', message: expect.stringContaining('Kontrolna števka') } });
  });

  it('refuses more than 500 certificates in one message, and oversized payloads', async () => {
    const many = Array.from({ length: 501 }, (_, i) => cert(String(1000200000 + i)));
    expect(await fromSpot('content:storeCertificates', storeMsg(many))).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', message: expect.stringContaining('500') } });
    const huge = storeMsg([cert('1', { worker: { name: 'x'.repeat(600 * 1024), zzzsNumber: null, emso: null } })]);
    expect(await fromSpot('content:storeCertificates', huge)).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    // 500 is fine.
    expect(await fromSpot('content:storeCertificates', storeMsg(many.slice(0, 500)))).toMatchObject({ ok: true });
    expect(await db.certificates.count()).toBe(500);
  });

  it('refuses senders that are not a SPOT tab', async () => {
    for (const sender of [senders.popup(), senders.tab('https://evil-spot.gov.si.example/ebol'), senders.tab('http://spot.gov.si/')]) {
      const answer = await registry.dispatch(envelope('content:storeCertificates', storeMsg([cert('1000200001')])), sender);
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    }
    expect(await db.certificates.count()).toBe(0);
  });
});

describe('content:listStoredNumbers', () => {
  it('answers only with numbers stored for that employer', async () => {
    await fromSpot('content:storeCertificates', storeMsg([cert('1000200001')]));
    await fromSpot('content:storeCertificates', storeMsg([cert('1000200002', { worker: { name: 'B', zzzsNumber: null, emso: null } })], { employerTax: OTHER_EMPLOYER }));
    expect(await fromSpot('content:listStoredNumbers', { employerTax: EMPLOYER, numbers: ['1000200001', '1000200002', '1000200003'] }))
      .toEqual({ ok: true, value: { stored: ['1000200001'] } });
    expect(await fromSpot('content:listStoredNumbers', { employerTax: EMPLOYER, numbers: ['12 34'] })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });
});

describe('content:employers / content:setEmployer', () => {
  it('remembers the chosen employer and lists the stored ones', async () => {
    expect(await fromSpot('content:employers', {})).toEqual({ ok: true, value: { employers: [], current: null } });
    expect(await fromSpot('content:setEmployer', { taxNumber: '12345678', name: null })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    const answer = await fromSpot('content:setEmployer', { taxNumber: OTHER_EMPLOYER, name: ' DRUGO d.o.o. ' });
    expect(answer).toEqual({ ok: true, value: { employers: [{ taxNumber: OTHER_EMPLOYER, name: 'DRUGO d.o.o.' }], current: OTHER_EMPLOYER } });
    expect(await db.settings.get('currentEmployer')).toEqual({ key: 'currentEmployer', value: OTHER_EMPLOYER });
  });
});

describe('content:storeDisclosure', () => {
  const furs = join(ROOT, 'test/fixtures/furs');
  const spotFiles = join(ROOT, 'test/fixtures/spot/files');
  const disclosureMsg = (file: string, over: Record<string, unknown> = {}) => ({
    employerTax: EMPLOYER, disclosure: readDisclosure(readFileSync(file), file), certificateNumber: '1000200001',
    workerName: 'Kovač Ana', fileName: file.split('/').pop(), ...over,
  });

  it('accepts every disclosure the readers produce from the fixtures', async () => {
    const files = [...readdirSync(furs).filter((f) => /\.(csv|tsv|xml)$/.test(f) && f !== 'wrong-columns.csv').map((f) => join(furs, f)),
      ...readdirSync(spotFiles).filter((f) => f.startsWith('osnova-')).map((f) => join(spotFiles, f))];
    for (const file of files) {
      const answer = await fromSpot('content:storeDisclosure', disclosureMsg(file, { certificateNumber: null, workerName: null }));
      expect(answer, file).toMatchObject({ ok: true });
    }
  });

  it('links the file to the certificate and answers with the hourly ZZZS base the engine computes', async () => {
    await fromSpot('content:storeCertificates', storeMsg([cert('1000200001')]));
    const file = join(spotFiles, 'osnova-P-2025-000123456.csv');
    const answer = await fromSpot('content:storeDisclosure', disclosureMsg(file));
    const d = readDisclosure(readFileSync(file));
    const { amount, hours } = d.sections[0]!.totals;
    expect(answer).toMatchObject({
      ok: true,
      value: {
        status: 'new', queryNumber: 'P-2025-000123456', certificateNumber: '1000200001', workerName: 'Kovač Ana',
        sections: [{ from: '2024-01-01', to: '2024-12-31', payer: 'zzzs', amount, hours }],
        zzzsBase: { hourly: Math.round((amount / hours) * 100) / 100, year: 2024, months: 12 }, noBaseReason: null,
      },
    });
    const row = await db.disclosures.where('queryNumber').equals('P-2025-000123456').first();
    expect(row).toMatchObject({ certificateNumber: '1000200001', workerId: `${EMPLOYER}:E1503985505018`, source: 'spot-download' });
    // The same file again: stored once.
    expect(await fromSpot('content:storeDisclosure', disclosureMsg(file))).toMatchObject({ ok: true, value: { status: 'same' } });
    expect(await db.disclosures.count()).toBe(1);
  });

  it('gives totals and warnings, and says why, when no base can be computed', async () => {
    const file = join(spotFiles, 'osnova-P-2025-000123457.xml');
    const answer = await fromSpot('content:storeDisclosure', disclosureMsg(file, { certificateNumber: '1000200005', workerName: 'Zupančič Luka' }));
    expect(answer).toMatchObject({
      ok: true,
      value: { zzzsBase: null, noBaseReason: 'noCertificate', warnings: ['BLANK_CELLS', 'AMOUNT_WITHOUT_HOURS'] },
    });
  });

  it('links by the worker named in the list row when nothing else does', async () => {
    await fromSpot('content:storeCertificates', storeMsg([cert('1000200005', { reason: '01', worker: { name: 'Zupančič Luka', zzzsNumber: null, emso: null } })]));
    const file = join(spotFiles, 'osnova-P-2025-000123457.xml');
    await fromSpot('content:storeDisclosure', disclosureMsg(file, { certificateNumber: null, workerName: 'ZUPANČIČ luka' }));
    const worker = (await db.workers.toArray()).find((w) => w.name === 'Zupančič Luka')!;
    expect(await db.disclosures.where('queryNumber').equals('P-2025-000123457').first()).toMatchObject({ workerId: worker.id });
    expect((await db.workers.get(worker.id))?.taxNumber).toBe('55512348');
  });

  it('refuses a disclosure of the wrong shape', async () => {
    const msg = disclosureMsg(join(furs, 'full-year.csv'));
    (msg.disclosure.sections[0]!.rows[0] as { month: string }).month = '2024-13';
    expect(await fromSpot('content:storeDisclosure', msg)).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(await db.disclosures.count()).toBe(0);
  });
});

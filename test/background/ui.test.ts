import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb, type SpotDb } from '../../src/background/db.ts';
import { createHandlers } from '../../src/background/handlers/index.ts';
import { createRegistry, type HandlerMap, type Registry } from '../../src/background/registry.ts';
import { assembleCase } from '../../src/lib/assemble.ts';
import type { Certificate } from '../../src/lib/certificates.ts';
import { computeCase } from '../../src/lib/compensation/index.ts';
import type { Disclosure } from '../../src/lib/disclosure/model.ts';
import { CHANNEL, type MessageName, type RequestOf, type ResponseOf, type WireError } from '../../src/shared/messages.ts';
import '../../src/shared/protocol/ui.ts';
import { CASES_DIR } from '../shared-cases.ts';
import { seedCertificates } from '../seed/certificates.ts';
import { EXTENSION_ID, EXTENSION_ORIGIN, resetFakeBrowser, senders } from './fakeBrowser.ts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fakeBrowser.ts')).fakeBrowser }));

const EMPLOYER = '12345679';
const OTHER = '10000003'; // a valid check digit

let db: SpotDb;
let registry: Registry;
let clock = new Date('2025-06-02T08:00:00.000Z');

beforeEach(() => {
  resetFakeBrowser();
  db = createDb({ indexedDB: new IDBFactory(), IDBKeyRange }, { name: 'ui-test' });
  clock = new Date('2025-06-02T08:00:00.000Z');
  registry = createRegistry(createHandlers({ db: () => db, now: () => clock }) as HandlerMap, { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN }, vi.fn());
});
afterEach(() => db.close());

/** Sends a `ui:` message from the popup through the registry (validation included). */
async function ui<K extends MessageName>(name: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const answer = await registry.dispatch({ channel: CHANNEL, name, payload }, senders.popup());
  if (!answer.ok) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
  return answer.value as ResponseOf<K>;
}
async function uiError<K extends MessageName>(name: K, payload: RequestOf<K>): Promise<WireError> {
  const answer = await registry.dispatch({ channel: CHANNEL, name, payload }, senders.popup());
  if (answer.ok) throw new Error(`${name} did not fail`);
  return answer.error;
}

const cert = (number: string, over: Partial<Certificate> = {}): Certificate => ({
  number, kind: 'eBOL', worker: { name: 'Novak Ana', zzzsNumber: '012345678', emso: null },
  reason: '01', from: '2025-03-03', to: '2025-03-14', hoursPerDay: null, status: 'issued', issuedOn: '2025-03-03', ...over,
});

type CaseJson = {
  certificates: { number: string; reason: string; from: string; to: string; status: 'issued' | 'cancelled' }[];
  employerBase: { rows: Disclosure['sections'][number]['rows'] };
  zzzsBase: { rows: Disclosure['sections'][number]['rows'] };
  recurrence?: { previousEmployerDays: number };
};
const golden = (name: string): { input: CaseJson; expected: { segments: Record<string, unknown>[]; totals: unknown } } => ({
  input: JSON.parse(readFileSync(join(CASES_DIR, `${name}.case.json`), 'utf8')) as CaseJson,
  expected: JSON.parse(readFileSync(join(CASES_DIR, `${name}.expected.json`), 'utf8')),
});

/** The case's base rows as two FURS disclosures of one worker (employer base, ZZZS base). */
function disclosuresOfCase(c: CaseJson, workerTax = '87654326'): Disclosure[] {
  const section = (rows: CaseJson['zzzsBase']['rows'], payer: 'zzzs' | 'employer') => ({
    basePeriod: { from: `${rows[0]!.month}-01`, to: `${rows.at(-1)!.month}-28` }, payer, noData: false, rows,
    totals: { amount: 0, hours: 0 },
  });
  const d = (q: string, payer: 'zzzs' | 'employer', rows: CaseJson['zzzsBase']['rows']): Disclosure => ({
    type: 'disclosure', queryNumber: q, employerTaxNumber: EMPLOYER, workerTaxNumber: workerTax,
    preparedOn: '2025-05-20', validUntil: '2025-05-19', sections: [section(rows, payer)], warnings: [],
  });
  return [d('P-2025-000000001', 'employer', c.employerBase.rows), d('P-2025-000000002', 'zzzs', c.zzzsBase.rows)];
}

describe('ui: employers, settings and the context the popup opens with', () => {
  it('starts empty with the default settings', async () => {
    expect(await ui('ui:getContext', {})).toEqual({
      employers: [], current: null, settings: { retentionDays: 90, parameterOverrides: {}, exportDialect: 'excel-si' },
    });
  });

  it('adds and edits an employer, selects it, and refuses a bad tax number', async () => {
    const ctx = await ui('ui:saveEmployer', { employer: { taxNumber: EMPLOYER, name: ' PRIMER d.o.o. ', seat: 'Ljubljana' } });
    expect(ctx.current).toBe(EMPLOYER);
    expect(ctx.employers).toEqual([{ taxNumber: EMPLOYER, name: 'PRIMER d.o.o.', seat: 'Ljubljana' }]);
    await ui('ui:saveEmployer', { employer: { taxNumber: OTHER, name: 'Drugi s.p.' } });
    expect((await ui('ui:getContext', {})).current).toBe(EMPLOYER); // a second employer does not take over
    expect((await ui('ui:selectEmployer', { taxNumber: OTHER })).current).toBe(OTHER);
    // The form sends the whole profile: a field the user emptied goes away.
    const edited = await ui('ui:saveEmployer', { employer: { taxNumber: EMPLOYER, name: 'PRIMER d.o.o.', seat: '', phone: '01 123 45 67', email: 'info@primer.si' } });
    expect(edited.employers.find((e) => e.taxNumber === EMPLOYER)).toEqual({ taxNumber: EMPLOYER, name: 'PRIMER d.o.o.', phone: '01 123 45 67', email: 'info@primer.si' });

    const bad = await uiError('ui:saveEmployer', { employer: { taxNumber: '12345678', name: 'X' } });
    expect(bad.code).toBe('INVALID_PAYLOAD');
    expect(bad.message).toMatch(/Kontrolna števka davčne številke/);
    expect((await uiError('ui:selectEmployer', { taxNumber: '99999999' })).code).toBe('NOT_FOUND');
  });

  it('stores settings: retention days, parameter overrides, export dialect', async () => {
    const ctx = await ui('ui:saveSettings', { retentionDays: 30, parameterOverrides: { minimumWage: 1300, averageWage: null }, exportDialect: 'csv' });
    expect(ctx.settings).toEqual({ retentionDays: 30, parameterOverrides: { minimumWage: 1300 }, exportDialect: 'csv' });
    expect((await uiError('ui:saveSettings', { retentionDays: 0 })).code).toBe('INVALID_PAYLOAD');
  });

  it('deletes all data only with the confirmation', async () => {
    await ui('ui:importCertificates', { certificates: [cert('1000001')], fallbackEmployerTax: EMPLOYER });
    expect((await uiError('ui:deleteAllData', { confirm: false } as never)).code).toBe('INVALID_PAYLOAD');
    expect(await db.certificates.count()).toBe(1);
    const ctx = await ui('ui:deleteAllData', { confirm: true });
    expect(ctx).toMatchObject({ employers: [], current: null });
    for (const table of db.tables) expect(await table.count()).toBe(0);
  });
});

describe('ui: importing what the popup read from files', () => {
  it('stores a file of certificates all or nothing, and selects the first employer', async () => {
    const r = await ui('ui:importCertificates', {
      certificates: [cert('1000001', { employerTaxNumber: EMPLOYER }), cert('1000002', { from: '2025-03-17', to: '2025-03-21' })],
      fallbackEmployerTax: null,
    }).catch((e: unknown) => e);
    // The second has no employer and none is selected: nothing of the file is stored.
    expect((r as { code: string }).code).toBe('INVALID_PAYLOAD');
    expect((r as Error).message).toMatch(/Potrdilo 1000002 nima davčne številke delodajalca/);
    expect(await db.certificates.count()).toBe(0);

    const ok = await ui('ui:importCertificates', {
      certificates: [cert('1000001', { employerTaxNumber: EMPLOYER }), cert('1000002', { from: '2025-03-17', to: '2025-03-21' })],
      fallbackEmployerTax: OTHER,
    });
    expect(ok).toEqual({ employers: [EMPLOYER, OTHER], added: 2, updated: 0, cancelled: 0, unchanged: 0 });
    expect((await db.certificates.get('1000002'))!.employerTax).toBe(OTHER);
    expect((await ui('ui:getContext', {})).current).toBe(EMPLOYER);

    const again = await ui('ui:importCertificates', { certificates: [cert('1000001', { status: 'cancelled' })], fallbackEmployerTax: EMPLOYER });
    expect(again).toMatchObject({ added: 0, cancelled: 1 });
  });

  it('keeps a selected employer the file itself stores, and otherwise selects the file\'s first', async () => {
    // The selection names an employer that is not stored (yet): the file stores it second.
    await db.settings.put({ key: 'currentEmployer', value: OTHER });
    await ui('ui:importCertificates', {
      certificates: [cert('1000001', { employerTaxNumber: EMPLOYER }), cert('1000002', { employerTaxNumber: OTHER })], fallbackEmployerTax: null,
    });
    expect((await ui('ui:getContext', {})).current).toBe(OTHER);
    // A selection naming an employer that neither exists nor is in the file gives way to the file's first.
    await db.settings.put({ key: 'currentEmployer', value: '87654321' });
    await ui('ui:importCertificates', { certificates: [cert('1000003', { employerTaxNumber: OTHER }), cert('1000004')], fallbackEmployerTax: EMPLOYER });
    expect((await ui('ui:getContext', {})).current).toBe(OTHER);
    expect(await db.history.count()).toBe(0); // only new certificates: no changes to record
  });

  it('names the place of the first invalid field of a large file', async () => {
    const certificates = Array.from({ length: 3000 }, (_, i) => cert(String(1_000_000 + i)));
    certificates[2718] = { ...certificates[2718]!, worker: { name: 'Novak Ana', zzzsNumber: '012345678', emso: 12 as unknown as string } };
    expect((await uiError('ui:importCertificates', { certificates, fallbackEmployerTax: EMPLOYER })).message)
      .toMatch(/certificates\[2718\]\.worker\.emso: pričakovano besedilo/);
    expect(await db.certificates.count()).toBe(0);
  });

  it('refuses certificates whose content is invalid (checked again in the background)', async () => {
    const e = await uiError('ui:importCertificates', { certificates: [cert('1000001', { from: '2025-03-20' })], fallbackEmployerTax: EMPLOYER });
    expect(e.message).toMatch(/pred začetkom/);
    expect((await uiError('ui:importCertificates', { certificates: [{ ...cert('1'), extra: 1 } as Certificate], fallbackEmployerTax: EMPLOYER })).message)
      .toMatch(/nepričakovano polje »extra«/);
    expect(await db.certificates.count()).toBe(0);
  });

  it('stores disclosures as new, same or new version, and links a worker with the rest of that person\'s files', async () => {
    await ui('ui:importCertificates', { certificates: [cert('1000001')], fallbackEmployerTax: EMPLOYER });
    const [employerBase, zzzsBase] = disclosuresOfCase(golden('02-illness-crosses-to-zzzs').input);
    expect(await ui('ui:importDisclosure', { disclosure: zzzsBase!, fallbackEmployerTax: null, fileName: 'osnova.csv' }))
      .toEqual({ employerTax: EMPLOYER, status: 'new', workerId: null });
    expect((await ui('ui:importDisclosure', { disclosure: zzzsBase!, fallbackEmployerTax: null, fileName: 'osnova.csv' })).status).toBe('same');
    expect((await ui('ui:importDisclosure', { disclosure: { ...zzzsBase!, validUntil: '2025-05-30' }, fallbackEmployerTax: null, fileName: 'osnova2.csv' })).status).toBe('newVersion');
    await ui('ui:importDisclosure', { disclosure: employerBase!, fallbackEmployerTax: null, fileName: 'osnova.xml' });

    const unlinked = await ui('ui:listDisclosures', { employerTax: EMPLOYER, unlinked: true });
    expect(unlinked).toHaveLength(3);
    const [worker] = (await ui('ui:listWorkers', { employerTax: EMPLOYER, offset: 0, limit: 10 })).rows;
    const linked = await ui('ui:linkDisclosure', { id: unlinked[0]!.id, workerId: worker!.id });
    expect(linked.workerId).toBe(worker!.id);
    // The same worker tax number: every file of that person is linked now.
    expect(await ui('ui:listDisclosures', { employerTax: EMPLOYER, unlinked: true })).toEqual([]);
    const detail = await ui('ui:getWorker', { workerId: worker!.id });
    expect(detail.worker.taxNumber).toBe('87654326');
    expect(detail.disclosures.map((d) => d.fileName).sort()).toEqual(['osnova.csv', 'osnova.xml', 'osnova2.csv']);
    expect(detail.certificates.map((c) => c.number)).toEqual(['1000001']);

    // A disclosure without the employer's tax number goes to the given employer, or is refused.
    const anonymous = { ...zzzsBase!, queryNumber: 'P-9', employerTaxNumber: null };
    expect((await uiError('ui:importDisclosure', { disclosure: anonymous, fallbackEmployerTax: null, fileName: 'x.csv' })).message).toMatch(/Izberite ali dodajte delodajalca/);
    expect((await ui('ui:importDisclosure', { disclosure: anonymous, fallbackEmployerTax: OTHER, fileName: 'x.csv' })).employerTax).toBe(OTHER);
  });

  it('remembers a column mapping by header signature', async () => {
    expect(await ui('ui:getColumnMapping', { signature: 'datum|opis|vrednost|kolicina' })).toBeNull();
    await ui('ui:saveColumnMapping', { signature: 'datum|opis|vrednost|kolicina', mapping: { Datum: 'month', Vrednost: 'amount' } });
    expect(await ui('ui:getColumnMapping', { signature: 'datum|opis|vrednost|kolicina' })).toEqual({ Datum: 'month', Vrednost: 'amount' });
    expect((await uiError('ui:saveColumnMapping', { signature: 's', mapping: { Datum: 'date' as never } })).code).toBe('INVALID_PAYLOAD');
  });
});

describe('ui: paged lists over 10 000 certificates', () => {
  it('pages certificates newest first, with totals for every filter, and sees a certificate stored after the first page', async () => {
    const { certificates, workers } = await seedCertificates(db, 10_000, { employerTax: EMPLOYER });
    const other = await seedCertificates(db, 50, { employerTax: OTHER, seed: 2, numberOffset: 500_000 }); // another employer's rows stay out
    const otherLast = await ui('ui:listCertificates', { employerTax: OTHER, offset: 40, limit: 50 });
    expect(otherLast).toMatchObject({ total: 50, offset: 40, hasMore: false });
    expect(otherLast.rows).toHaveLength(10);
    expect(otherLast.rows.at(-1)!.from).toBe(other.certificates.map((c) => c.from).sort()[0]);
    const sorted = [...certificates].sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : a.number < b.number ? 1 : -1));

    const first = await ui('ui:listCertificates', { employerTax: EMPLOYER, offset: 0, limit: 50 });
    expect(first).toMatchObject({ total: 10_000, offset: 0, hasMore: true });
    expect(first.rows).toHaveLength(50);
    expect(await ui('ui:countCertificates', { employerTax: EMPLOYER })).toBe(10_000);
    expect(first.rows.map((r) => r.number)).toEqual(sorted.slice(0, 50).map((r) => r.number));
    const second = await ui('ui:listCertificates', { employerTax: EMPLOYER, offset: 50, limit: 50 });
    expect(second.rows.map((r) => r.number)).toEqual(sorted.slice(50, 100).map((r) => r.number));
    const last = await ui('ui:listCertificates', { employerTax: EMPLOYER, offset: 9_980, limit: 50 });
    expect(last).toMatchObject({ total: 10_000, hasMore: false });
    expect(last.rows.map((r) => r.number)).toEqual(sorted.slice(9_980).map((r) => r.number));

    const month = '2024-03';
    const inMonth = certificates.filter((c) => c.from <= '2024-03-31' && c.to >= '2024-03-01');
    const byMonth = await ui('ui:listCertificates', { employerTax: EMPLOYER, offset: 0, limit: 1000, filter: { month } });
    expect(byMonth.total).toBe(inMonth.length);
    expect(new Set(byMonth.rows.map((r) => r.number))).toEqual(new Set(inMonth.map((c) => c.number)));

    const cancelledInjuries = certificates.filter((c) => c.status === 'cancelled' && c.reason === '02' && c.kind === 'eBOL');
    const filtered = await ui('ui:listCertificates', { employerTax: EMPLOYER, offset: 0, limit: 1000, filter: { status: 'cancelled', reason: '02', kind: 'eBOL' } });
    expect(filtered.total).toBe(cancelledInjuries.length);
    expect(cancelledInjuries.length).toBeGreaterThan(0);

    const byNumber = await ui('ui:listCertificates', { employerTax: EMPLOYER, offset: 0, limit: 10, filter: { search: '300000012' } });
    expect(byNumber.rows.map((r) => r.number).sort()).toEqual(certificates.map((c) => c.number).filter((n) => n.startsWith('300000012')).sort());
    const name = workers[3]!.name;
    const byName = await ui('ui:listCertificates', { employerTax: EMPLOYER, offset: 0, limit: 1000, filter: { search: name.toUpperCase() } });
    expect(byName.total).toBe(certificates.filter((c) => c.workerName!.includes(name)).length);

    expect((await uiError('ui:listCertificates', { employerTax: EMPLOYER, offset: 0, limit: 5000 })).code).toBe('INVALID_PAYLOAD');

    // The list is kept sorted between pages; a certificate stored after it was read is on the next first page, counted.
    const newest = cert('1999999999', { from: '2099-01-05', to: '2099-01-09' });
    await ui('ui:importCertificates', { certificates: [newest], fallbackEmployerTax: EMPLOYER });
    const again = await ui('ui:listCertificates', { employerTax: EMPLOYER, offset: 0, limit: 50 });
    expect(again.total).toBe(10_001);
    expect(again.rows.map((r) => r.number).slice(0, 2)).toEqual(['1999999999', sorted[0]!.number]);
    expect(await ui('ui:countCertificates', { employerTax: EMPLOYER })).toBe(10_001);
  });

  it('pages workers in Slovenian alphabetical order with their counts, and finds them by name or number', async () => {
    await seedCertificates(db, 400, { employerTax: EMPLOYER, workers: 40 });
    const all = await ui('ui:listWorkers', { employerTax: EMPLOYER, offset: 0, limit: 100 });
    expect(all.total).toBe(40);
    const names = all.rows.map((w) => w.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('sl').compare));
    // Č sorts after C and before D (code-point order would put it after Z).
    expect(names.findIndex((n) => n.startsWith('Čeh'))).toBeLessThan(names.findIndex((n) => n.startsWith('Golob')));
    const counts = await ui('ui:countWorkerRecords', { employerTax: EMPLOYER, workerIds: all.rows.map((w) => w.id) });
    expect(Object.values(counts).reduce((n, c) => n + c.certificates, 0)).toBe(400);
    expect(Object.values(counts).every((c) => c.disclosures === 0)).toBe(true);
    const page2 = await ui('ui:listWorkers', { employerTax: EMPLOYER, offset: 20, limit: 20 });
    expect(page2.rows.map((w) => w.name)).toEqual(names.slice(20, 40));
    const found = await ui('ui:listWorkers', { employerTax: EMPLOYER, offset: 0, limit: 20, search: 'sustar' });
    expect(found.rows.map((w) => w.name)).toEqual(names.filter((n) => n.startsWith('Šuštar')));
    expect((await ui('ui:listWorkers', { employerTax: EMPLOYER, offset: 0, limit: 20, search: '100000003' })).rows).toHaveLength(1);
  });
});

describe('ui: computing an absence from stored data', () => {
  async function storeCase(name: string, worker = { name: 'Kovač Ana', zzzsNumber: '012345678', emso: null }) {
    const { input, expected } = golden(name);
    await ui('ui:importCertificates', {
      certificates: input.certificates.map((c) => cert(c.number, { ...c, kind: 'eBOL', worker, hoursPerDay: null, issuedOn: c.from })),
      fallbackEmployerTax: EMPLOYER,
    });
    const workerId = (await db.workers.toArray())[0]!.id;
    for (const d of disclosuresOfCase(input)) {
      const { id } = await ui('ui:importDisclosure', { disclosure: d, fallbackEmployerTax: null, fileName: `${d.queryNumber}.xml` }).then(async () =>
        (await db.disclosures.where('queryNumber').equals(d.queryNumber!).first())!);
      await ui('ui:linkDisclosure', { id: id!, workerId });
    }
    return { input, expected, workerId };
  }

  it('gives the engine\'s numbers for golden case 02 and stores the computation and its claim lines', async () => {
    const { input, expected, workerId } = await storeCase('02-illness-crosses-to-zzzs');
    const view = await ui('ui:compute', { certificateNumber: '1000003' });
    expect(view.absence.certificates.map((c) => c.number)).toEqual(['1000002', '1000003']);
    expect(view.result.segments.map(({ certificate, reason, from, to, payer, workingDays, hours, hourlyBase, percentage, amount }) =>
      ({ certificate, reason, from, to, payer, workingDays, hours, hourlyBase, percentage, amount }))).toEqual(expected.segments);
    expect(view.result.totals).toEqual(expected.totals);
    // The same as the engine on the same data, assembled the way the companion does it.
    const certs = input.certificates.map((c) => cert(c.number, { ...c }));
    expect(view.result).toEqual(computeCase(assembleCase(certs, disclosuresOfCase(input))));
    expect(view.possibleRecurrence).toBe(false);

    // One ZZZS segment → one claim line, stored with its expiry (19 June 2025 + 3 years).
    expect(view.claim.lines).toHaveLength(1);
    const claims = await ui('ui:listClaims', { employerTax: EMPLOYER, offset: 0, limit: 10 });
    expect(claims.total).toBe(1);
    expect(claims.rows[0]!.line).toMatchObject({ certificate: '1000003', from: '2025-05-13', amount: 800.64, expiresOn: '2028-06-19' });
    expect(claims.rows[0]!.worker.name).toBe('Kovač Ana');
    expect(await db.claims.toArray()).toEqual([expect.objectContaining({ employerTax: EMPLOYER, certificateNumber: '1000003', expiresOn: '2028-06-19' })]);

    // Computing again (with an input) replaces the computation and its lines; the input is remembered.
    clock = new Date('2025-06-03T08:00:00.000Z');
    const again = await ui('ui:compute', { certificateNumber: '1000002', options: { excludedAllowances: 1000, paymentDate: '2025-06-10' } });
    expect(again.result.segments[2]!.hourlyBase).toBeLessThan(13.9);
    expect(await db.computations.count()).toBe(1);
    expect(await db.claims.count()).toBe(1);
    const reopened = await ui('ui:compute', { certificateNumber: '1000003' });
    expect(reopened.options).toEqual({ excludedAllowances: 1000, paymentDate: '2025-06-10' });
    expect(reopened.result).toEqual(again.result);
    expect(await ui('ui:listAbsences', { workerId })).toEqual([
      { key: '1000002', workerId, reason: '01', from: '2025-04-01', to: '2025-05-23', certificates: ['1000002', '1000003'], computedAt: '2025-06-03T08:00:00.000Z' },
    ]);
    const segments = await ui('ui:listSegments', { employerTax: EMPLOYER });
    expect(segments.map((s) => [s.worker.name, s.segment.from, s.segment.payer])).toEqual([
      ['Kovač Ana', '2025-04-01', 'employer'], ['Kovač Ana', '2025-05-01', 'employer'], ['Kovač Ana', '2025-05-13', 'zzzs'],
    ]);
  });

  it('applies the parameter overrides of the settings, and the absence\'s own over them', async () => {
    await storeCase('02-illness-crosses-to-zzzs');
    await ui('ui:saveSettings', { parameterOverrides: { averageWage: 300 } });
    const capped = await ui('ui:compute', { certificateNumber: '1000003' });
    expect(capped.inputs.averageWage).toBe(300);
    expect(capped.result.segments[2]!.limitApplied).toBe('cap');
    const own = await ui('ui:compute', { certificateNumber: '1000003', options: { averageWage: 3000 } });
    expect(own.inputs.averageWage).toBe(3000);
    expect(own.result.segments[2]!.limitApplied).toBeNull();
  });

  it('warns of a possible recurrence and, once confirmed, derives the previous absence\'s employer days', async () => {
    // Golden case 11's absence (13–24 Oct 2025), after an illness 1 Sep – 8 Oct 2025 (28 working days
    // paid by the employer) and a break of 2 working days.
    await storeCase('11-recurrence-same-illness');
    await ui('ui:importCertificates', {
      certificates: [cert('1000012', { from: '2025-09-01', to: '2025-10-08', worker: { name: 'Kovač Ana', zzzsNumber: '012345678', emso: null } })],
      fallbackEmployerTax: EMPLOYER,
    });
    const first = await ui('ui:compute', { certificateNumber: '1000013' });
    expect(first.possibleRecurrence).toBe(true);
    expect(first.previous).toEqual({ from: '2025-09-01', to: '2025-10-08', certificates: ['1000012'], employerDays: 28, breakWorkingDays: 2 });
    expect(first.inputs).toMatchObject({ employerDaysUsedThisYear: 28, previousEmployerDays: null });
    expect(first.result.segments.map((s) => s.payer)).toEqual(['employer']);

    // Confirmed: 28 + 10 working days exceed 30, so ZZZS pays the new absence from its first day (RULES §5).
    const confirmed = await ui('ui:compute', { certificateNumber: '1000013', options: { recurrence: true } });
    expect(confirmed.inputs.previousEmployerDays).toBe(28);
    expect(confirmed.result.segments.map((s) => [s.payer, s.from, s.to])).toEqual([['zzzs', '2025-10-13', '2025-10-24']]);
    expect(confirmed.result.trace.find((s) => s.step === 'RECURRENCE')).toMatchObject({ status: 'UNCONFIRMED' });
    expect(confirmed.claim.lines).toHaveLength(1);
  });

  it('says what is missing: an unknown certificate, a bad calendar', async () => {
    expect((await uiError('ui:compute', { certificateNumber: '42' })).code).toBe('NOT_FOUND');
    await storeCase('02-illness-crosses-to-zzzs');
    const e = await uiError('ui:compute', { certificateNumber: '1000002', options: { calendar: { '2025-02-30': 4 } } });
    expect(e.code).toBe('INVALID_PAYLOAD');
    expect(e.message).toMatch(/Izračun ni mogoč/);
  });
});

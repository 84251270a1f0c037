/**
 * The A1 postings register through the registry (sender, size and shape checks included):
 * what is refused, what is stored with its checks, overlaps, the filing day, edits and
 * deletions, and the postings the helper offers on SPOT's A1 form.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb, type SpotDb } from '../../src/background/db.ts';
import { createHandlers } from '../../src/background/handlers/index.ts';
import { createRegistry, type HandlerMap, type Registry } from '../../src/background/registry.ts';
import { historyOf } from '../../src/background/store/history.ts';
import { CHANNEL, type MessageName, type RequestOf, type ResponseOf, type WireError } from '../../src/shared/messages.ts';
import type { PostingInput } from '../../src/shared/protocol/a1.ts';
import { EXTENSION_ID, EXTENSION_ORIGIN, resetFakeBrowser, senders } from './fakeBrowser.ts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fakeBrowser.ts')).fakeBrowser }));

const EMPLOYER = '12345679';
const OTHER = '10000003';
const SPOT_TAB = senders.tab('https://spot.gov.si/forms/a1-form.html');
const EMSO = '0101990500003';

let db: SpotDb;
let registry: Registry;

beforeEach(() => {
  resetFakeBrowser();
  db = createDb({ indexedDB: new IDBFactory(), IDBKeyRange }, { name: 'a1-test' });
  // 21 Nov 2026, morning in Ljubljana.
  registry = createRegistry(createHandlers({ db: () => db, now: () => new Date('2026-11-21T08:00:00.000Z') }) as HandlerMap,
    { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN }, vi.fn());
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

const posting = (over: Partial<PostingInput> = {}, person: Partial<PostingInput['person']> = {}): PostingInput => ({
  person: { emso: EMSO, name: 'Janez', surname: 'Kranjc', birthPlace: 'Kranj', citizenship: 'slovensko', addressInSlovenia: 'Cesta 1, 4000 Kranj', ...person },
  country: 'AT', placeOfWork: 'Graz', client: { name: 'Bau GmbH', address: 'Hauptplatz 1, 8010 Graz', taxNumber: 'ATU12345678' },
  tasks: 'Montaža fasade', start: '2026-12-01', end: '2027-05-31', originalBasis: '001', ...over,
});
const save = (p: PostingInput, over: { id?: number | null; filedOn?: string | null; employerTax?: string } = {}) =>
  send('ui:savePosting', { employerTax: over.employerTax ?? EMPLOYER, id: over.id ?? null, posting: p, filedOn: over.filedOn ?? null });
const codes = (v: { issues: { code: string }[] }) => v.issues.map((i) => i.code);

describe('ui:savePosting — what is stored', () => {
  it('stores a complete posting with no issues, trimmed, where the CSV export and the worker can find it', async () => {
    const v = await save(posting({ tasks: '  Montaža fasade ', placeOfWork: ' Graz' }, { surnameAtBirth: '   ', emso: '0101990 500003' }));
    expect(v.issues).toEqual([]);
    expect(v.posting).toMatchObject({ id: v.id, tasks: 'Montaža fasade', placeOfWork: 'Graz', person: { emso: EMSO } });
    expect(v.posting.person).not.toHaveProperty('surnameAtBirth');
    const row = (await db.postings.get(v.id))!;
    expect(row).toMatchObject({ employerTax: EMPLOYER, workerId: `${EMPLOYER}:E${EMSO}`, start: '2026-12-01', end: '2027-05-31' });
    // `data` is the posting itself (what src/popup/exports.ts writes with A1_COLUMNS), plus the filing day.
    expect(row.data).toMatchObject({ person: { surname: 'Kranjc' }, client: { name: 'Bau GmbH' }, start: '2026-12-01', filedOn: null });
    expect(await send('ui:listA1Postings', { employerTax: EMPLOYER })).toEqual([v]);
    expect((await historyOf(db, 'postings', String(v.id))).map((h) => Object.keys(h.change as object))).toEqual([['created']]);
  });

  it('links the posting to the stored worker with the same EMŠO', async () => {
    await db.workers.put({ id: `${EMPLOYER}:Z034567891`, employerTax: EMPLOYER, name: 'Kranjc Janez', emso: EMSO, zzzsNumber: '034567891' });
    const v = await save(posting());
    expect((await db.postings.get(v.id))!.workerId).toBe(`${EMPLOYER}:Z034567891`);
  });

  it('keeps drafts and problems it can show: too early, retroactive, over 24 months, a missing client or task', async () => {
    // Filing is possible from 30 days before the start: 22 Dec is one day too far.
    expect(codes(await save(posting({ start: '2026-12-21', end: '2027-01-31' })))).toEqual([]);
    const early = await save(posting({ start: '2026-12-22', end: '2027-01-31' }, { emso: '0202985505006' }));
    expect(codes(early)).toEqual(['TOO_EARLY']);
    expect(codes(await save(posting({ start: '2026-11-20', end: '2026-12-31' }, { emso: '1503985500016' })))).toEqual(['RETROACTIVE']);
    expect(codes(await save(posting({ start: '2027-01-04', end: '2029-01-04' }, { emso: '0101980500005' })))).toEqual(['OVER_24_MONTHS', 'TOO_EARLY']);
    const draft = await save(posting({ tasks: '', client: { name: '', address: '', taxNumber: '' } }, { emso: '3101979500000' }));
    expect(draft.issues.map((i) => [i.code, i.field])).toEqual([['MISSING_FIELD', 'client.name'], ['MISSING_FIELD', 'client.address'], ['MISSING_FIELD', 'tasks']]);
    expect(await db.postings.count()).toBe(5);
  });

  it('judges a filed application by its filing day, and refuses a filing day in the future', async () => {
    const past = posting({ start: '2026-11-02', end: '2027-02-28' });
    const unfiled = await save(past);
    expect(codes(unfiled)).toEqual(['RETROACTIVE']);
    const filed = await save(past, { id: unfiled.id, filedOn: '2026-10-20' });
    expect(filed).toMatchObject({ filedOn: '2026-10-20', issues: [] });
    expect(codes(await save(posting({ start: '2026-12-01' }, { emso: '0202985505006' }), { filedOn: '2026-10-31' }))).toEqual(['TOO_EARLY']);
    // Filed today is fine; tomorrow is not a filing day yet.
    expect(await save(past, { id: unfiled.id, filedOn: '2026-11-21' })).toMatchObject({ filedOn: '2026-11-21' });
    const e = await refused('ui:savePosting', { employerTax: EMPLOYER, id: null, posting: past, filedOn: '2026-11-22' });
    expect(e).toMatchObject({ code: 'INVALID_PAYLOAD' });
    expect(e.message).toMatch(/v prihodnosti/);
  });

  it('flags postings of the same person that overlap (the boundary day included), in both of them', async () => {
    const a = await save(posting());
    const b = await save(posting({ country: 'GB', start: '2027-05-31', end: '2027-08-31' }));
    expect(codes(b)).toEqual(['TOO_EARLY', 'OVERLAP']);
    const list = await send('ui:listA1Postings', { employerTax: EMPLOYER });
    expect(list.map((v) => [v.id, codes(v)])).toEqual([[a.id, ['OVERLAP']], [b.id, ['TOO_EARLY', 'OVERLAP']]]);
    // Moving the second one a day later ends the overlap; another employer's postings never count.
    expect(codes(await save(posting({ country: 'GB', start: '2027-06-01', end: '2027-08-31' }), { id: b.id }))).toEqual(['TOO_EARLY']);
    expect(codes(await save(posting(), { employerTax: OTHER }))).toEqual([]);
  });
});

describe('ui:savePosting — what is refused (nothing stored)', () => {
  const cases: [string, unknown, RegExp][] = [
    ['a bad EMŠO check digit', posting({}, { emso: '0101990500004' }), /EMŠO: Kontrolna števka EMŠO ni pravilna/],
    ['an EMŠO of 12 digits', posting({}, { emso: '010199050000' }), /EMŠO mora imeti 13 števk/],
    ['an end before the start', posting({ end: '2026-11-30' }), /konec napotitve: Konec napotitve \(2026-11-30\) je pred začetkom/],
    ['Slovenia', posting({ country: 'SI' }), /država: Za državo »SI«/],
    ['a country outside the EU/EEA/CH/UK', posting({ country: 'RS' }), /država: Za državo »RS«/],
    ['no country', posting({ country: '' }), /država/],
    ['no surname', posting({}, { surname: '  ' }), /priimek: Polje je obvezno/],
  ];
  for (const [what, p, message] of cases) {
    it(`refuses ${what}`, async () => {
      const e = await refused('ui:savePosting', { employerTax: EMPLOYER, id: null, posting: p, filedOn: null });
      expect(e.code).toBe('INVALID_PAYLOAD');
      expect(e.message).toMatch(message);
      expect(await db.postings.count()).toBe(0);
    });
  }

  it('refuses payloads of the wrong shape or size', async () => {
    const bad: [unknown, RegExp][] = [
      [{ ...posting(), start: '2026-02-30' }, /start: pričakovan datum/],
      [{ ...posting(), originalBasis: '002' }, /originalBasis/],
      [{ ...posting(), tasks: 'x'.repeat(2001) }, /tasks: besedilo je predolgo/],
      [{ ...posting(), country: 'AUT' }, /country/],
      [{ ...posting(), salary: 1000 }, /nepričakovano polje »salary«/],
      [{ ...posting(), person: { emso: EMSO, name: 'Janez' } }, /person.surname: pričakovano besedilo/],
    ];
    for (const [p, message] of bad) {
      const e = await refused('ui:savePosting', { employerTax: EMPLOYER, id: null, posting: p, filedOn: null });
      expect(e.code).toBe('INVALID_PAYLOAD');
      expect(e.message).toMatch(message);
    }
    expect((await refused('ui:savePosting', { employerTax: '12345678', id: null, posting: posting(), filedOn: null })).message).toMatch(/employerTax/);
    expect(await db.postings.count()).toBe(0);
  });

  it('edits and deletes only postings of the employer it names; the history keeps what was deleted', async () => {
    const v = await save(posting());
    expect((await refused('ui:savePosting', { employerTax: OTHER, id: v.id, posting: posting(), filedOn: null })).code).toBe('NOT_FOUND');
    expect((await refused('ui:deletePosting', { employerTax: OTHER, id: v.id })).code).toBe('NOT_FOUND');
    const edited = await save(posting({ placeOfWork: 'Dunaj' }), { id: v.id });
    expect(edited).toMatchObject({ id: v.id, posting: { placeOfWork: 'Dunaj' } });
    expect(await db.postings.count()).toBe(1);
    expect(await send('ui:deletePosting', { employerTax: EMPLOYER, id: v.id })).toEqual({ id: v.id });
    expect(await db.postings.count()).toBe(0);
    const history = await historyOf(db, 'postings', String(v.id));
    expect(history.map((h) => Object.keys(h.change as object)[0])).toEqual(['created', 'updated', 'deleted']);
    expect((history[2]!.change as { deleted: { placeOfWork: string } }).deleted.placeOfWork).toBe('Dunaj');
  });
});

describe('content:a1Postings — for SPOT\'s A1 form', () => {
  it('answers only a SPOT tab, with the employer profile and the postings ready to file first', async () => {
    await db.employers.put({ taxNumber: EMPLOYER, name: 'PRIMER d.o.o.', registrationNumber: '1234567000', seat: 'Dunajska 1, 1000 Ljubljana' });
    const early = await save(posting({ start: '2027-01-04', end: '2027-03-31' }, { emso: '0202985505006' }));
    const filed = await save(posting({ start: '2026-11-02', end: '2027-02-28' }, { emso: '1503985500016' }), { filedOn: '2026-10-20' });
    const ready = await save(posting({ start: '2026-12-10' }));
    const ready2 = await save(posting({ start: '2026-12-01', end: '2027-01-31' }, { emso: '3101979500000' }));

    expect((await refused('content:a1Postings', { employerTax: EMPLOYER })).code).toBe('FORBIDDEN_SENDER');
    const r = await send('content:a1Postings', { employerTax: EMPLOYER }, SPOT_TAB);
    expect(r.employer).toMatchObject({ name: 'PRIMER d.o.o.', registrationNumber: '1234567000' });
    expect(r.postings.map((p) => p.id)).toEqual([ready2.id, ready.id, early.id, filed.id]);

    // Without the employer on the page: the one selected in the extension, or none.
    expect(await send('content:a1Postings', { employerTax: null }, SPOT_TAB)).toEqual({ employer: null, postings: [] });
    await db.settings.put({ key: 'currentEmployer', value: EMPLOYER });
    expect((await send('content:a1Postings', { employerTax: null }, SPOT_TAB)).postings).toHaveLength(4);
    expect(await send('content:a1Postings', { employerTax: OTHER }, SPOT_TAB)).toEqual({ employer: null, postings: [] });
  });
});

// @dom-environment: happy-dom, modules transformed for Node (vitest.config.ts)
/**
 * The A1 register view: its loading, error, empty and data states; the posting form with the
 * checks of RULES §9 next to the fields (in words, with the dates that matter), what it will
 * not save, what it sends; editing, deleting with a confirmation, and the CSV export.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addDays, todayInLjubljana } from '../../src/lib/dates.ts';
import { formatDate } from '../../src/lib/format.ts';
import { downloadText } from '../../src/popup/api.ts';
import { A1View } from '../../src/popup/views/A1View.tsx';
import { VIEWS } from '../../src/popup/views/index.ts';
import { t } from '../../src/shared/i18n.ts';
import { MessageError } from '../../src/shared/messages.ts';
import type { PostingView } from '../../src/shared/protocol/a1.ts';
import { answer, button, choose, click, labelled, mount, pending, sent, text, type, unmount, until, viewProps } from './helpers.tsx';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../background/fakeBrowser.ts')).fakeBrowser }));
vi.mock('../../src/popup/api.ts', () => ({ call: vi.fn(), openAppTab: vi.fn(), downloadText: vi.fn() }));

beforeEach(() => { vi.spyOn(navigator, 'language', 'get').mockReturnValue('sl-SI'); });
afterEach(() => { unmount(); vi.restoreAllMocks(); });

const today = todayInLjubljana();
const sl = (iso: string) => formatDate(iso, 'sl');
const posting = (id: number, over: Partial<PostingView['posting']> = {}, view: Partial<PostingView> = {}): PostingView => ({
  id, employerTax: '12345679', filedOn: null, issues: [],
  posting: {
    id, person: { emso: '0101990500003', name: 'Janez', surname: 'Kranjc' }, country: 'AT', placeOfWork: 'Graz',
    client: { name: 'Bau GmbH', address: 'Hauptplatz 1, 8010 Graz', taxNumber: 'ATU12345678' }, tasks: 'Montaža fasade',
    start: addDays(today, 10), end: addDays(today, 100), ...over,
  },
  ...view,
});
const field = (root: HTMLElement, name: string) => root.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
const issues = (root: HTMLElement, name: string) => [...root.querySelectorAll(`[data-testid="issues-${name}"] li`)].map((li) => [li.getAttribute('data-code'), text(li)]);

describe('A1 (postings register)', () => {
  it('is a tab between the claims and the export', () => {
    const ids = VIEWS.map((v) => v.id);
    expect(ids.indexOf('a1')).toBe(ids.indexOf('claims') + 1);
    expect(VIEWS.find((v) => v.id === 'a1')).toMatchObject({ label: 'a1_view', needsEmployer: true });
  });

  it('is loading, fails with a message and "try again", or says the register is empty', async () => {
    answer({ 'ui:listA1Postings': () => pending() });
    let root = await mount(<A1View {...viewProps()} />);
    expect(root.querySelector('[data-state=loading]')).not.toBeNull();

    let fail = true;
    answer({ 'ui:listA1Postings': () => { if (fail) throw new MessageError('UNREACHABLE'); return []; } });
    root = await mount(<A1View {...viewProps()} />);
    expect(text(root.querySelector('[role=alert]'))).toContain(t('error_UNREACHABLE'));
    fail = false;
    await click(button(root, t('popup_retry')));
    expect(text(root.querySelector('[data-state=empty]'))).toBe('V registru še ni napotitev.');
    expect(button(root, 'Izvozi register (CSV)')!.disabled).toBe(true);
  });

  it('lists the postings with their checks in words', async () => {
    const early = posting(2, { person: { emso: '0202985505006', name: 'Eva', surname: 'Horvat' }, country: 'DE', start: addDays(today, 40), end: addDays(today, 60) },
      { issues: [{ code: 'TOO_EARLY', field: 'start', sl: '', en: '' }] });
    answer({ 'ui:listA1Postings': () => [posting(1, {}, { filedOn: addDays(today, -1) }), early] });
    const root = await mount(<A1View {...viewProps()} />);
    const rows = [...root.querySelectorAll('[data-testid=a1-table] tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-issues'))).toEqual(['0', '1']);
    expect(text(rows[0])).toContain('Kranjc Janez');
    expect(text(rows[0])).toContain('Avstrija');
    expect(text(rows[0])).toContain(sl(addDays(today, -1)));
    expect(text(rows[0])).toContain('brez težav');
    expect(text(rows[1]!.querySelector('[data-code=TOO_EARLY]'))).toBe(`Prezgodaj: vlogo lahko oddate največ 30 dni pred začetkom napotitve, torej od ${sl(addDays(today, 10))}.`);
    expect(text(rows[1])).toContain('Nemčija');
  });

  it('adds a posting: the checks show under their fields as the clerk types, impossible ones block the save, the rest is sent', async () => {
    const other = posting(1, { start: addDays(today, 5), end: addDays(today, 20) });
    const saved = posting(7, { start: addDays(today, 10) });
    answer({ 'ui:listA1Postings': () => [other], 'ui:savePosting': () => saved });
    const refresh = vi.fn(async () => {});
    const root = await mount(<A1View {...viewProps({ refresh })} />);
    await click(button(root, 'Nova napotitev'));
    const form = root.querySelector('[data-testid=a1-form]') as HTMLElement;
    expect(labelled(form, 'EMŠO')).toBe(field(form, 'person.emso'));
    // Nothing is judged before the clerk has touched a field.
    expect(form.querySelectorAll('[data-testid^=issues-] li')).toHaveLength(0);

    await type(field(form, 'person.emso'), '0101990500004');
    field(form, 'person.emso').dispatchEvent(new Event('blur'));
    await click(button(form, t('popup_save')));
    expect(issues(form, 'person.emso')).toEqual([['BAD_EMSO', 'Kontrolna števka EMŠO ni pravilna (pričakovana 3, najdena 4).']]);
    expect(field(form, 'person.emso').getAttribute('aria-invalid')).toBe('true');
    expect(field(form, 'person.emso').getAttribute('aria-describedby')).toContain('a1-person-emso-issues');
    expect(issues(form, 'country')).toEqual([['COUNTRY_NOT_COVERED', 'Izberite državo napotitve.']]);
    expect(text(form.querySelector('[data-testid=a1-problem]'))).toBe('Popravite označena polja: takšne napotitve ni mogoče shraniti.');
    expect(document.activeElement).toBe(field(form, 'person.emso'));
    expect(sent('ui:savePosting')).toEqual([]);

    await type(field(form, 'person.emso'), '0101990500003');
    await type(field(form, 'person.surname'), 'Kranjc');
    await type(field(form, 'person.name'), 'Janez');
    await choose(field(form, 'country'), 'AT');
    await type(field(form, 'placeOfWork'), 'Graz');
    await type(field(form, 'start'), addDays(today, 40));
    await type(field(form, 'end'), addDays(today, 30));
    expect(issues(form, 'end')).toEqual([['END_BEFORE_START', `Konec napotitve (${sl(addDays(today, 30))}) je pred začetkom (${sl(addDays(today, 40))}).`]]);
    await type(field(form, 'end'), addDays(today + '', 800));
    expect(issues(form, 'end')[0]![0]).toBe('OVER_24_MONTHS');
    expect(issues(form, 'end')[0]![1]).toMatch(/^Napotitev traja več kot 24 mesecev: končati se mora najpozneje /);
    expect(issues(form, 'start')).toEqual([['TOO_EARLY', `Prezgodaj: vlogo lahko oddate največ 30 dni pred začetkom napotitve, torej od ${sl(addDays(today, 10))}.`]]);
    // The same person's other posting: overlapping days are named.
    await type(field(form, 'start'), addDays(today, 10));
    await type(field(form, 'end'), addDays(today, 100));
    expect(issues(form, 'start')).toEqual([['OVERLAP', `Se prekriva z drugo napotitvijo iste osebe: Avstrija, ${sl(addDays(today, 5))} – ${sl(addDays(today, 20))}.`]]);
    await type(field(form, 'start'), addDays(today, -3));
    expect(issues(form, 'start').map(([c]) => c)).toEqual(['RETROACTIVE', 'OVERLAP']);
    await type(field(form, 'start'), addDays(today, 25));
    expect(issues(form, 'start')).toEqual([]);

    await type(field(form, 'tasks'), 'Montaža fasade');
    await type(field(form, 'client.name'), 'Bau GmbH');
    await type(field(form, 'client.address'), 'Hauptplatz 1');
    await choose(field(form, 'originalBasis'), '001');
    await click(button(form, t('popup_save')));
    expect(sent('ui:savePosting')).toEqual([{
      employerTax: '12345679', id: null, filedOn: null,
      posting: {
        person: { emso: '0101990500003', name: 'Janez', surname: 'Kranjc' }, country: 'AT', placeOfWork: 'Graz', start: addDays(today, 25), end: addDays(today, 100),
        tasks: 'Montaža fasade', client: { name: 'Bau GmbH', address: 'Hauptplatz 1', taxNumber: '' }, originalBasis: '001',
      },
    }]);
    expect(text(root.querySelector('[data-testid=a1-status]'))).toBe('Napotitev Kranjc Janez je shranjena.');
    expect(root.querySelector('[data-testid=a1-form]')).toBeNull();
    expect(refresh).toHaveBeenCalled();
  });

  it('shows what the background refused, and keeps what was typed', async () => {
    answer({ 'ui:listA1Postings': () => [posting(1)], 'ui:savePosting': () => { throw new MessageError('INVALID_PAYLOAD', 'Napotitve ni mogoče shraniti: EMŠO: …'); } });
    const root = await mount(<A1View {...viewProps()} />);
    await click(button(root, 'Uredi'));
    const form = root.querySelector('[data-testid=a1-form]') as HTMLElement;
    expect(text(form.querySelector('h3'))).toBe('Napotitev: Kranjc Janez');
    expect(field(form, 'placeOfWork').value).toBe('Graz');
    await type(field(form, 'placeOfWork'), 'Dunaj');
    await click(button(form, t('popup_save')));
    expect(sent('ui:savePosting')[0]).toMatchObject({ id: 1, posting: { placeOfWork: 'Dunaj' } });
    expect(text(form.querySelector('[role=alert]'))).toBe('Napotitve ni mogoče shraniti: EMŠO: …');
    expect(field(form, 'placeOfWork').value).toBe('Dunaj');
  });

  it('a filed application is judged on its filing day; a filing day in the future is refused', async () => {
    answer({ 'ui:listA1Postings': () => [posting(1, { start: addDays(today, -20), end: addDays(today, 40) })] });
    const root = await mount(<A1View {...viewProps()} />);
    await click(button(root, 'Uredi'));
    const form = root.querySelector('[data-testid=a1-form]') as HTMLElement;
    expect(issues(form, 'start').map(([c]) => c)).toEqual(['RETROACTIVE']);
    await type(field(form, 'filedOn'), addDays(today, -25));
    expect(issues(form, 'start')).toEqual([]);
    await type(field(form, 'filedOn'), addDays(today, 1));
    expect(issues(form, 'filedOn')).toEqual([['BAD_DATE', 'Datum oddaje je v prihodnosti.']]);
  });

  it('deletes after a confirmation, and exports the register as CSV', async () => {
    answer({
      'ui:listA1Postings': () => [posting(1)],
      'ui:deletePosting': ({ id }) => ({ id }),
    });
    const root = await mount(<A1View {...viewProps()} />);
    await click(button(root, 'Izbriši'));
    const dialog = root.querySelector('[role=dialog]')!;
    expect(text(dialog)).toContain('Napotitev Kranjc Janez (Avstrija,');
    await click(button(dialog as HTMLElement, 'Da, izbriši'));
    expect(sent('ui:deletePosting')).toEqual([{ employerTax: '12345679', id: 1 }]);
    expect(text(root.querySelector('[data-testid=a1-status]'))).toBe('Napotitev Kranjc Janez je izbrisana.');

    const p = posting(1);
    answer({
      'ui:listA1Postings': () => [p],
      // The export reads the stored rows, as the Izvoz view does.
      'ui:listPostings': () => [{ id: 1, employerTax: '12345679', workerId: '12345679:E0101990500003', start: p.posting.start, end: p.posting.end, data: p.posting, workerName: null }],
    });
    await click(button(root, 'Izvozi register (CSV)'));
    await until(() => vi.mocked(downloadText).mock.calls.length > 0);
    const [fileName, csv] = vi.mocked(downloadText).mock.calls[0]!;
    expect(fileName).toMatch(/^spot-pomocnik_a1-napotitve_PRIMER-d-o-o_\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv).toContain('EMŠO;Priimek;Ime;Država');
    expect(csv).toContain('0101990500003;Kranjc;Janez;Avstrija;Graz;Bau GmbH');
  });
});

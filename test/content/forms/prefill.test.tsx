// @dom-environment: happy-dom, modules transformed for Node (vitest.config.ts)
/**
 * The helper's prefill on SPOT's refund and A1 forms in happy-dom, with the forms' own
 * scripts (the plain form's "Dodaj vrstico") and a fake background: ask → choose → review
 * every value → fill (lines added with the form's button, outlines) → what could not be found;
 * nothing submitted. And the section as the user sees it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentContext, Messenger } from '../../../src/content/context.ts';
import { PrefillSection } from '../../../src/content/forms/PrefillSection.tsx';
import { planWithPaymentDate, startPrefill, type Prefill } from '../../../src/content/forms/prefill.ts';
import type { PrefillState } from '../../../src/content/forms/state.ts';
import { startPageReading } from '../../../src/content/pages/controller.ts';
import { postingsForForm } from '../../../src/shared/forms/a1ForForm.ts';
import { PanelStore } from '../../../src/content/panel/model.ts';
import { todayInLjubljana } from '../../../src/lib/dates.ts';
import type { ClaimLine } from '../../../src/lib/refund.ts';
import { MessageError } from '../../../src/shared/messages.ts';
import type { PostingView } from '../../../src/shared/protocol/a1.ts';
import { refundPlan } from '../../../src/shared/forms/refundForm.ts';
import type { RefundClaimChoice, RefundClaimOffer } from '../../../src/shared/protocol/prefill.ts';
import { ROOT } from '../../companion/run.ts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../../background/fakeBrowser.ts')).fakeBrowser }));

const FORMS = join(ROOT, 'test/fixtures/spot/forms');

/** Shows a fixture page and runs its own script (the plain form's add-line button and submit counter). */
function show(file: string, edit: (html: string) => string = (h) => h): void {
  const html = edit(readFileSync(join(FORMS, file), 'utf8')).replace(/<link\b[^>]*>|<script\b[^>]*><\/script>/g, '');
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`https://spot.gov.si/forms/${file}`);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.title = parsed.title;
  document.head.replaceWith(document.importNode(parsed.head, true));
  document.body.replaceWith(document.importNode(parsed.body, true));
  const script = file.replace(/\.html$/, '.js');
  new Function(readFileSync(join(FORMS, script), 'utf8'))();
}

const line = (certificate: string, from: string, to: string, hours: number, amount: number | null): ClaimLine => ({
  certificate, reason: '01', from, to, hours, baseYear: 2024, baseMonths: 12, baseAmount: 29130.18, baseHours: 2096, valorisation: 1,
  hourlyBase: amount === null ? null : 13.9, percentage: 80, amount, expiresOn: '2028-06-19', warnFrom: '2028-04-20', complete: amount !== null,
});
/** As the background offers it (handlers/prefill.ts): with its plan, without the payment date. */
const offer = (c: RefundClaimChoice): RefundClaimOffer => ({ ...c, plan: refundPlan({ ...c, employerTaxNumber: null, paymentDate: null }) });
const MAJA: RefundClaimOffer = offer({
  key: '1000002', computedAt: '2025-06-02T08:00:00.000Z', worker: { name: 'Zupančič Maja', zzzsNumber: '034567891', emso: null },
  paymentDate: null, monthlyObligation: 173.33, total: 1245.44, expiresOn: '2028-06-19',
  lines: [line('1000003', '2025-05-13', '2025-05-23', 72, 800.64), line('1000004', '2025-05-24', '2025-05-30', 40, 444.8)],
});
const ANA: RefundClaimOffer = offer({
  key: '1000050', computedAt: '2025-06-03T08:00:00.000Z', worker: { name: 'Novak Ana', zzzsNumber: null, emso: null },
  paymentDate: null, monthlyObligation: 173.33, total: 0, expiresOn: '2028-07-19', lines: [line('1000050', '2025-06-02', '2025-06-06', 40, null)],
});
const EMPLOYER = { taxNumber: '12345679', name: 'PRIMER d.o.o.', registrationNumber: '1234567000', seat: 'Dunajska 1, 1000 Ljubljana', email: 'info@primer.si' };
const KRANJC: PostingView = {
  id: 4, employerTax: '12345679', filedOn: null, issues: [],
  posting: {
    id: 4, person: { emso: '0101990500003', name: 'Janez', surname: 'Kranjc', birthPlace: 'Kranj', citizenship: 'slovensko', addressInSlovenia: 'Cesta 1, 4000 Kranj', addressAbroad: 'Hauptplatz 2, 8010 Graz' },
    country: 'AT', placeOfWork: 'Graz', client: { name: 'Bau GmbH', address: 'Hauptplatz 1, 8010 Graz', taxNumber: 'ATU12345678' },
    tasks: 'Montaža fasade', start: '2026-12-01', end: '2027-05-31', originalBasis: '001',
  },
};
const EARLY: PostingView = {
  id: 5, employerTax: '12345679', filedOn: null,
  issues: [{ code: 'TOO_EARLY', field: 'start', sl: '…', en: '…' }],
  posting: { ...KRANJC.posting, id: 5, person: { emso: '0202985505006', name: 'Eva', surname: 'Horvat' }, country: 'DE', start: '2027-03-01', end: '2027-04-30' },
};

interface Call { name: string; payload: Record<string, unknown> }
let calls: Call[];
let answers: Record<string, unknown>;
let store: PanelStore;
let prefill: Prefill;

const fakeSend = ((name: string, payload: Record<string, unknown>) => {
  calls.push({ name, payload: structuredClone(payload) });
  const a = answers[name];
  if (a instanceof Error) return Promise.reject(a);
  return a === undefined ? Promise.reject(new Error(`unexpected ${name}`)) : Promise.resolve(structuredClone(a));
}) as unknown as Messenger;

function start(): ContentContext {
  store = new PanelStore();
  const ctx: ContentContext = { doc: document, url: () => location.href, send: fakeSend, store, fetchFile: () => Promise.reject(new Error('no')), panelHost: null, version: 'test', debounceMs: 5 };
  prefill = startPrefill(ctx);
  return ctx;
}
const state = () => store.get().prefill;
const until = (step: PrefillState['step']) => vi.waitFor(() => expect(state().step).toBe(step));
const value = (name: string) => (document.querySelector(`[name="${name}"]`) as HTMLInputElement).value;
const outlined = () => [...document.querySelectorAll<HTMLElement>('input, select, textarea')].filter((e) => e.style.getPropertyValue('outline') !== '').map((e) => e.getAttribute('name'));

beforeEach(() => {
  calls = [];
  answers = {};
  vi.spyOn(navigator, 'language', 'get').mockReturnValue('sl-SI');
});
afterEach(() => {
  prefill?.stop();
  vi.restoreAllMocks();
});

describe('the plan the background sends', () => {
  it('gets the payment date chosen in the review where refundPlan puts it', () => {
    for (const c of [MAJA, ANA]) {
      expect(planWithPaymentDate(c.plan, '2025-06-10')).toEqual(refundPlan({ ...c, employerTaxNumber: null, paymentDate: '2025-06-10' }));
      expect(planWithPaymentDate(c.plan, null)).toEqual(c.plan);
    }
  });
});

describe('the refund form', () => {
  it('lists the stored claims, shows every value per claim line, fills two lines with the form\'s button and outlines them, never submits', async () => {
    show('refund-form.html');
    answers['content:refundClaims'] = { employer: { taxNumber: '12345679', name: 'PRIMER d.o.o.' }, claims: [ANA, MAJA], matched: false };
    start();
    prefill.actions.start();
    await until('chooseClaim');
    expect(calls).toEqual([{ name: 'content:refundClaims', payload: { employerTax: '12345679', certificateNumber: null } }]);
    expect(state()).toMatchObject({ filter: 'none', claims: [{ key: '1000050' }, { key: '1000002' }] });

    prefill.actions.choose(1);
    const review = state() as Extract<PrefillState, { step: 'review' }>;
    expect(review).toMatchObject({ step: 'review', form: 'refund', subject: 'Zupančič Maja', paymentDate: todayInLjubljana(), warnings: [] });
    expect(review.groups.map((g) => [g.title, g.rows.length])).toEqual([['Zahtevek', 2], ['Postavka 1', 12], ['Postavka 2', 12]]);
    expect(review.groups[1]!.rows.map((r) => `${r.label}: ${r.value}`)).toEqual([
      'Številka e-potrdila: 1000003', 'Obdobje od: 13.05.2025', 'Obdobje do: 23.05.2025', 'Število ur: 72', 'Leto osnove: 2024',
      'Število mesecev izplačila: 12', 'Skupni znesek bruto osnove: 29.130,18', 'Skupno število ur osnove: 2.096', 'Količnik valorizacije: 1',
      'Osnova na uro: 13,90', 'Odstotek nadomestila: 80 %', 'Znesek nadomestila: 800,64',
    ]);
    // Nothing is written before the user confirms.
    expect(value('potrdilo[0]')).toBe('');

    prefill.actions.setPaymentDate('2025-06-10');
    expect((state() as typeof review).groups[0]!.rows).toEqual([
      { field: 'paymentDate', label: 'Datum izplačila', value: '10.06.2025' },
      { field: 'monthlyObligation', label: 'Povprečna mesečna obveznost (ure)', value: '173,33' },
    ]);
    prefill.actions.confirm();
    await until('done');
    expect(state()).toMatchObject({ filled: 26, linesAdded: 1, missing: [], failed: [], submitBlocked: false, highlighted: 26 });
    expect([value('potrdilo[0]'), value('od[0]'), value('do[0]'), value('ure[0]'), value('osnovaNaUro[0]'), value('znesek[0]'), value('odstotek[0]')])
      .toEqual(['1000003', '13.05.2025', '23.05.2025', '72', '13,90', '800,64', '80']);
    expect([value('potrdilo[1]'), value('od[1]'), value('ure[1]'), value('znesek[1]'), value('letoOsnove[1]'), value('meseci[1]')])
      .toEqual(['1000004', '24.05.2025', '40', '444,80', '2024', '12']);
    expect([value('datumIzplacila'), value('mesecnaObveznost')]).toEqual(['2025-06-10', '173,33']);
    expect(outlined()).toHaveLength(26);
    expect(outlined()).toContain('znesek[1]');
    expect((window as unknown as { __submitted: number }).__submitted).toBe(0);

    prefill.actions.clearHighlights();
    expect(outlined()).toEqual([]);
    expect(state()).toMatchObject({ step: 'done', highlighted: 0 });
  });

  it('takes the certificate typed in the form: one stored claim has it, so straight to its review', async () => {
    show('refund-form.html');
    (document.querySelector('[name="potrdilo[0]"]') as HTMLInputElement).value = ' 1000004 ';
    answers['content:refundClaims'] = { employer: { taxNumber: '12345679', name: 'PRIMER d.o.o.' }, claims: [MAJA], matched: true };
    start();
    prefill.actions.start();
    await until('review');
    expect(calls[0]!.payload).toEqual({ employerTax: '12345679', certificateNumber: '1000004' });
  });

  it('says when the typed certificate has no stored claim, and warns of a line without a base', async () => {
    show('refund-form.html');
    (document.querySelector('[name="potrdilo[0]"]') as HTMLInputElement).value = '1000099';
    answers['content:refundClaims'] = { employer: { taxNumber: '12345679', name: 'PRIMER d.o.o.' }, claims: [ANA], matched: false };
    start();
    prefill.actions.start();
    await until('chooseClaim');
    expect(state()).toMatchObject({ filter: 'notMatched', certificate: '1000099' });
    prefill.actions.choose(0);
    expect((state() as Extract<PrefillState, { step: 'review' }>).warnings).toEqual(['Postavka 1 (potrdilo 1000050) nima osnove: nekaterih vrednosti ni.']);
  });

  it('lists the fields it could not find on the form, per claim line', async () => {
    show('refund-form.html', (h) => h.replace(/<tr><td>Znesek nadomestila<\/td>.*?<\/tr>/, ''));
    answers['content:refundClaims'] = { employer: { taxNumber: '12345679', name: 'PRIMER d.o.o.' }, claims: [MAJA], matched: false };
    start();
    prefill.actions.start();
    await until('chooseClaim');
    prefill.actions.choose(0);
    prefill.actions.confirm();
    await until('done');
    expect(state()).toMatchObject({ filled: 24, missing: ['Postavka 1: Znesek nadomestila', 'Postavka 2: Znesek nadomestila'] });
  });

  it('explains a missing employer, no stored claims, and a failure of the background', async () => {
    show('refund-form.html', (h) => h.replace(/Poslovni subjekt:.*?\(davčna številka 12345679\)/s, ''));
    answers['content:refundClaims'] = { employer: null, claims: [], matched: false };
    start();
    prefill.actions.start();
    await until('message');
    expect(calls[0]!.payload).toEqual({ employerTax: null, certificateNumber: null });
    expect(state()).toMatchObject({ error: false, text: expect.stringContaining('Ni izbranega delodajalca') });

    answers['content:refundClaims'] = { employer: { taxNumber: '12345679', name: 'PRIMER d.o.o.' }, claims: [], matched: false };
    prefill.actions.start();
    await vi.waitFor(() => expect(state()).toMatchObject({ text: expect.stringContaining('Za PRIMER d.o.o. ni shranjenih izračunov') }));

    answers['content:refundClaims'] = new MessageError('UNREACHABLE');
    prefill.actions.start();
    await vi.waitFor(() => expect(state()).toMatchObject({ step: 'message', error: true }));
    prefill.actions.cancel();
    expect(state()).toEqual({ step: 'idle' });
  });

  it('is known to the page controller as the refund form', async () => {
    show('refund-form.html');
    const ctx = start();
    const reading = startPageReading(ctx);
    await vi.waitFor(() => expect(store.get().page).toBe('refundForm'));
    reading.stop();
    expect(calls).toEqual([]);
  });
});

describe('the A1 form', () => {
  it('offers the postings (ready first, problems named), shows the values with what the profile lacks, fills and outlines', async () => {
    show('a1-form.html');
    answers['content:a1Postings'] = { employer: EMPLOYER, postings: postingsForForm([KRANJC, EARLY], EMPLOYER) };
    start();
    prefill.actions.start();
    await until('choosePosting');
    expect(calls).toEqual([{ name: 'content:a1Postings', payload: { employerTax: '12345679' } }]);
    expect((state() as Extract<PrefillState, { step: 'choosePosting' }>).issueTexts).toEqual([
      [], ['Prezgodaj: vlogo lahko oddate največ 30 dni pred začetkom napotitve, torej od 30. 1. 2027.'],
    ]);
    prefill.actions.choose(0);
    const review = state() as Extract<PrefillState, { step: 'review' }>;
    expect(review.warnings).toEqual(['V profilu delodajalca manjka: Telefon (razširitev, Nastavitve).']);
    expect(review.groups.map((g) => g.title)).toEqual(['Vlagatelj', 'Napoteni delavec', 'Napotitev', 'Naročnik storitve']);
    expect(review.groups[1]!.rows.map((r) => `${r.label}: ${r.value}`)).toEqual([
      'EMŠO: 0101990500003', 'Spol: moški', 'Priimek: Kranjc', 'Ime: Janez', 'Priimek ob rojstvu: Kranjc', 'Datum rojstva: 01.01.1990',
      'Kraj rojstva: Kranj', 'Državljanstvo: slovensko', 'Naslov v Sloveniji: Cesta 1, 4000 Kranj', 'Naslov v tujini (med napotitvijo): Hauptplatz 2, 8010 Graz',
    ]);
    prefill.actions.confirm();
    await until('done');
    expect(state()).toMatchObject({ missing: [], failed: [], linesAdded: 0 });
    const byId = (id: string) => (document.getElementById(id) as HTMLInputElement).value;
    expect(['ms', 'naziv', 'sedez', 'tel', 'mail', 'emso', 'spol', 'zac', 'kon', 'drzava', 'nnaziv', 'ndavcna', 'opis'].map(byId)).toEqual([
      '1234567000', 'PRIMER d.o.o.', 'Dunajska 1, 1000 Ljubljana', '', 'info@primer.si', '0101990500003', 'M', '2026-12-01', '2027-05-31', 'AT', 'Bau GmbH', 'ATU12345678', 'Montaža fasade',
    ]);
    expect(outlined()).not.toContain('telefon');
    expect(outlined()).toContain('narocnikNaziv');
    expect((document.querySelector('[name="izjava1"]') as HTMLInputElement).checked).toBe(false);
    expect((window as unknown as { __submitted: number }).__submitted).toBe(0);
  });

  it('names the A1 fields the form does not have', async () => {
    show('a1-form.html', (h) => h.replace(/<p><label for="kraj">.*?<\/p>/, ''));
    answers['content:a1Postings'] = { employer: EMPLOYER, postings: postingsForForm([KRANJC], EMPLOYER) };
    start();
    prefill.actions.start();
    await until('choosePosting');
    prefill.actions.choose(0);
    prefill.actions.confirm();
    await until('done');
    expect(state()).toMatchObject({ missing: ['Kraj opravljanja dela'] });
  });
});

describe('the prefill section as the user sees it', () => {
  let container: HTMLElement;
  beforeEach(() => { container = document.createElement('div'); document.body.append(container); });
  afterEach(() => { render(null, container); container.remove(); });
  const draw = async (s: PrefillState, actions = { start: vi.fn(), choose: vi.fn(), setPaymentDate: vi.fn(), confirm: vi.fn(), cancel: vi.fn(), clearHighlights: vi.fn() }) => {
    await act(() => { render(<PrefillSection form="refundForm" state={s} actions={actions} />, container); });
    return actions;
  };
  const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

  it('offers to fill, then lists claims as buttons, then a review table per line with the payment date', async () => {
    let actions = await draw({ step: 'idle' });
    const startButton = container.querySelector<HTMLButtonElement>('[data-testid=prefill-start]')!;
    expect(text(startButton)).toBe('Izpolni iz izračuna');
    startButton.click();
    expect(actions.start).toHaveBeenCalled();

    actions = await draw({ step: 'chooseClaim', employer: { taxNumber: '12345679', name: 'PRIMER d.o.o.' }, claims: [MAJA], filter: 'none', certificate: null });
    const choice = container.querySelector<HTMLButtonElement>('[data-testid=prefill-choice]')!;
    expect(text(choice)).toBe('Zupančič Maja1000003, 100000413. 5. 2025 – 30. 5. 2025postavk: 2, skupaj 1.245,44 €');
    choice.click();
    expect(actions.choose).toHaveBeenCalledWith(0);

    actions = await draw({
      step: 'review', form: 'refund', subject: 'Zupančič Maja', paymentDate: '2025-06-10', warnings: [],
      groups: [{ title: 'Postavka 1', line: 0, rows: [{ field: 'certificateNumber', label: 'Številka e-potrdila', value: '1000003' }] }],
    });
    const table = container.querySelector('table.panel__review')!;
    expect(text(table.querySelector('caption'))).toBe('Postavka 1');
    expect(text(table.querySelector('th[scope=row]'))).toBe('Številka e-potrdila');
    const date = container.querySelector<HTMLInputElement>('input[type=date]')!;
    expect(date.labels?.[0]?.textContent).toContain('Datum izplačila nadomestila');
    container.querySelector<HTMLButtonElement>('[data-testid=prefill-confirm]')!.click();
    expect(actions.confirm).toHaveBeenCalled();

    // Without a payment date nothing can be filled, and the user is told why.
    actions = await draw({ step: 'review', form: 'refund', subject: 'x', paymentDate: '', warnings: [], groups: [] });
    expect(container.querySelector<HTMLButtonElement>('[data-testid=prefill-confirm]')!.disabled).toBe(true);
    expect(text(container.querySelector('[role=alert]'))).toBe('Vnesite datum izplačila.');
  });

  it('after filling: what was filled, that nothing was submitted, and what could not be found', async () => {
    const actions = await draw({ step: 'done', form: 'refund', filled: 24, linesAdded: 1, missing: ['Postavka 2: Znesek nadomestila'], failed: [], submitBlocked: false, highlighted: 24 });
    expect(text(container.querySelector('[data-testid=prefill-done]'))).toBe('Izpolnjenih polj: 24 (obrobljena zeleno). Dodanih postavk: 1.');
    expect(text(container)).toContain('Obrazec ni oddan: preverite ga in ga oddajte sami.');
    expect(text(container.querySelector('[data-testid=prefill-missing] li'))).toBe('Postavka 2: Znesek nadomestila');
    [...container.querySelectorAll('button')].find((b) => text(b) === 'Odstrani obrobe')!.click();
    expect(actions.clearHighlights).toHaveBeenCalled();
  });
});

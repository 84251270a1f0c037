// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { fillForm } from '../../../src/shared/forms/fill.ts';
import { locateFields } from '../../../src/shared/forms/locate.ts';
import { REFUND_ADD_LINE, REFUND_LABELS, refundPlan } from '../../../src/shared/forms/refundForm.ts';
import { A1_LABELS, a1Plan } from '../../../src/shared/forms/a1Form.ts';
import { buildClaim } from '../../../src/lib/refund.ts';
import { computeCase } from '../../../src/lib/compensation/index.ts';
import { goldenCases } from '../../shared-cases.ts';
import type { Posting } from '../../../src/lib/a1.ts';

const FORMS = join(__dirname, '../../fixtures/spot/forms');
const windows: Window[] = [];
afterEach(async () => { for (const w of windows.splice(0)) await w.happyDOM.close(); });

/** A fixture page in a DOM without running its scripts; `onAddLine` stands in for the page's own button script. */
function load(file: string): Document {
  const window = new Window({ url: 'https://spot.gov.si/forms/', settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  windows.push(window);
  const document = window.document as unknown as Document;
  document.write(readFileSync(join(FORMS, file), 'utf8'));
  return document;
}

function wirePlainAddLine(document: Document): void {
  const lines = document.getElementById('postavke')!;
  document.getElementById('dodaj')!.addEventListener('click', () => {
    const copy = lines.lastElementChild!.cloneNode(true) as Element;
    const n = lines.children.length;
    copy.querySelectorAll('input, select').forEach((el) => { (el as HTMLInputElement).name = (el as HTMLInputElement).name.replace(/\[\d+\]/, `[${n}]`); (el as HTMLInputElement).value = ''; });
    lines.appendChild(copy);
  });
}

function claimFromCase06() {
  const golden = goldenCases().find((c) => c.name.startsWith('06-'))!;
  return buildClaim(computeCase(golden.input), { worker: { name: 'Novak Ana', zzzsNumber: null, emso: null }, paymentDate: '2025-07-18', weeklyHours: 40 });
}

describe('finding the refund form fields by their labels', () => {
  it('finds every field of the plain form from table cells, labels and placeholders', () => {
    const { byField, unmatched } = locateFields(load('refund-form.html'), REFUND_LABELS);
    expect([...byField.keys()].sort()).toEqual(Object.keys(REFUND_LABELS).sort());
    expect(unmatched).toEqual([]);
  });
});

describe('filling the plain refund form', () => {
  it('adds lines with the form\'s button, writes dates and decimals as the field expects, and submits nothing', async () => {
    const document = load('refund-form.html');
    wirePlainAddLine(document);
    let submitted = 0;
    document.getElementById('zahtevek')!.addEventListener('submit', (e) => { submitted++; e.preventDefault(); });
    const claim = claimFromCase06();
    claim.lines = claim.lines.slice(0, 2);
    const filled: Element[] = [];
    const outcome = await fillForm(document, REFUND_LABELS, refundPlan(claim), {
      lineMarker: 'certificateNumber', addLineLabels: REFUND_ADD_LINE, onFilled: (c) => filled.push(c),
    });
    expect(outcome.missing).toEqual([]);
    expect(outcome.failed).toEqual([]);
    expect(outcome.linesAdded).toBe(1);
    const value = (name: string) => (document.querySelector(`[name="${name}"]`) as HTMLInputElement).value;
    expect(value('potrdilo[0]')).toBe('1000101');
    expect(value('od[0]')).toBe('17.02.2025'); // text field: DD.MM.LLLL
    expect(value('ure[0]')).toBe('80');
    expect(value('osnovaNaUro[0]')).toBe('14,59'); // text field: decimal comma
    expect(value('znesek[0]')).toBe('817,04');
    expect(value('odstotek[0]')).toBe('70');
    expect(value('letoOsnove[0]')).toBe('2024');
    expect(value('meseci[0]')).toBe('12'); // type=number
    expect(value('potrdilo[1]')).toBe('1000102');
    expect(value('datumIzplacila')).toBe('2025-07-18'); // type=date
    expect(value('mesecnaObveznost')).toBe('173,33');
    expect(filled.length).toBe(outcome.filled.length);
    expect(submitted).toBe(0);
  });

  it('reports fields it cannot find instead of guessing', async () => {
    const document = load('refund-form.html');
    document.querySelector('[name="znesek[0]"]')!.closest('tr')!.remove();
    const claim = claimFromCase06();
    claim.lines = claim.lines.slice(0, 1);
    const outcome = await fillForm(document, REFUND_LABELS, refundPlan(claim), { lineMarker: 'certificateNumber', addLineLabels: REFUND_ADD_LINE });
    expect(outcome.missing).toEqual([{ field: 'amount', line: 0 }]);
  });
});

describe('never submitting', () => {
  it('stops the submit an add-line button without type="button" would start, and still gets its line', async () => {
    // Like many portals: the add button is a plain <button> inside the form (a submit button)
    // whose click handler adds the line but does not prevent the submit.
    const document = load('refund-form.html');
    // No browser validation in the way (a form with `novalidate`, or its fields already valid).
    (document.getElementById('zahtevek') as HTMLFormElement).noValidate = true;
    const add = document.getElementById('dodaj')!;
    add.removeAttribute('type');
    expect((add as HTMLButtonElement).type).toBe('submit');
    wirePlainAddLine(document);
    let submitted = 0;
    document.getElementById('zahtevek')!.addEventListener('submit', (e) => { submitted++; e.preventDefault(); });
    // Without the guard, the click submits: the fixture's form really reacts to this button.
    add.click();
    expect(submitted).toBe(1);
    document.getElementById('postavke')!.lastElementChild!.remove();

    const claim = claimFromCase06();
    claim.lines = claim.lines.slice(0, 2);
    const outcome = await fillForm(document, REFUND_LABELS, refundPlan(claim), { lineMarker: 'certificateNumber', addLineLabels: REFUND_ADD_LINE });
    expect(outcome).toMatchObject({ linesAdded: 1, submitBlocked: true, missing: [], failed: [] });
    expect(submitted).toBe(1);
    expect((document.querySelector('[name="potrdilo[1]"]') as HTMLInputElement).value).toBe('1000102');
  });

  it('reports a field that does not take the value, with a code the helper words', async () => {
    const document = load('refund-form.html');
    (document.querySelector('[name="ure[0]"]') as HTMLInputElement).readOnly = true;
    const claim = claimFromCase06();
    claim.lines = claim.lines.slice(0, 1);
    const outcome = await fillForm(document, REFUND_LABELS, refundPlan(claim), { lineMarker: 'certificateNumber', addLineLabels: REFUND_ADD_LINE });
    expect(outcome.failed).toEqual([{ field: 'hours', line: 0, code: 'locked', detail: '', reason: 'polje je zaklenjeno' }]);
  });
});

describe('filling the A1 form', () => {
  const posting: Posting = {
    person: { emso: '0101990500003', name: 'Janez', surname: 'Kranjc', birthPlace: 'Kranj', citizenship: 'slovensko', addressInSlovenia: 'Cesta 1, 4000 Kranj', addressAbroad: 'Hauptplatz 2, 8010 Graz' },
    country: 'AT', placeOfWork: 'Graz', client: { name: 'Bau GmbH', address: 'Hauptplatz 1, 8010 Graz', taxNumber: 'ATU12345678' },
    tasks: 'Montaža fasade', start: '2026-12-01', end: '2027-05-31',
  };
  const employer = { taxNumber: '12345679', name: 'PRIMER d.o.o.', registrationNumber: '1234567000', seat: 'Dunajska 1, 1000 Ljubljana', phone: '01 123 45 67', email: 'info@primer.si' };

  it('tells the applicant\'s name from the client\'s by the section, and derives sex and birth date from the EMŠO', async () => {
    const document = load('a1-form.html');
    const outcome = await fillForm(document, A1_LABELS, a1Plan(posting, employer));
    expect(outcome.missing).toEqual([]);
    expect(outcome.failed).toEqual([]);
    const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value;
    expect(value('naziv')).toBe('PRIMER d.o.o.');
    expect(value('nnaziv')).toBe('Bau GmbH');
    expect(value('nnaslov')).toBe('Hauptplatz 1, 8010 Graz');
    expect(value('ndavcna')).toBe('ATU12345678');
    expect(value('spol')).toBe('M');
    expect(value('drojstva')).toBe('01.01.1990');
    expect(value('zac')).toBe('2026-12-01');
    expect(value('drzava')).toBe('AT');
    expect(value('opis')).toBe('Montaža fasade');
    expect(value('rpriimek')).toBe('Kranjc');
    expect((document.querySelector('[name="izjava1"]') as HTMLInputElement).checked).toBe(false);
  });
});

// @dom-environment: happy-dom, modules transformed for Node (vitest.config.ts)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/popup/App.tsx';
import { openAppTab } from '../../src/popup/api.ts';
import { takeInvoice } from '../../src/popup/components/InvoiceInbox.ts';
import { SelfEmployedView } from '../../src/popup/views/SelfEmployedView.tsx';
import { t } from '../../src/shared/i18n.ts';
import type { SelfEmployedInputs } from '../../src/shared/protocol/selfEmployed.ts';
import type { WorkerRow } from '../../src/shared/rows.ts';
import { EMPLOYER, answer, button, click, context, mount, sent, settle, text, type, unmount, until, viewProps } from './helpers.tsx';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../background/fakeBrowser.ts')).fakeBrowser }));
vi.mock('../../src/popup/api.ts', () => ({ call: vi.fn(), openAppTab: vi.fn(), downloadText: vi.fn() }));

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/eslog');
const fixture = (name: string) => new File([readFileSync(join(DIR, name))], name, { type: 'text/xml' });

let language = 'sl-SI';
beforeEach(() => {
  language = 'sl-SI';
  vi.spyOn(navigator, 'language', 'get').mockImplementation(() => language);
  vi.useFakeTimers({ toFake: ['Date'] });
  document.documentElement.dataset.mode = 'tab';
});
afterEach(() => {
  unmount();
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.mocked(openAppTab).mockReset();
  delete document.documentElement.dataset.mode;
  takeInvoice(); // nothing waits for the next test
});

const today = (iso: string) => vi.setSystemTime(new Date(`${iso}T10:00:00Z`));

const WORKER: WorkerRow = { id: '12345679:zzzs:012345678', employerTax: EMPLOYER.taxNumber, name: 'Kovač Mojca', emso: null, zzzsNumber: '012345678', taxNumber: null };

function background() {
  const stored: Record<string, SelfEmployedInputs> = {};
  return answer({
    'ui:listWorkers': () => ({ total: 1, offset: 0, rows: [WORKER], hasMore: false }),
    'ui:selfEmployedMonth': ({ month }) => ({ worker: WORKER, certificates: [], truncated: false, inputs: stored[month] ?? {}, earlierBase: null }),
    'ui:saveSelfEmployedInputs': ({ month, inputs }) => { stored[month] = inputs; return inputs; },
  });
}

/** Chooses a file with the panel's (hidden) file input, as the button's picker would. */
async function pick(root: ParentNode, file: File): Promise<void> {
  const input = root.querySelector<HTMLInputElement>('[data-testid=invoice-input]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => { input.dispatchEvent(new Event('change', { bubbles: true })); });
  await settle();
}

function dropOn(target: EventTarget, file: File): Event {
  const event = new Event('drop', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files: [file] } });
  target.dispatchEvent(event);
  return event;
}

const invoiceReady = (root: ParentNode) => () => root.querySelector('[data-testid=invoice]') !== null;
const cell = (root: ParentNode, f: string) => text(root.querySelector(`[data-testid=invoice] [data-field=${f}]`));
const lines = (root: ParentNode) => [...root.querySelectorAll('[data-testid=invoice-lines] tbody tr')].map((tr) =>
  [...tr.querySelectorAll('td')].map((td) => text(td)));
const explanation = (root: ParentNode) => [...root.querySelectorAll('[data-testid=invoice-explanation] li')].map((li) => text(li));

describe('the FURS contribution e-invoice', () => {
  it('picked with the button: issuer, amount due, due date, reference, lines — and it matches May 2025 at the minimum base', async () => {
    today('2025-06-10');
    background();
    const root = await mount(<SelfEmployedView {...viewProps()} />);
    const choose = button(root, t('se_invoiceChoose'))!;
    const clicked = vi.fn();
    root.querySelector('[data-testid=invoice-input]')!.addEventListener('click', clicked);
    await click(choose);
    expect(clicked).toHaveBeenCalled(); // the button opens the picker (keyboard: it is a button)
    await pick(root, fixture('furs-2025-05.xml'));
    await until(invoiceReady(root));

    expect(text(root.querySelector('#invoice-heading'))).toBe(t('se_invoiceHeading', 'ZR-2025-0600123456', 'furs-2025-05.xml'));
    expect(cell(root, 'issuer')).toBe(`Republika Slovenija, Finančna uprava, Šmartinska cesta 55, 1000 Ljubljana, ${t('se_invoiceTaxNumber', '13579240')}`);
    expect(cell(root, 'total')).toBe('585,94 €');
    expect(cell(root, 'due')).toBe('20. 6. 2025'); // ten days ahead: no warning
    expect(cell(root, 'reference')).toBe('SI19 87654326-47000');
    expect(cell(root, 'iban')).toBe('SI56011000000000019');
    expect(lines(root)).toEqual([
      ['Prispevek za pokojninsko in invalidsko zavarovanje', 'prispevek za pokojninsko in invalidsko zavarovanje', '349,81 €', '349,81 €'],
      ['Prispevek za zdravstveno zavarovanje', 'prispevek za zdravstveno zavarovanje', '193,22 €', '193,22 €'],
      ['Prispevek za starševsko varstvo', 'prispevek za starševsko varstvo', '2,87 €', '2,87 €'],
      ['Prispevek za zaposlovanje', 'prispevek za zaposlovanje', '2,87 €', '2,87 €'],
      ['Obvezni zdravstveni prispevek', 'obvezni zdravstveni prispevek', '37,17 €', '37,17 €'],
    ]);
    expect(text(root.querySelector('[data-testid=invoice-difference]'))).toBe(t('se_differenceNone'));
    expect(explanation(root)).toEqual(['Račun se ujema s pričakovanimi prispevki (585,94 €).']);
    expect(root.querySelector('[data-testid=invoice-month-hint]')).toBeNull();
    expect(sent('ui:saveSelfEmployedInputs')).toEqual([]); // the invoice is not stored
  });

  it('dropped on the panel: explains a missing long-term care line and late-payment interest, then follows the long-term care choice', async () => {
    today('2025-10-17');
    background();
    const root = await mount(<SelfEmployedView {...viewProps()} />);
    await until(() => root.querySelector('[data-testid=opsvz]') !== null);
    // The app's import panel listens on the document: it must not get this file too.
    const documentDrop = vi.fn();
    document.addEventListener('drop', documentDrop);
    const event = dropOn(root.querySelector('[data-testid=invoice-drop]')!, fixture('furs-2025-09-zamudne-obresti.xml'));
    document.removeEventListener('drop', documentDrop);
    expect(event.defaultPrevented).toBe(true);
    expect(documentDrop).not.toHaveBeenCalled();
    await until(invoiceReady(root));

    expect(text(root.querySelector('[data-testid=invoice] [data-due]'))).toBe(t('se_dueSoon_few', '20. 10. 2025', '3'));
    expect(root.querySelector('[data-testid=invoice] [data-due]')?.getAttribute('data-due')).toBe('soon');
    expect(lines(root).at(-1)).toEqual(['Zamudne obresti', t('se_kindInterest'), '2,14 €', '—']);
    expect(text(root.querySelector('[data-testid=invoice-difference]'))).toBe(t('se_difference', '−26,59 €'));
    expect(explanation(root)).toEqual([
      'Račun (588,08 €) se od izračuna (614,67 €) razlikuje za −26,59 €.',
      'Na računu ni prispevka za dolgotrajno oskrbo (pričakovano 28,73 €). Plačuje se od 1. 7. 2025; preverite, ali je v obračunu za ta mesec.',
      'Račun vsebuje zamudne obresti (2,14 €): to niso prispevki za 2025-09, temveč obresti zaradi zamude pri plačilu prejšnjih obveznosti.',
    ]);

    // Without long-term care (remembered for the person and month) only the interest is left.
    await click(root.querySelector('[data-testid=contributions] input[type=checkbox]'));
    expect(sent('ui:saveSelfEmployedInputs').at(-1)).toEqual({ employerTax: EMPLOYER.taxNumber, workerId: WORKER.id, month: '2025-09', inputs: { longTermCare: false } });
    expect(text(root.querySelector('[data-testid=invoice-difference]'))).toBe(t('se_difference', '+2,14 €'));
    expect(explanation(root)[0]).toBe('Račun (588,08 €) se od izračuna (585,94 €) razlikuje za +2,14 €.');
    expect(explanation(root)).toHaveLength(2);
  });

  it('warns when the due date has passed, and offers the month the invoice is for', async () => {
    today('2025-06-23');
    background();
    const root = await mount(<SelfEmployedView {...viewProps()} />);
    await type(root.querySelector('#se-month'), '2/2025');
    await act(() => { root.querySelector('#se-month')!.dispatchEvent(new Event('change', { bubbles: true })); });
    await settle();
    await pick(root, fixture('furs-2025-05.xml'));
    await until(invoiceReady(root));
    expect(text(root.querySelector('[data-testid=invoice] [data-due=overdue]'))).toBe(t('se_dueOverdue_few', '20. 6. 2025', '3'));
    expect(text(root.querySelector('#invoice-comparison-title'))).toBe(t('se_comparisonTitle', '2025-02'));
    expect(text(root.querySelector('[data-testid=invoice-month-hint]'))).toContain(t('se_invoiceOtherMonth', '5. 6. 2025', '2025-05', '2025-02'));
    // February 2025 still had the 35 € compulsory health contribution.
    expect(explanation(root)).toContain('Obvezni zdravstveni prispevek: na računu 37,17 €, pričakovano 35,00 € (razlika +2,17 €). Znesek se usklajuje vsako leto 1. marca; preverite, za kateri mesec je račun.');
    await click(button(root, t('se_compareWith', '2025-05')));
    expect(text(root.querySelector('#invoice-comparison-title'))).toBe(t('se_comparisonTitle', '2025-05'));
    expect(explanation(root)).toEqual(['Račun se ujema s pričakovanimi prispevki (585,94 €).']);
    expect(sent('ui:selfEmployedMonth').at(-1)!.month).toBe('2025-05');
  });

  it('says clearly why a malformed invoice or a UBL invoice cannot be read', async () => {
    today('2025-06-10');
    background();
    const root = await mount(<SelfEmployedView {...viewProps()} />);
    await pick(root, fixture('pokvarjen.xml'));
    await until(() => root.querySelector('[data-testid=invoice-error]') !== null);
    const error = text(root.querySelector('[data-testid=invoice-error]'));
    expect(error.startsWith(t('se_invoiceError', 'pokvarjen.xml', ''))).toBe(true);
    expect(error).toMatch(/D_7008/);
    expect(root.querySelector('[data-testid=invoice-error]')?.getAttribute('role')).toBe('alert');
    expect(root.querySelector('[data-testid=invoice]')).toBeNull();

    await pick(root, fixture('ubl-racun.xml'));
    await until(() => /UBL/.test(text(root.querySelector('[data-testid=invoice-error]'))));
    expect(text(root.querySelector('[data-testid=invoice-error]'))).toContain('eSLOG 2.0');
  });

  it('explains in English when the browser is English', async () => {
    language = 'en-GB';
    today('2026-03-10');
    background();
    const root = await mount(<SelfEmployedView {...viewProps()} />);
    await pick(root, fixture('furs-2025-09-predpona.xml'));
    await until(invoiceReady(root));
    expect(text(root.querySelector('#invoice-comparison-title'))).toBe(t('se_comparisonTitle', '2026-02'));
    const en = explanation(root);
    expect(en[0]).toBe('The invoice (614.67 €) differs from the expectation (648.85 €) by −34.18 €.');
    expect(en[1]).toMatch(/^The percentage contributions on the invoice correspond to a base of about 1,436.59 €/);
  });

  it('in the toolbar popup, the button opens the app in a tab to pick the file', async () => {
    delete document.documentElement.dataset.mode;
    today('2025-06-10');
    background();
    const root = await mount(<SelfEmployedView {...viewProps()} />);
    await click(button(root, t('se_invoiceChooseInTab')));
    expect(openAppTab).toHaveBeenCalledWith('selfEmployed');
  });
});

describe('an invoice dropped on the app import panel', () => {
  it('is not an import error: it is handed to the self-employed view, one click away', async () => {
    today('2025-06-10');
    answer({
      'ui:getContext': () => context(),
      'ui:getStatus': () => ({ lastSpotPage: null }),
      'ui:listWorkers': () => ({ total: 1, offset: 0, rows: [WORKER], hasMore: false }),
      'ui:countWorkerRecords': () => ({}),
      'ui:selfEmployedMonth': () => ({ worker: WORKER, certificates: [], truncated: false, inputs: {}, earlierBase: null }),
    });
    const root = await mount(<App mode="tab" />);
    dropOn(document, fixture('furs-2025-05.xml'));
    await until(() => root.querySelector('[data-testid=import-results] li[data-status]')?.getAttribute('data-status') === 'invoice');
    const result = root.querySelector('[data-testid=import-results] li')!;
    expect(text(result)).toContain(t('se_fileInvoice'));
    expect(text(result)).toContain(t('se_importInvoice'));
    expect(sent('ui:importCertificates')).toEqual([]);
    expect(sent('ui:importDisclosure')).toEqual([]);
    await until(() => root.querySelector('[data-testid=import-summary]')?.getAttribute('data-busy') === 'false');
    expect(text(root.querySelector('[data-testid=import-summary]'))).toBe(t('popup_importDone', '0', '0', '0', '0'));

    await click(button(result, t('se_openView')));
    expect(root.querySelector('[role=tab][aria-selected=true]')?.id).toBe('tab-selfEmployed');
    await until(invoiceReady(root));
    expect(cell(root, 'total')).toBe('585,94 €');
    expect(explanation(root)).toEqual(['Račun se ujema s pričakovanimi prispevki (585,94 €).']);
  });
});

// @dom-environment: happy-dom, modules transformed for Node (vitest.config.ts)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportPanel } from '../../src/popup/components/ImportPanel.tsx';
import { importFiles, type InputFile } from '../../src/popup/importFiles.ts';
import { t } from '../../src/shared/i18n.ts';
import { MessageError } from '../../src/shared/messages.ts';
import { IMPORT_CERTIFICATES_PER_MESSAGE } from '../../src/shared/protocol/ui.ts';
import { showNumber } from '../../src/popup/format.ts';
import { answer, button, choose, click, labelled, mount, sent, settle, text, unmount, until } from './helpers.tsx';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../background/fakeBrowser.ts')).fakeBrowser }));
vi.mock('../../src/popup/api.ts', () => ({ call: vi.fn(), openAppTab: vi.fn(), downloadText: vi.fn() }));

afterEach(unmount);

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/import');
const fixture = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const file = (name: string, bytes: Uint8Array = fixture(name)): InputFile => ({ name, bytes: async () => bytes });
const CUSTOM = 'furs-izvoz-stolpci-23456787.csv';

/** One XML file holding `n` eBOL certificates (the fixture's, numbered from 2 000 000). */
function ebolList(n: number): Uint8Array {
  const one = new TextDecoder().decode(fixture('ebol-1000002.xml')).replace(/^<\?xml[^>]*>\s*/, '');
  const body = Array.from({ length: n }, (_, i) => one.replaceAll('1000002', String(2_000_000 + i))).join('\n');
  return new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n<ep:SeznamPotrdil xmlns:ep="http://www.zzzs.si/ePotrdilo/v1">\n${body}\n</ep:SeznamPotrdil>`);
}
const MAPPING = { Datum: 'month', Opis: 'source', Vrednost: 'amount', 'Količina': 'hours' } as const;

function background(remembered: Record<string, unknown> = {}) {
  return answer({
    'ui:importCertificates': ({ certificates }) => ({ employers: ['12345679'], added: certificates.length, updated: 0, cancelled: 0, unchanged: 0 }),
    'ui:importDisclosure': ({ disclosure }) => {
      if (disclosure.queryNumber === 'P-2025-000412001') return { employerTax: '12345679', status: 'same', workerId: 'w1' };
      return { employerTax: '12345679', status: 'new', workerId: null };
    },
    'ui:getColumnMapping': ({ signature }) => (remembered[signature] as never) ?? null,
    'ui:saveColumnMapping': ({ signature, mapping }) => { remembered[signature] = mapping; return mapping; },
  });
}

describe('importing files', () => {
  it('stores each file with one message, reports each result, and goes on after a bad file', async () => {
    background();
    const progress: string[] = [];
    const results = await importFiles(
      [file('ebol-1000002.xml'), file('broken.csv', new TextEncoder().encode('Dragi Janez,\nlep pozdrav')), file('furs-osnova-zzzs-87654326.csv'),
        file('stran.html', new TextEncoder().encode('<!doctype html><html><body>SPOT</body></html>')), file('furs-osnova-delodajalec-87654326.xml')],
      { employerTax: null, askMapping: async () => null, onProgress: (i, r) => progress.push(`${i}:${r.status}`) },
    );
    expect(results.map((r) => r.status)).toEqual(['stored', 'error', 'same', 'error', 'stored']);
    expect(results[1]!.message).toMatch(/ni prepoznana kot »Podatki za izračun osnove«/);
    expect(results[3]!.message).toBe(t('popup_importHtml'));
    expect(results[4]!.unlinked).toBe(true);
    expect(progress).toEqual(['0:reading', '0:stored', '1:reading', '1:error', '2:reading', '2:same', '3:reading', '3:error', '4:reading', '4:stored']);
    // Read in the popup, sent whole: the background stores each file in one transaction.
    expect(sent('ui:importCertificates')).toEqual([{ certificates: [expect.objectContaining({ number: '1000002', employerTaxNumber: '12345679' })], fallbackEmployerTax: null }]);
    // After the first file the employer is known: later files without one go there.
    expect(sent('ui:importDisclosure').map((p) => p.fallbackEmployerTax)).toEqual(['12345679', '12345679']);
  });

  it('reports the background\'s refusal of a file with its message', async () => {
    answer({ 'ui:importCertificates': () => { throw new MessageError('INVALID_PAYLOAD', 'Potrdilo 1000002 nima davčne številke delodajalca.'); } });
    const [r] = await importFiles([file('ebol-1000002.xml')], { employerTax: null, askMapping: async () => null, onProgress: () => {} });
    expect(r).toEqual({ name: 'ebol-1000002.xml', status: 'error', message: 'Potrdilo 1000002 nima davčne številke delodajalca.' });
  });

  it('sends a file of more certificates than one message may carry in parts, shows the count stored so far, and adds the parts up', async () => {
    background();
    const list = ebolList(11_000);
    const progress: string[] = [];
    const [r] = await importFiles([file('ebol-seznam.xml', list)], { employerTax: null, askMapping: async () => null, onProgress: (_, x) => progress.push(`${x.status}:${x.message}`) });
    expect(sent('ui:importCertificates').map((p) => p.certificates.length)).toEqual([IMPORT_CERTIFICATES_PER_MESSAGE, IMPORT_CERTIFICATES_PER_MESSAGE, 1_000]);
    expect(sent('ui:importCertificates').flatMap((p) => p.certificates.map((c) => c.number))).toEqual(Array.from({ length: 11_000 }, (_, i) => String(2_000_000 + i)));
    expect(progress).toEqual([
      'reading:',
      `reading:${t('popup_importStoredSoFar', showNumber(5_000), showNumber(11_000))}`,
      `reading:${t('popup_importStoredSoFar', showNumber(10_000), showNumber(11_000))}`,
      `stored:${t('popup_importCertificates', '11000', '0', '0', '0')}`,
    ]);
    expect(r!.status).toBe('stored');
  });

  it('says how many certificates of a file were stored when a later part fails, and that importing it again is safe', async () => {
    let calls = 0;
    answer({
      'ui:importCertificates': ({ certificates }) => {
        if (++calls === 2) throw new MessageError('INVALID_PAYLOAD', 'Potrdilo 2005000 nima davčne številke delodajalca.');
        return { employers: ['12345679'], added: certificates.length, updated: 0, cancelled: 0, unchanged: 0 };
      },
    });
    const [r] = await importFiles([file('ebol-seznam.xml', ebolList(11_000))], { employerTax: null, askMapping: async () => null, onProgress: () => {} });
    expect(calls).toBe(2); // nothing after the failed part
    expect(r).toEqual({
      name: 'ebol-seznam.xml', status: 'error',
      message: t('popup_importPartial', showNumber(5_000), showNumber(11_000), 'Potrdilo 2005000 nima davčne številke delodajalca.'),
    });
    for (const part of [showNumber(5_000), showNumber(11_000), 'Potrdilo 2005000 nima davčne številke delodajalca.']) expect(r!.message).toContain(part);
  });

  it('asks for a column mapping once, remembers it, and applies it to the next file of the same shape', async () => {
    const remembered: Record<string, unknown> = {};
    background(remembered);
    const ask = vi.fn(async () => ({ ...MAPPING }));
    const results = await importFiles([file(CUSTOM), file(`kopija-${CUSTOM}`, fixture(CUSTOM))], { employerTax: '12345679', askMapping: ask, onProgress: () => {} });
    expect(results.map((r) => r.status)).toEqual(['stored', 'stored']);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(ask).toHaveBeenCalledWith(CUSTOM, ['Datum', 'Opis', 'Vrednost', 'Količina']);
    expect(sent('ui:saveColumnMapping')).toEqual([{ signature: 'datum|opis|vrednost|kolicina', mapping: MAPPING }]);
    const stored = sent('ui:importDisclosure')[0]!.disclosure;
    expect(stored.sections[0]!.rows).toHaveLength(12);
    expect(stored.sections[0]!.rows[11]).toMatchObject({ month: '2024-12', amount: 2150.3, hours: 176 });

    // Another session: the remembered mapping is found by the signature, nobody is asked.
    const again = vi.fn(async () => null);
    const [r] = await importFiles([file(CUSTOM)], { employerTax: '12345679', askMapping: again, onProgress: () => {} });
    expect(r!.status).toBe('stored');
    expect(again).not.toHaveBeenCalled();
  });

  it('reports a file whose columns the user did not assign, without storing it', async () => {
    background();
    const [r] = await importFiles([file(CUSTOM)], { employerTax: '12345679', askMapping: async () => null, onProgress: () => {} });
    expect(r!.status).toBe('error');
    expect(r!.message).toMatch(/Tabela nima stolpcev/);
    expect(sent('ui:importDisclosure')).toEqual([]);
  });
});

describe('the import panel', () => {
  function drop(files: File[]) {
    const event = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files } });
    document.dispatchEvent(event);
  }

  it('imports dropped files, opens the mapping dialog, and announces progress and the result', async () => {
    background();
    const onImported = vi.fn();
    const root = await mount(<ImportPanel employerTax="12345679" onImported={onImported} />);
    expect(root.querySelector('[aria-live=polite]')?.getAttribute('role')).toBe('status');
    drop([new File([fixture('ebol-1000003.xml')], 'ebol-1000003.xml'), new File([fixture(CUSTOM)], CUSTOM)]);
    await until(() => root.querySelector('[role=dialog]') !== null);
    const dialog = root.querySelector('[role=dialog]')!;
    expect(text(dialog)).toContain(t('popup_mappingIntro', CUSTOM));
    expect(text(root.querySelector('[data-testid=import-summary]'))).toBe(t('popup_importProgress', '2', '2'));

    // Apply without the amount: refused, with a message.
    await choose(labelled(dialog, 'Datum'), 'month');
    await click(button(dialog, t('popup_mappingApply')));
    expect(text(dialog.querySelector('[role=alert]'))).toBe(t('popup_mappingNeedsAmount'));
    await choose(labelled(dialog, 'Vrednost'), 'amount');
    await choose(labelled(dialog, 'Količina'), 'hours');
    await click(button(dialog, t('popup_mappingApply')));
    await until(() => root.querySelector('[data-testid=import-summary]')?.getAttribute('data-busy') === 'false');
    expect(root.querySelector('[role=dialog]')).toBeNull();
    expect(sent('ui:saveColumnMapping')[0]!.mapping).toEqual({ Datum: 'month', Vrednost: 'amount', 'Količina': 'hours' });
    expect([...root.querySelectorAll('[data-testid=import-results] li')].map((li) => li.getAttribute('data-status'))).toEqual(['stored', 'stored']);
    expect(text(root.querySelector('[data-testid=import-summary]'))).toBe(t('popup_importDone', '2', '0', '0', '0'));
    expect(onImported).toHaveBeenCalledTimes(1);
  });

  it('in the toolbar popup, the button opens the app in a tab to pick files', async () => {
    const { openAppTab } = await import('../../src/popup/api.ts');
    const root = await mount(<ImportPanel employerTax={null} onImported={() => {}} inPopup />);
    await click(button(root, t('popup_importChooseInTab')));
    expect(openAppTab).toHaveBeenCalledWith('import');
  });
});

// @dom-environment: happy-dom, modules transformed for Node (vitest.config.ts)
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadText } from '../../src/popup/api.ts';
import { SelfEmployedView } from '../../src/popup/views/SelfEmployedView.tsx';
import { lastOfMonth } from '../../src/lib/dates.ts';
import { t } from '../../src/shared/i18n.ts';
import { MessageError } from '../../src/shared/messages.ts';
import type { SelfEmployedInputs, SelfEmployedMonth } from '../../src/shared/protocol/selfEmployed.ts';
import type { CertificateRow, WorkerRow } from '../../src/shared/rows.ts';
import { EMPLOYER, answer, button, click, mount, pending, sent, settle, text, type, unmount, until, viewProps } from './helpers.tsx';
import { act } from 'preact/test-utils';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../background/fakeBrowser.ts')).fakeBrowser }));
vi.mock('../../src/popup/api.ts', () => ({ call: vi.fn(), openAppTab: vi.fn(), downloadText: vi.fn() }));

beforeEach(() => {
  vi.spyOn(navigator, 'language', 'get').mockReturnValue('sl-SI');
  // "Today" is 10 June 2025: the view opens on May 2025.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2025-06-10T10:00:00Z'));
});
afterEach(() => {
  unmount();
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.mocked(downloadText).mockReset();
});

const WORKER: WorkerRow = {
  id: '12345679:zzzs:012345678', employerTax: EMPLOYER.taxNumber, name: 'Kovač Mojca', emso: '1503985505006', zzzsNumber: '012345678', taxNumber: null,
};

const row = (number: string, from: string, to: string, over: Partial<CertificateRow> = {}): CertificateRow => ({
  number, kind: 'eBOL', employerTax: EMPLOYER.taxNumber, workerId: WORKER.id, reason: '01', from, to,
  hoursPerDay: null, status: 'issued', issuedOn: from, workerName: WORKER.name, ...over,
});

/** The background as the view sees it: the person's certificates up to the month's end, inputs per month. */
function background(certificates: CertificateRow[], options: { workers?: WorkerRow[]; earlierBase?: SelfEmployedMonth['earlierBase'] } = {}) {
  const stored: Record<string, SelfEmployedInputs> = {};
  const workers = options.workers ?? [WORKER];
  return answer({
    'ui:listWorkers': () => ({ total: workers.length, offset: 0, rows: workers, hasMore: false }),
    'ui:selfEmployedMonth': ({ month }) => ({
      worker: WORKER, certificates: certificates.filter((c) => c.from <= lastOfMonth(month)), truncated: false,
      inputs: stored[month] ?? {}, earlierBase: stored[month]?.base ? null : (options.earlierBase ?? null),
    }),
    'ui:saveSelfEmployedInputs': ({ month, inputs }) => { stored[month] = inputs; return inputs; },
    'ui:saveSettings': (patch) => ({ employers: [EMPLOYER], current: EMPLOYER.taxNumber, settings: { retentionDays: 90, parameterOverrides: {}, exportDialect: patch.exportDialect ?? 'excel-si' } }),
  });
}

/** Types and leaves the field (the `change` event commits). */
async function enter(el: Element | null | undefined, value: string): Promise<void> {
  await type(el, value);
  await act(() => { el!.dispatchEvent(new Event('change', { bubbles: true })); });
  await settle();
}

const field = (root: ParentNode, n: string) => text(root.querySelector(`[data-opsvz="${n}"] [data-field=value]`));
const periods = (root: ParentNode) => [...root.querySelectorAll('[data-testid=field-090] tbody tr')].map((tr) =>
  [...tr.querySelectorAll('td')].map((td) => text(td)));
const opsvzReady = (root: ParentNode) => () => root.querySelector('[data-testid=opsvz]') !== null;

describe('Samozaposleni: states', () => {
  it('is loading while the people or the month load', async () => {
    answer({ 'ui:listWorkers': () => pending() });
    let root = await mount(<SelfEmployedView {...viewProps()} />);
    expect(root.querySelector('[data-state=loading]')).not.toBeNull();
    expect(root.querySelector('[data-testid=opsvz]')).toBeNull();

    answer({ 'ui:listWorkers': () => ({ total: 1, offset: 0, rows: [WORKER], hasMore: false }), 'ui:selfEmployedMonth': () => pending() });
    root = await mount(<SelfEmployedView {...viewProps()} />);
    expect(root.querySelector('[data-state=loading]')).not.toBeNull();
    // The first (only) person and the previous month are asked for.
    expect(sent('ui:selfEmployedMonth')).toEqual([{ employerTax: EMPLOYER.taxNumber, workerId: WORKER.id, month: '2025-05' }]);
  });

  it('shows why the month could not be read, and tries again', async () => {
    let fail = true;
    answer({
      'ui:listWorkers': () => ({ total: 1, offset: 0, rows: [WORKER], hasMore: false }),
      'ui:selfEmployedMonth': () => {
        if (fail) throw new MessageError('UNREACHABLE');
        return { worker: WORKER, certificates: [], truncated: false, inputs: {}, earlierBase: null };
      },
    });
    const root = await mount(<SelfEmployedView {...viewProps()} />);
    expect(text(root.querySelector('[role=alert]'))).toContain(t('error_UNREACHABLE'));
    fail = false;
    await click(button(root, t('popup_retry')));
    await until(opsvzReady(root));
  });

  it('without an employer or a person: says what to import, and the invoice check is still there', async () => {
    answer({});
    let root = await mount(<SelfEmployedView {...viewProps({ employer: null })} />);
    expect(text(root.querySelector('[data-state=empty]'))).toBe(t('se_noEmployer'));
    expect(root.querySelector('[data-testid=invoice-panel]')).not.toBeNull();
    expect(text(root.querySelector('[data-testid=contributions] [data-field=total]'))).toBe('585,94 €');

    background([], { workers: [] });
    root = await mount(<SelfEmployedView {...viewProps()} />);
    expect(text(root.querySelector('[data-state=empty]'))).toBe(t('se_noPerson'));
    expect(sent('ui:selfEmployedMonth')).toEqual([]);
    expect(root.querySelector('[data-testid=invoice-panel]')).not.toBeNull();
  });

  it('a month without certificates: 090 empty, 130 and 140 zero, 110 the month\'s full-time hours', async () => {
    background([row('1000001', '2025-03-03', '2025-03-07')]);
    const root = await mount(<SelfEmployedView {...viewProps()} />);
    await until(opsvzReady(root));
    expect(text(root.querySelector('[data-testid=opsvz] [data-state=empty]'))).toBe(t('se_noAbsence', '2025-05'));
    expect(root.querySelector('[data-testid=field-090]')).toBeNull();
    expect([field(root, '110'), field(root, '130'), field(root, '140')]).toEqual(['176 h', '0 h', '0 h']);
    expect(text(root.querySelector('[data-testid=se-deadlines]'))).toBe(t('se_deadlines', '2025-05', '15. 6. 2025', '20. 6. 2025'));
  });
});

describe('Samozaposleni: OPSVZ fields from the certificates', () => {
  it('clips a certificate spanning the month end to the month and splits 130/140 at the 31st working day', async () => {
    // One certificate from 1 April to 23 May 2025: the 30 own-burden working days end on 12 May.
    background([row('1000002', '2025-04-01', '2025-05-23'), row('1000009', '2025-05-26', '2025-05-27', { status: 'cancelled' })]);
    const root = await mount(<SelfEmployedView {...viewProps()} />);
    await until(opsvzReady(root));
    expect(text(root.querySelector('#opsvz-title'))).toBe(t('se_opsvzTitle', 'Kovač Mojca', '2025-05'));
    expect(periods(root)).toEqual([['1000002', '1. 5. 2025', '23. 5. 2025', '01 – bolezen', '—']]);
    expect([field(root, '110'), field(root, '130'), field(root, '140')]).toEqual(['176 h', '64 h', '72 h']);
    expect(text(root.querySelector('[data-testid=cancelled]'))).toBe(t('se_cancelled', '1000009'));
    expect(text(root.querySelector('[data-testid=own-days]'))).toBe(t('se_ownDaysUsed', '0', '2025'));
    // The explanation, step by step, with its references.
    const trace = root.querySelector('[data-testid=opsvz-trace]')!;
    const steps = [...trace.querySelectorAll('li')].map((li) => li.getAttribute('data-step'));
    expect(steps).toEqual(expect.arrayContaining(['ABSENCE', 'EMPLOYER_PERIOD', 'OPSVZ']));
    expect(text(trace.querySelector('[data-step=OPSVZ]'))).toContain('130 = 64 h v lastnem breme; 140 = 72 h v breme ZZZS');
    expect(text(trace.querySelector('[data-step=OPSVZ] .trace__ref'))).toBe(t('popup_legalRef', 'navodilo za OPSVZ, polja 090, 110, 130, 140; RULES §10'));

    // The month before: the same certificate clipped to April, all of it in the own burden.
    await click(root.querySelector(`[aria-label="${t('se_monthPrevious')}"]`));
    await until(() => periods(root)[0]?.[1] === '1. 4. 2025');
    expect(sent('ui:selfEmployedMonth').at(-1)!.month).toBe('2025-04');
    expect(periods(root)).toEqual([['1000002', '1. 4. 2025', '30. 4. 2025', '01 – bolezen', '—']]);
    expect([field(root, '110'), field(root, '130'), field(root, '140')]).toEqual(['176 h', '176 h', '0 h']);
  });

  it('counts a partial absence by its hours per day, in the month typed in', async () => {
    // Two certificates of one absence: from 22 September (7 working days) to 10 October.
    background([row('1000004', '2025-09-22', '2025-09-30', { reason: '02', hoursPerDay: 4 }), row('1000003', '2025-10-01', '2025-10-10', { reason: '02', hoursPerDay: 4 })]);
    const root = await mount(<SelfEmployedView {...viewProps()} />);
    await until(opsvzReady(root));
    await enter(root.querySelector('#se-month'), '10/2025');
    await until(() => periods(root).length === 1);
    expect(sent('ui:selfEmployedMonth').at(-1)!.month).toBe('2025-10');
    expect(periods(root)).toEqual([['1000003', '1. 10. 2025', '10. 10. 2025', '02 – poškodba izven dela', t('se_hoursPerDay', '4')]]);
    // 8 working days × 4 h; 23 working days × 8 h in October.
    expect([field(root, '110'), field(root, '130'), field(root, '140')]).toEqual(['184 h', '32 h', '0 h']);
    // Days 8 to 15 of the absence: still own burden; September's certificate is counted, not listed.
    expect(text(root.querySelector('[data-testid=opsvz]'))).toContain(t('se_chainOutside', '1000004'));

    await enter(root.querySelector('#se-month'), 'oktobr 2025');
    expect(text(root.querySelector('#se-month-error'))).toBe(t('se_monthInvalid', 'oktobr 2025'));
  });

  it('counts own-burden days used earlier in the year: after 120 of them, a new absence is all on ZZZS', async () => {
    // Four absences of 30 working days each (January–August), then one week in October.
    background([
      row('1000010', '2025-01-06', '2025-02-14'), row('1000011', '2025-03-03', '2025-04-11'),
      row('1000012', '2025-05-05', '2025-06-13'), row('1000013', '2025-07-07', '2025-08-15'),
      row('1000014', '2025-10-06', '2025-10-10'),
    ]);
    const root = await mount(<SelfEmployedView {...viewProps()} />);
    await until(opsvzReady(root));
    await enter(root.querySelector('#se-month'), '2025-10');
    await until(() => periods(root).length === 1);
    expect(text(root.querySelector('[data-testid=own-days]'))).toBe(t('se_ownDaysUsed', '120', '2025'));
    expect([field(root, '130'), field(root, '140')]).toEqual(['0 h', '40 h']);
  });
});

describe('Samozaposleni: what the user enters, and the CSV export', () => {
  it('remembers 120, 150, 160 and the base per person and month, refuses a non-number, and exports everything', async () => {
    background([row('1000002', '2025-04-01', '2025-05-23')]);
    const root = await mount(<SelfEmployedView {...viewProps()} />);
    await until(opsvzReady(root));

    await enter(root.querySelector('#se-field120'), '12,5');
    expect(sent('ui:saveSelfEmployedInputs')).toEqual([{ employerTax: EMPLOYER.taxNumber, workerId: WORKER.id, month: '2025-05', inputs: { field120: 12.5 } }]);
    expect(text(root.querySelector('[data-testid=se-save]'))).toBe(t('se_saved', 'Kovač Mojca', '2025-05'));
    await enter(root.querySelector('#se-field160'), 'dva');
    expect(text(root.querySelector('#se-field160-error'))).toBe(t('se_numberInvalid', 'dva'));
    expect(root.querySelector('#se-field160')?.getAttribute('aria-invalid')).toBe('true');
    expect(sent('ui:saveSelfEmployedInputs')).toHaveLength(1);
    await enter(root.querySelector('#se-base'), '1.600,00');
    expect(sent('ui:saveSelfEmployedInputs').at(-1)!.inputs).toEqual({ field120: 12.5, base: 1600 });
    // The expected contributions follow the base: 24,35 % of 1.600 € for pension and disability.
    expect(text(root.querySelector('[data-testid=expected-lines] [data-code=PIZ] [data-field=amount]'))).toBe('389,60 €');

    await click(root.querySelector('[data-testid=se-export]'));
    const [name, csv] = vi.mocked(downloadText).mock.calls[0]!;
    expect(name).toBe('spot-pomocnik_opsvz-2025-05_PRIMER-d-o-o_2025-06-10.csv');
    expect(text(root.querySelector('[data-testid=se-export-status]'))).toBe(t('se_exportDone', name));
    expect(csv.startsWith('\ufeff')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trim(), { delimiter: ';' }).data;
    expect(parsed[0]).toEqual(['Davčna številka', 'Oseba', 'EMŠO', 'ZZZS številka', 'Mesec', 'Polje', 'Opis', 'Vrednost', 'Od', 'Do', 'Razlog', 'Številka potrdila']);
    const byField = Object.fromEntries(parsed.slice(1).map((r) => [r[5], r]));
    expect(parsed.slice(1).map((r) => r[5])).toEqual(['090', '110', '120', '130', '140', '150', '160', 'osnova']);
    expect(byField['090']).toEqual(['12345679', 'Kovač Mojca', '1503985505006', '012345678', '2025-05', '090', 'Obdobje odsotnosti z dela in razlog', '', '01.05.2025', '23.05.2025', '01 – bolezen', '1000002']);
    expect([byField['110']![7], byField['120']![7], byField['130']![7], byField['140']![7], byField['150']![7], byField['160']![7], byField.osnova![7]])
      .toEqual(['176', '12,5', '64', '72', '', '', '1600,00']);

    // Standard CSV, remembered as the export choice; a month without a base exports the minimum base.
    await click(root.querySelector('input[name=se-dialect][value=csv]'));
    expect(sent('ui:saveSettings')).toEqual([{ exportDialect: 'csv' }]);
    await click(root.querySelector(`[aria-label="${t('se_monthNext')}"]`));
    await until(() => sent('ui:selfEmployedMonth').at(-1)?.month === '2025-06' && root.querySelector('[data-testid=opsvz]') !== null);
    await click(root.querySelector('[data-testid=se-export]'));
    const june = Papa.parse<string[]>(vi.mocked(downloadText).mock.calls[1]![1].trim(), { delimiter: ',' }).data;
    expect(june.find((r) => r[5] === 'osnova')!.slice(6, 8)).toEqual(['Zavarovalna osnova (EUR), najnižja za mesec', '1436.59']);
    expect(june.filter((r) => r[5] === '090')).toEqual([]);
  });

  it('offers the base entered for an earlier month', async () => {
    background([], { earlierBase: { month: '2025-04', base: 1700 } });
    const root = await mount(<SelfEmployedView {...viewProps()} />);
    await until(opsvzReady(root));
    expect(text(root.querySelector('[data-testid=earlier-base]'))).toContain(t('se_earlierBase', '2025-04', '1.700,00 €'));
    await click(button(root, t('se_useEarlierBase', '2025-05')));
    expect(sent('ui:saveSelfEmployedInputs').at(-1)!.inputs).toEqual({ base: 1700 });
    expect((root.querySelector('#se-base') as HTMLInputElement).value).toBe('1700');
    expect(root.querySelector('[data-testid=earlier-base]')).toBeNull();
  });
});

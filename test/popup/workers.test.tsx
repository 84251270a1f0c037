// @dom-environment: happy-dom, modules transformed for Node (vitest.config.ts)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageError } from '../../src/shared/messages.ts';
import { t } from '../../src/shared/i18n.ts';
import type { WorkerSummary } from '../../src/shared/protocol/ui.ts';
import { WORKERS_PAGE, WorkersView } from '../../src/popup/views/WorkersView.tsx';
import { answer, button, click, labelled, mount, pending, sent, text, type, unmount, viewProps, wait } from './helpers.tsx';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../background/fakeBrowser.ts')).fakeBrowser }));
vi.mock('../../src/popup/api.ts', () => ({ call: vi.fn(), openAppTab: vi.fn(), downloadText: vi.fn() }));

afterEach(unmount);

const worker = (id: string, name: string, over: Partial<WorkerSummary> = {}): WorkerSummary => ({
  id, employerTax: '12345679', name, emso: null, zzzsNumber: '012345678', taxNumber: null, ...over,
});

describe('Delavci (workers view)', () => {
  it('says it is loading while the background answers', async () => {
    answer({ 'ui:listWorkers': () => pending(), 'ui:countWorkerRecords': () => ({}) });
    const root = await mount(<WorkersView {...viewProps()} />);
    expect(root.querySelector('[data-state=loading]')?.textContent).toBe(t('popup_loading'));
  });

  it('shows an error with its message, and tries again', async () => {
    let fail = true;
    answer({
      'ui:listWorkers': () => {
        if (fail) throw new MessageError('UNREACHABLE');
        return { total: 1, offset: 0, rows: [worker('w1', 'Novak Ana')], hasMore: false };
      },
      'ui:countWorkerRecords': () => ({}),
    });
    const root = await mount(<WorkersView {...viewProps()} />);
    const alert = root.querySelector('[role=alert]');
    expect(text(alert)).toContain(t('error_UNREACHABLE'));
    fail = false;
    await click(button(root, t('popup_retry')));
    expect(text(root.querySelector('[data-testid=workers-table] tbody'))).toContain('Novak Ana');
  });

  it('says when there are no workers, and when none match the search', async () => {
    answer({ 'ui:listWorkers': () => ({ total: 0, offset: 0, rows: [], hasMore: false }) });
    const root = await mount(<WorkersView {...viewProps()} />);
    expect(text(root.querySelector('[data-state=empty]'))).toBe(t('popup_workersEmpty'));
    await type(labelled(root, t('popup_workersSearch')), 'zup');
    await wait(300);
    expect(sent('ui:listWorkers').at(-1)).toEqual({ employerTax: '12345679', offset: 0, limit: WORKERS_PAGE, search: 'zup' });
    expect(text(root.querySelector('[data-state=empty]'))).toBe(t('popup_workersNoMatch'));
  });

  it('lists workers with counts, pages, and opens one with certificates, FURS data and linking', async () => {
    const rows = Array.from({ length: WORKERS_PAGE }, (_, i) => worker(`w${i}`, `Delavec ${String(i).padStart(2, '0')}`));
    rows[0] = worker('w0', '=HYPERLINK("x")', { emso: '1503985500016' });
    answer({
      'ui:listWorkers': ({ offset }) => ({ total: 120, offset, rows: offset === 0 ? rows : [worker('wlast', 'Zupan Eva')], hasMore: offset === 0 }),
      'ui:countWorkerRecords': ({ workerIds }) => Object.fromEntries(workerIds.map((id, i) => [id, { certificates: i + 1, disclosures: id === 'w0' ? 1 : 0 }])),
      'ui:getWorker': () => ({
        worker: rows[0]!,
        certificates: [{ number: '1000002', kind: 'eBOL', employerTax: '12345679', workerId: 'w0', reason: '01', from: '2025-04-01', to: '2025-04-30', hoursPerDay: null, status: 'issued', issuedOn: null, workerName: '=HYPERLINK("x")' }],
        disclosures: [{ id: 1, queryNumber: 'P-2025-1', validUntil: '2025-05-19', preparedOn: '2025-05-20', workerId: 'w0', workerTaxNumber: '87654326', certificateNumber: null, fileName: 'osnova.csv', periods: [{ from: '2024-01-01', to: '2024-12-31', payer: 'zzzs', noData: false, rows: 12 }], warnings: [] }],
      }),
      'ui:listDisclosures': () => [{ id: 2, queryNumber: 'P-2025-2', validUntil: '2025-05-19', preparedOn: null, workerId: null, workerTaxNumber: '11111111', certificateNumber: null, fileName: null, periods: [], warnings: [] }],
      'ui:linkDisclosure': ({ id }) => ({ id, queryNumber: 'P-2025-2', validUntil: '2025-05-19', preparedOn: null, workerId: 'w0', workerTaxNumber: null, certificateNumber: null, fileName: null, periods: [], warnings: [] }),
    });
    const navigate = vi.fn();
    const root = await mount(<WorkersView {...viewProps({ navigate })} />);
    const body = root.querySelector('[data-testid=workers-table] tbody')!;
    expect(body.querySelectorAll('tr')).toHaveLength(WORKERS_PAGE);
    // Scraped text is text: the formula-like name is shown as typed, never interpreted.
    expect(text(body.querySelector('tr th'))).toBe('=HYPERLINK("x")');
    // The counts, asked for once for the whole page.
    expect(sent('ui:countWorkerRecords')).toEqual([{ employerTax: '12345679', workerIds: rows.map((w) => w.id) }]);
    expect([...body.querySelectorAll('tr')].slice(0, 2).map((r) => [text(r.querySelector('[data-field=certificates]')), text(r.querySelector('[data-field=disclosures]'))]))
      .toEqual([['1', '1'], ['2', '0']]);
    expect(text(root.querySelector('.pager__range'))).toBe(t('popup_pageRange', '1', String(WORKERS_PAGE), '120'));

    const details = button(body, t('popup_showDetails'))!;
    expect(details.getAttribute('aria-expanded')).toBe('false');
    await click(details);
    expect(details.getAttribute('aria-expanded')).toBe('true');
    const detail = root.querySelector(`#${details.getAttribute('aria-controls')}`)!;
    expect(text(detail.querySelector('[data-testid=certificates-table]'))).toContain('1000002');
    expect(text(detail.querySelector('[data-testid=disclosure-list]'))).toContain('P-2025-1');
    await click(button(detail, t('popup_compute')));
    expect(navigate).toHaveBeenCalledWith('compute', { certificateNumber: '1000002' });
    await click(button(detail, t('popup_link')));
    expect(sent('ui:linkDisclosure')).toEqual([{ id: 2, workerId: 'w0' }]);

    await click(button(root, t('popup_pageNext')));
    expect(sent('ui:listWorkers').at(-1)).toMatchObject({ offset: WORKERS_PAGE, limit: WORKERS_PAGE });
    expect(text(root.querySelector('[data-testid=workers-table] tbody'))).toContain('Zupan Eva');
  });
});

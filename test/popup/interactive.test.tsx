// @dom-environment: happy-dom, modules transformed for Node (vitest.config.ts)
// The popup's `spot:interactive` mark (WorkersView.tsx), read by the popup-open benchmark: set
// once, when the first list of workers is in the document, not while it loads.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { t } from '../../src/shared/i18n.ts';
import type { WorkerSummary } from '../../src/shared/protocol/ui.ts';
import { INTERACTIVE_MARK, WorkersView } from '../../src/popup/views/WorkersView.tsx';
import { answer, button, click, mount, unmount, until, viewProps } from './helpers.tsx';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../background/fakeBrowser.ts')).fakeBrowser }));
vi.mock('../../src/popup/api.ts', () => ({ call: vi.fn(), openAppTab: vi.fn(), downloadText: vi.fn() }));

afterEach(unmount);

const worker = (id: string, name: string): WorkerSummary => ({ id, employerTax: '12345679', name, emso: null, zzzsNumber: null, taxNumber: null });
const marks = () => performance.getEntriesByName(INTERACTIVE_MARK) as PerformanceMark[];

describe('spot:interactive', () => {
  it('is marked once, when the first workers are listed with their buttons', async () => {
    let release: (() => void) | undefined;
    const rows = [worker('w1', 'Novak Ana'), worker('w2', 'Zupan Eva')];
    answer({
      'ui:listWorkers': ({ offset }) => (offset === 0
        ? new Promise((resolve) => { release = () => resolve({ total: 3, offset, rows, hasMore: true }); })
        : { total: 3, offset, rows: [worker('w3', 'Žagar Rok')], hasMore: false }),
      'ui:countWorkerRecords': () => ({}),
    });
    const root = await mount(<WorkersView {...viewProps()} />);
    expect(root.querySelector('[data-state=loading]')).not.toBeNull();
    expect(marks()).toHaveLength(0);

    release!();
    await until(() => root.querySelectorAll('[data-testid=workers-table] tbody tr').length === 2);
    expect(marks()).toHaveLength(1);
    expect(marks()[0]!.detail).toEqual({ workers: 2 });

    await click(button(root, t('popup_pageNext')));
    await until(() => root.querySelector('[data-testid=workers-table] tbody')?.textContent?.includes('Žagar Rok') === true);
    expect(marks()).toHaveLength(1);
  });
});

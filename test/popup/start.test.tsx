// @dom-environment: happy-dom, modules transformed for Node (vitest.config.ts)
// The app's start (issue 8): one message for the context and the first page of workers, asked
// by boot.ts before the app's code has loaded, taken by startApp(), drawn by the shell at once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/popup/App.tsx';
import { call } from '../../src/popup/api.ts';
import { startApp, WORKERS_PAGE } from '../../src/popup/start.ts';
import { t } from '../../src/shared/i18n.ts';
import { CHANNEL, MessageError } from '../../src/shared/messages.ts';
import type { WorkerSummary } from '../../src/shared/protocol/ui.ts';
import type { AppStart } from '../../src/shared/protocol/uiStart.ts';
import { EMPLOYER, answer, button, click, context, mount, pending, sent, text, unmount } from './helpers.tsx';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../background/fakeBrowser.ts')).fakeBrowser }));
vi.mock('../../src/popup/api.ts', () => ({ call: vi.fn(), openAppTab: vi.fn(), downloadText: vi.fn() }));

const SLOT = '__spotPomocnikEarlyStart';

afterEach(() => {
  unmount();
  delete (globalThis as Record<string, unknown>)[SLOT];
  vi.unstubAllGlobals();
  vi.resetModules();
});

const worker = (id: string, name: string): WorkerSummary => ({ id, employerTax: EMPLOYER.taxNumber, name, emso: null, zzzsNumber: '012345678', taxNumber: null });
const firstPage = { total: 2, offset: 0, rows: [worker('w1', 'Novak Ana'), worker('w2', 'Zupan Eva')], hasMore: false };
const started = (over: Partial<AppStart> = {}): AppStart => ({ context: context(), workers: { employerTax: EMPLOYER.taxNumber, page: firstPage }, ...over });
const base = {
  'ui:getStatus': () => ({ lastSpotPage: null }),
  'ui:countWorkerRecords': ({ workerIds }: { workerIds: string[] }) => Object.fromEntries(workerIds.map((id) => [id, { certificates: 3, disclosures: 1 }])),
};

describe('the app drawn from its start', () => {
  it('shows the context and the first page of workers without asking for them again; the counts follow', async () => {
    answer({ ...base, 'ui:listWorkers': () => ({ total: 1, offset: 0, rows: [worker('w9', 'Drugi Jan')], hasMore: false }) });
    const root = await mount(<App mode="popup" start={Promise.resolve(started())} />);
    const body = root.querySelector('[data-testid=workers-table] tbody')!;
    expect([...body.querySelectorAll('tr th')].map(text)).toEqual(['Novak Ana', 'Zupan Eva']);
    expect(sent('ui:getContext')).toEqual([]);
    expect(sent('ui:listWorkers')).toEqual([]);
    expect(sent('ui:countWorkerRecords')).toEqual([{ employerTax: EMPLOYER.taxNumber, workerIds: ['w1', 'w2'] }]);
    expect(text(body.querySelector('[data-field=certificates]'))).toBe('3');

    // Used once: shown again later, the view asks the background.
    await click(root.querySelector('#tab-certificates'));
    answer({ ...base, 'ui:listWorkers': () => ({ total: 1, offset: 0, rows: [worker('w9', 'Drugi Jan')], hasMore: false }) });
    await click(root.querySelector('#tab-workers'));
    expect(sent('ui:listWorkers')).toEqual([{ employerTax: EMPLOYER.taxNumber, offset: 0, limit: WORKERS_PAGE }]);
    expect(text(root.querySelector('[data-testid=workers-table] tbody tr th'))).toBe('Drugi Jan');
  });

  it('is loading until the start comes; a failed start says so, and "try again" asks for the context', async () => {
    answer({ ...base, 'ui:getContext': () => context(), 'ui:listWorkers': () => firstPage });
    let root = await mount(<App mode="popup" start={pending<AppStart>()} />);
    expect(root.querySelector('main [data-state=loading]')).not.toBeNull();

    root = await mount(<App mode="popup" start={Promise.reject(new MessageError('UNREACHABLE'))} />);
    expect(text(root.querySelector('main [role=alert]'))).toContain(t('error_UNREACHABLE'));
    await click(button(root, t('popup_retry')));
    expect(sent('ui:getContext')).toEqual([{}]);
    expect(sent('ui:listWorkers')).toEqual([{ employerTax: EMPLOYER.taxNumber, offset: 0, limit: WORKERS_PAGE }]);
    expect(root.querySelectorAll('[data-testid=workers-table] tbody tr')).toHaveLength(2);
  });

  it('without an employer: no workers came, and the shell says what to do', async () => {
    answer(base);
    const root = await mount(<App mode="popup" start={Promise.resolve(started({ context: context({ employers: [], current: null }), workers: null }))} />);
    expect(text(root.querySelector('[role=tabpanel] [data-state=empty]'))).toContain(t('popup_noEmployer'));
  });
});

describe('startApp()', () => {
  it('takes the answer boot.ts asked for, once; later it asks itself', async () => {
    const value = started();
    (globalThis as Record<string, unknown>)[SLOT] = { workersLimit: WORKERS_PAGE, sent: Promise.resolve({ ok: true, value }) };
    vi.mocked(call).mockReset().mockResolvedValue(started({ workers: null }));
    expect(await startApp()).toEqual(value);
    expect(call).not.toHaveBeenCalled();
    expect(await startApp()).toEqual(started({ workers: null }));
    expect(call).toHaveBeenCalledWith('ui:startApp', { workersLimit: WORKERS_PAGE });
  });

  it('turns the early answer into the same errors as send(): the background\'s, or unreachable', async () => {
    vi.mocked(call).mockReset();
    (globalThis as Record<string, unknown>)[SLOT] = { workersLimit: WORKERS_PAGE, sent: Promise.resolve({ ok: false, error: { code: 'HANDLER_FAILED', message: 'x' } }) };
    await expect(startApp()).rejects.toMatchObject({ code: 'HANDLER_FAILED', message: 'x' });
    (globalThis as Record<string, unknown>)[SLOT] = { workersLimit: WORKERS_PAGE, sent: Promise.reject(new Error('Receiving end does not exist.')) };
    await expect(startApp()).rejects.toMatchObject({ code: 'UNREACHABLE' });
    expect(call).not.toHaveBeenCalled();
  });

  it('asks itself when the early answer is for another page size', async () => {
    (globalThis as Record<string, unknown>)[SLOT] = { workersLimit: WORKERS_PAGE + 1, sent: Promise.resolve({ ok: true, value: started() }) };
    vi.mocked(call).mockReset().mockResolvedValue(started({ workers: null }));
    expect(await startApp()).toEqual(started({ workers: null }));
    expect(call).toHaveBeenCalledTimes(1);
  });
});

describe('boot.ts', () => {
  it('sends ui:startApp for the first page of Delavci as soon as it runs, and leaves the answer for startApp()', async () => {
    const sendMessage = vi.fn(async () => ({ ok: true, value: started() }));
    vi.stubGlobal('browser', { runtime: { sendMessage } });
    await import('../../src/popup/boot.ts');
    expect(sendMessage).toHaveBeenCalledWith({ channel: CHANNEL, name: 'ui:startApp', payload: { workersLimit: WORKERS_PAGE } });
    vi.mocked(call).mockReset();
    expect(await startApp()).toEqual(started());
    expect(call).not.toHaveBeenCalled();
  });

  it('leaves nothing when the browser refuses to send: the app asks itself', async () => {
    vi.stubGlobal('browser', { runtime: { sendMessage: () => { throw new Error('no runtime'); } } });
    await import('../../src/popup/boot.ts');
    expect((globalThis as Record<string, unknown>)[SLOT]).toBeUndefined();
  });
});

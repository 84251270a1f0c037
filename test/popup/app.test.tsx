// @dom-environment: happy-dom, modules transformed for Node (vitest.config.ts)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/popup/App.tsx';
import { openAppTab } from '../../src/popup/api.ts';
import { VIEWS } from '../../src/popup/views/index.ts';
import { t } from '../../src/shared/i18n.ts';
import { MessageError } from '../../src/shared/messages.ts';
import { EMPLOYER, answer, button, choose, click, context, key, mount, pending, sent, text, unmount, until } from './helpers.tsx';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../background/fakeBrowser.ts')).fakeBrowser }));
vi.mock('../../src/popup/api.ts', () => ({ call: vi.fn(), openAppTab: vi.fn(), downloadText: vi.fn() }));

afterEach(unmount);

const OTHER = { taxNumber: '10000003', name: 'Drugi s.p.' };
const base = {
  'ui:getStatus': () => ({ lastSpotPage: null }),
  'ui:listWorkers': () => ({ total: 0, offset: 0, rows: [], hasMore: false }),
  'ui:listCertificates': () => ({ total: 0, offset: 0, rows: [], hasMore: false }),
};

describe('the app shell', () => {
  it('is loading, then shows a failure to reach the background with "try again"', async () => {
    answer({ ...base, 'ui:getContext': () => pending() });
    let root = await mount(<App mode="popup" />);
    expect(root.querySelector('main [data-state=loading]')).not.toBeNull();

    let fail = true;
    answer({ ...base, 'ui:getContext': () => { if (fail) throw new MessageError('UNREACHABLE'); return context(); } });
    root = await mount(<App mode="popup" />);
    expect(text(root.querySelector('main [role=alert]'))).toContain(t('error_UNREACHABLE'));
    fail = false;
    await click(button(root, t('popup_retry')));
    expect(root.querySelector('[role=tablist]')).not.toBeNull();
  });

  it('without an employer: says so, and the settings are one click away', async () => {
    answer({ ...base, 'ui:getContext': () => context({ employers: [], current: null }) });
    const root = await mount(<App mode="tab" />);
    expect(text(root.querySelector('[role=tabpanel] [data-state=empty]'))).toContain(t('popup_noEmployer'));
    await click(button(root, t('popup_noEmployerAdd')));
    expect(root.querySelector('[role=tab][aria-selected=true]')?.id).toBe('tab-settings');
    // The settings view loads the first time it is shown.
    await until(() => root.querySelector('[data-testid=new-employer-form]') !== null);
  });

  it('has one tab per registered view, moved through with the arrow keys, Home and End', async () => {
    answer({ ...base, 'ui:getContext': () => context() });
    const root = await mount(<App mode="popup" />);
    const tabs = [...root.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    expect(tabs.map((x) => x.id)).toEqual(VIEWS.map((v) => `tab-${v.id}`));
    expect(tabs.map((x) => x.tabIndex)).toEqual(VIEWS.map((_, i) => (i === 0 ? 0 : -1)));
    const panel = root.querySelector('[role=tabpanel]')!;
    expect(panel.getAttribute('aria-labelledby')).toBe('tab-workers');

    tabs[0]!.focus();
    await key(tabs[0], 'ArrowRight');
    expect(document.activeElement?.id).toBe('tab-certificates');
    expect(root.querySelector('[role=tabpanel]')?.getAttribute('data-view')).toBe('certificates');
    await key(document.activeElement, 'End');
    expect(document.activeElement?.id).toBe(`tab-${VIEWS.at(-1)!.id}`);
    await key(document.activeElement, 'ArrowRight');
    expect(document.activeElement?.id).toBe('tab-workers');
    await key(document.activeElement, 'ArrowLeft');
    expect(document.activeElement?.id).toBe(`tab-${VIEWS.at(-1)!.id}`);
    await key(document.activeElement, 'Home');
    expect(root.querySelector('[role=tab][aria-selected=true]')?.id).toBe('tab-workers');
  });

  it('switches the employer for every view, and opens the app in a tab from the popup', async () => {
    answer({
      ...base,
      'ui:getContext': () => context({ employers: [EMPLOYER, OTHER] }),
      'ui:selectEmployer': ({ taxNumber }) => context({ employers: [EMPLOYER, OTHER], current: taxNumber }),
    });
    const root = await mount(<App mode="popup" />);
    expect(sent('ui:listWorkers').at(-1)).toMatchObject({ employerTax: '12345679' });
    const switcher = root.querySelector('[data-testid=employer-switcher]') as HTMLSelectElement;
    expect([...switcher.options].map((o) => o.textContent)).toEqual(['PRIMER d.o.o. (12345679)', 'Drugi s.p. (10000003)', t('popup_employerAdd')]);
    await choose(switcher, '10000003');
    expect(sent('ui:selectEmployer')).toEqual([{ taxNumber: '10000003' }]);
    expect(sent('ui:listWorkers').at(-1)).toMatchObject({ employerTax: '10000003' });

    await click(button(root, t('openInTab')));
    expect(openAppTab).toHaveBeenCalledWith('workers');
  });
});

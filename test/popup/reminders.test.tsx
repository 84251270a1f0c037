// @dom-environment: happy-dom, modules transformed for Node (vitest.config.ts)
/**
 * The reminders at the top of the popup: nothing when nothing is due (or they cannot be read),
 * the due ones in words across employers, marking one done and undoing it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/popup/App.tsx';
import { RemindersSection } from '../../src/popup/views/RemindersView.tsx';
import { MessageError } from '../../src/shared/messages.ts';
import type { ReminderList, ReminderView } from '../../src/shared/protocol/reminders.ts';
import { answer, button, click, context, mount, pending, sent, text, unmount } from './helpers.tsx';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../background/fakeBrowser.ts')).fakeBrowser }));
vi.mock('../../src/popup/api.ts', () => ({ call: vi.fn(), openAppTab: vi.fn(), downloadText: vi.fn() }));

beforeEach(() => { vi.spyOn(navigator, 'language', 'get').mockReturnValue('sl-SI'); });
afterEach(() => { unmount(); vi.restoreAllMocks(); });

const M2: ReminderView = {
  id: 'posting:4:deregister-posting-basis:2026-06-30', kind: 'deregister-posting-basis', employerTax: '12345679', employerName: 'PRIMER d.o.o.', due: '2026-06-30',
  posting: { id: 4, name: 'Janez', surname: 'Kranjc', country: 'AT', end: '2026-06-30', originalBasis: '001' },
};
const M3: ReminderView = { ...M2, id: 'posting:4:register-original-basis:2026-07-01', kind: 'register-original-basis', due: '2026-07-01' };
const LAPSED: ReminderView = {
  id: 'claim:10000003:1000003:2023-05-13:2023-05-23', kind: 'claim-expired', employerTax: '10000003', employerName: 'Drugi s.p.', due: '2026-06-19',
  claim: { certificate: '1000003', workerName: 'Zupančič Maja', from: '2023-05-13', to: '2023-05-23', amount: 800.64 },
};
const items = (root: HTMLElement) => [...root.querySelectorAll('[data-testid=reminders] li')];

describe('Opomniki (reminders)', () => {
  it('shows nothing while loading, when nothing is due, or when they cannot be read', async () => {
    answer({ 'ui:listReminders': () => pending() });
    let root = await mount(<RemindersSection version={0} />);
    expect(root.innerHTML).toBe('');
    answer({ 'ui:listReminders': () => ({ open: [], done: 3 }) });
    root = await mount(<RemindersSection version={0} />);
    expect(root.innerHTML).toBe('');
    answer({ 'ui:listReminders': () => { throw new MessageError('UNREACHABLE'); } });
    root = await mount(<RemindersSection version={0} />);
    expect(root.innerHTML).toBe('');
  });

  it('lists what is due in words, with the employer, the lapsed claim marked', async () => {
    answer({ 'ui:listReminders': () => ({ open: [LAPSED, M2, M3], done: 0 }) });
    const root = await mount(<RemindersSection version={0} />);
    expect(text(root.querySelector('h2'))).toMatch(/^Opomniki \(3\)/);
    expect(items(root).map(text)).toEqual([
      'Zastaran: Zahtevek za refundacijo 1000003 (Zupančič Maja, 13. 5. 2023 – 23. 5. 2023) je zastaral 19. 6. 2026. · Drugi s.p. Zahtevek oddan: Zahtevek za refundacijo 1000003 (Zupančič Maja, 13. 5. 2023 – 23. 5. 2023) je zastaral 19. 6. 2026.',
      'Odjava iz zavarovanja po podlagi 002 (M-2): Kranjc Janez, konec napotitve (Avstrija) 30. 6. 2026. · PRIMER d.o.o. Opravljeno: Odjava iz zavarovanja po podlagi 002 (M-2): Kranjc Janez, konec napotitve (Avstrija) 30. 6. 2026.',
      'Prijava v zavarovanje po prvotni podlagi 001 (M-3): Kranjc Janez, od 1. 7. 2026. · PRIMER d.o.o. Opravljeno: Prijava v zavarovanje po prvotni podlagi 001 (M-3): Kranjc Janez, od 1. 7. 2026.',
    ]);
    const toggle = button(root, 'Skrij')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await click(toggle);
    expect(root.querySelector('#reminders-list')!.hasAttribute('hidden')).toBe(true);
  });

  it('marks one done (it leaves the list), and can undo it', async () => {
    let list: ReminderList = { open: [M2, M3], done: 0 };
    answer({
      'ui:listReminders': () => list,
      'ui:setReminderDone': ({ id, done }) => {
        list = done ? { open: list.open.filter((r) => r.id !== id), done: 1 } : { open: [M2, M3], done: 0 };
        return list;
      },
    });
    const root = await mount(<RemindersSection version={0} />);
    await click(button(items(root)[0] as HTMLElement, 'Opravljeno'));
    expect(sent('ui:setReminderDone')).toEqual([{ id: M2.id, done: true }]);
    expect(items(root).map((li) => li.getAttribute('data-kind'))).toEqual(['register-original-basis']);
    expect(text(root.querySelector('[data-testid=reminder-undo]'))).toMatch(/^Označeno kot opravljeno: Odjava iz zavarovanja/);
    await click(button(root.querySelector('[data-testid=reminder-undo]') as HTMLElement, 'Razveljavi'));
    expect(sent('ui:setReminderDone')[1]).toEqual({ id: M2.id, done: false });
    expect(items(root)).toHaveLength(2);
  });

  it('sits at the top of the popup, above the view tabs', async () => {
    answer({
      'ui:getContext': () => context(),
      'ui:getStatus': () => ({ lastSpotPage: null }),
      'ui:listWorkers': () => ({ total: 0, offset: 0, rows: [], hasMore: false }),
      'ui:listReminders': () => ({ open: [M2], done: 0 }),
    });
    const root = await mount(<App mode="popup" />);
    const section = root.querySelector('main [data-testid=reminders]')!;
    expect(section.compareDocumentPosition(root.querySelector('[role=tablist]')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(sent('ui:listReminders').length).toBeGreaterThanOrEqual(1);
  });
});

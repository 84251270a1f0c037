// @dom-environment: happy-dom, modules transformed for Node (vitest.config.ts)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { t } from '../../src/shared/i18n.ts';
import { MessageError } from '../../src/shared/messages.ts';
import { SettingsView } from '../../src/popup/views/SettingsView.tsx';
import { EMPLOYER, answer, button, click, context, key, labelled, mount, sent, text, type, unmount, viewProps } from './helpers.tsx';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../background/fakeBrowser.ts')).fakeBrowser }));
vi.mock('../../src/popup/api.ts', () => ({ call: vi.fn(), openAppTab: vi.fn(), downloadText: vi.fn() }));

afterEach(unmount);

describe('Nastavitve (settings view)', () => {
  it('without an employer, offers only to add one; refuses a bad tax number before sending', async () => {
    answer({ 'ui:saveEmployer': ({ employer }) => context({ employers: [employer], current: employer.taxNumber }) });
    const refresh = vi.fn(async () => {});
    const root = await mount(<SettingsView {...viewProps({ employer: null, context: context({ employers: [], current: null }), refresh })} />);
    expect(root.querySelector('[data-testid=employer-form]')).toBeNull();
    const form = root.querySelector('[data-testid=new-employer-form]')!;
    await type(labelled(form, t('popup_employer_taxNumber')), '12345678');
    await type(labelled(form, t('popup_employer_name')), 'Novo podjetje d.o.o.');
    await click(button(form, t('popup_employerAddButton')));
    expect(text(form.querySelector('[data-state=error]'))).toMatch(/^The tax number is not valid|^Davčna številka ni veljavna/);
    expect(sent('ui:saveEmployer')).toEqual([]);

    await type(labelled(form, t('popup_employer_taxNumber')), '1000 0003');
    await type(labelled(form, t('popup_employer_seat')), 'Celovška 1, Ljubljana');
    await click(button(form, t('popup_employerAddButton')));
    expect(sent('ui:saveEmployer')).toEqual([{ employer: { taxNumber: '10000003', name: 'Novo podjetje d.o.o.', seat: 'Celovška 1, Ljubljana' }, select: true }]);
    expect(text(form.querySelector('[data-state=saved]'))).toBe(t('popup_saved'));
    expect(refresh).toHaveBeenCalled();
  });

  it('edits the selected employer\'s profile and shows a failure', async () => {
    answer({ 'ui:saveEmployer': () => { throw new MessageError('UNREACHABLE'); } });
    const root = await mount(<SettingsView {...viewProps()} />);
    const form = root.querySelector('[data-testid=employer-form]')!;
    expect((labelled(form, t('popup_employer_taxNumber')) as HTMLInputElement).readOnly).toBe(true);
    expect((labelled(form, t('popup_employer_name')) as HTMLInputElement).value).toBe(EMPLOYER.name);
    await type(labelled(form, t('popup_employer_email')), 'info@primer.si');
    await click(button(form, t('popup_save')));
    expect(sent('ui:saveEmployer')).toEqual([{ employer: { taxNumber: '12345679', name: 'PRIMER d.o.o.', email: 'info@primer.si' } }]);
    expect(text(form.querySelector('[data-state=error]'))).toBe(t('error_UNREACHABLE'));
  });

  it('stores parameter overrides and the retention days (default 90), refusing nonsense', async () => {
    answer({ 'ui:saveSettings': () => context() });
    const root = await mount(<SettingsView {...viewProps()} />);
    const form = root.querySelector('[data-testid=settings-form]')!;
    expect((labelled(form, t('popup_retentionDays')) as HTMLInputElement).value).toBe('90');
    await type(labelled(form, t('popup_retentionDays')), '0');
    await click(button(form, t('popup_save')));
    expect(text(form.querySelector('[data-state=error]'))).toBe(t('popup_retentionRange'));
    await type(labelled(form, t('popup_retentionDays')), '30');
    await type(labelled(form, t('popup_input_minimumWage')), '1.300,50');
    await click(button(form, t('popup_save')));
    expect(sent('ui:saveSettings')).toEqual([{ retentionDays: 30, parameterOverrides: { minimumWage: 1300.5, averageWage: null } }]);
  });

  it('deletes all data only after the confirmation; Escape or Cancel keeps everything', async () => {
    answer({ 'ui:deleteAllData': () => context({ employers: [], current: null }) });
    const root = await mount(<SettingsView {...viewProps()} />);
    await click(button(root, t('popup_deleteAll')));
    let dialog = root.querySelector('[role=dialog]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(text(document.getElementById(dialog.getAttribute('aria-labelledby')!))).toBe(t('popup_deleteAllConfirmTitle'));
    // The safe choice has the focus.
    expect(document.activeElement?.textContent).toBe(t('popup_cancel'));
    await key(dialog, 'Escape');
    expect(root.querySelector('[role=dialog]')).toBeNull();
    expect(sent('ui:deleteAllData')).toEqual([]);

    await click(button(root, t('popup_deleteAll')));
    dialog = root.querySelector('[role=dialog]')!;
    await click(button(dialog, t('popup_deleteAllYes')));
    expect(sent('ui:deleteAllData')).toEqual([{ confirm: true }]);
    expect(text(root.querySelector('.danger'))).toContain(t('popup_deleteAllDone'));
  });
});

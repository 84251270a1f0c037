// @dom-environment: happy-dom, modules transformed for Node (vitest.config.ts)
/**
 * Nastavitve → Varnostna kopija (issue 9): the passphrase twice with a strength hint, the
 * download; a restore that shows what the file holds before it replaces anything, plain words
 * for a wrong passphrase, a foreign file or a full disk; files over 20 MB refused before they
 * are read (backup restore and the import panel).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadText, openAppTab } from '../../src/popup/api.ts';
import { ImportPanel } from '../../src/popup/components/ImportPanel.tsx';
import { BackupSection } from '../../src/popup/views/settings/BackupAndRetention.tsx';
import { SettingsView } from '../../src/popup/views/SettingsView.tsx';
import type { BackupSummary } from '../../src/shared/protocol/backup.ts';
import { t } from '../../src/shared/i18n.ts';
import { MessageError } from '../../src/shared/messages.ts';
import { answer, button, click, labelled, mount, sent, settle, text, type, unmount, until, viewProps } from './helpers.tsx';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../background/fakeBrowser.ts')).fakeBrowser }));
vi.mock('../../src/popup/api.ts', () => ({ call: vi.fn(), openAppTab: vi.fn(), downloadText: vi.fn() }));

const SUMMARY: BackupSummary = {
  createdAt: '2025-06-02T08:00:00.000Z', schemaVersion: 3,
  counts: { employers: 2, workers: 14, certificates: 120, disclosures: 30, computations: 5, claims: 10, postings: 1, settings: 6, history: 200 },
};
const GOOD = 'Tri zelene žabe skačejo 2025!';

beforeEach(() => {
  vi.mocked(downloadText).mockReset();
  vi.mocked(openAppTab).mockReset();
  document.documentElement.dataset.mode = 'tab';
});
afterEach(() => {
  unmount();
  delete document.documentElement.dataset.mode;
});

const createForm = (root: HTMLElement) => root.querySelector('[data-testid=backup-create-form]')!;
const restoreForm = (root: HTMLElement) => root.querySelector('[data-testid=backup-restore-form]')!;

async function chooseFile(root: HTMLElement, file: { name: string; size: number; text: () => Promise<string> }) {
  const input = root.querySelector<HTMLInputElement>('[data-testid=backup-file]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
}

describe('making a backup', () => {
  it('needs the passphrase twice, shows its strength, and downloads the encrypted file', async () => {
    answer({ 'ui:createBackup': () => ({ ok: true, fileName: 'spot-pomocnik-2025-06-02.spotbackup', text: '{"format":"spot-pomocnik-backup"}', summary: SUMMARY }) });
    const root = await mount(<BackupSection onRestored={async () => {}} />);
    const form = createForm(root);
    const [first, second] = [labelled(form, t('backup_passphrase')) as HTMLInputElement, labelled(form, t('backup_passphraseAgain')) as HTMLInputElement];
    expect(first.type).toBe('password');
    expect(first.getAttribute('autocomplete')).toBe('new-password');
    const hint = form.querySelector('#backup-strength')!;
    expect(first.getAttribute('aria-describedby')).toBe('backup-strength');
    expect(text(hint)).toBe(t('backup_passphraseHint', '10'));

    await type(first, 'kratko');
    expect(text(hint)).toBe(t('backup_strength', t('backup_strength_0')));
    await click(button(form, t('backup_download')));
    expect(text(form.querySelector('[data-state=error]'))).toBe(t('backup_passphraseShort', '10'));

    await type(first, GOOD);
    expect(hint.getAttribute('data-strength')).toBe('4');
    await type(second, `${GOOD}x`);
    await click(button(form, t('backup_download')));
    expect(text(form.querySelector('[data-state=error]'))).toBe(t('backup_passphraseMismatch'));
    expect(sent('ui:createBackup')).toEqual([]);

    await type(second, GOOD);
    await click(button(form, t('backup_download')));
    expect(sent('ui:createBackup')).toEqual([{ passphrase: GOOD }]);
    expect(downloadText).toHaveBeenCalledWith('spot-pomocnik-2025-06-02.spotbackup', '{"format":"spot-pomocnik-backup"}', 'application/octet-stream');
    expect(text(form.querySelector('[data-state=done]'))).toBe(t('backup_created', 'spot-pomocnik-2025-06-02.spotbackup', '120', '30'));
    expect(first.value).toBe(''); // the passphrase does not stay on screen
    expect(second.value).toBe('');
  });

  it('says plainly when the disk is full', async () => {
    answer({ 'ui:createBackup': () => { throw new MessageError('STORAGE_FULL', 'x'); } });
    const root = await mount(<BackupSection onRestored={async () => {}} />);
    const form = createForm(root);
    await type(labelled(form, t('backup_passphrase')), GOOD);
    await type(labelled(form, t('backup_passphraseAgain')), GOOD);
    await click(button(form, t('backup_download')));
    expect(text(form.querySelector('[data-state=error]'))).toBe(t('error_STORAGE_FULL'));
    expect(downloadText).not.toHaveBeenCalled();
  });
});

describe('restoring a backup', () => {
  it('shows what the file holds, restores only after the confirmation, and says a wrong passphrase plainly', async () => {
    answer({
      'ui:inspectBackup': ({ passphrase }) => (passphrase === GOOD ? { ok: true, summary: SUMMARY } : { ok: false, problem: 'WRONG_PASSPHRASE_OR_DAMAGED' }),
      'ui:restoreBackup': () => ({ ok: true, summary: SUMMARY }),
    });
    const onRestored = vi.fn(async () => {});
    const root = await mount(<BackupSection onRestored={onRestored} />);
    const form = restoreForm(root);
    await click(button(form, t('backup_inspect')));
    expect(text(form.querySelector('[data-state=error]'))).toBe(t('backup_noFile'));

    const read = vi.fn(async () => '{"format":"spot-pomocnik-backup"}');
    await chooseFile(root, { name: 'spot-pomocnik-2025-06-02.spotbackup', size: 2048, text: read });
    expect(text(form.querySelector('[data-testid=backup-file-name]'))).toBe(t('backup_chosen', 'spot-pomocnik-2025-06-02.spotbackup'));

    await type(labelled(form, t('backup_passphrase')), 'napačno geslo');
    await click(button(form, t('backup_inspect')));
    expect(text(form.querySelector('[data-state=error]'))).toBe(t('backup_error_WRONG_PASSPHRASE_OR_DAMAGED'));
    expect(root.querySelector('[role=dialog]')).toBeNull();

    await type(labelled(form, t('backup_passphrase')), GOOD);
    await click(button(form, t('backup_inspect')));
    let dialog = root.querySelector('[role=dialog]')!;
    expect(text(document.getElementById(dialog.getAttribute('aria-labelledby')!))).toBe(t('backup_confirmTitle'));
    const counts = Object.fromEntries([...dialog.querySelectorAll('[data-table]')].map((e) => [e.getAttribute('data-table'), Number(e.getAttribute('data-count'))]));
    expect(counts).toEqual(SUMMARY.counts);
    expect(text(dialog)).toContain(t('backup_count_certificates'));
    expect(text(dialog)).toContain(t('backup_confirmWarning'));
    expect(document.activeElement?.textContent).toBe(t('popup_cancel')); // the safe choice has the focus
    await click(button(dialog, t('popup_cancel')));
    expect(sent('ui:restoreBackup')).toEqual([]);

    await click(button(form, t('backup_inspect')));
    dialog = root.querySelector('[role=dialog]')!;
    await click(button(dialog, t('backup_confirmYes')));
    expect(sent('ui:restoreBackup')).toEqual([{ text: '{"format":"spot-pomocnik-backup"}', passphrase: GOOD, confirm: true }]);
    expect(onRestored).toHaveBeenCalled();
    expect(text(form.querySelector('[data-state=done]'))).toMatch(/2025/);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('names the problem when a restore is refused, and a full disk, changing nothing', async () => {
    let restore: () => unknown = () => ({ ok: false, problem: 'NEWER_SCHEMA' });
    answer({ 'ui:inspectBackup': () => ({ ok: true, summary: SUMMARY }), 'ui:restoreBackup': () => restore() as never });
    const onRestored = vi.fn(async () => {});
    const root = await mount(<BackupSection onRestored={onRestored} />);
    const form = restoreForm(root);
    await chooseFile(root, { name: 'b.spotbackup', size: 10, text: async () => '{}' });
    await type(labelled(form, t('backup_passphrase')), GOOD);
    for (const [next, message] of [[() => ({ ok: false, problem: 'NEWER_SCHEMA' }), t('backup_error_NEWER_SCHEMA')], [() => { throw new MessageError('STORAGE_FULL', 'x'); }, t('error_STORAGE_FULL')]] as const) {
      restore = next;
      await click(button(form, t('backup_inspect')));
      await click(button(root.querySelector('[role=dialog]')!, t('backup_confirmYes')));
      expect(text(form.querySelector('[data-state=error]'))).toBe(message);
    }
    expect(onRestored).not.toHaveBeenCalled();
  });

  it('refuses a file over 20 MB before reading it', async () => {
    answer({});
    const root = await mount(<BackupSection onRestored={async () => {}} />);
    const read = vi.fn(async () => '');
    await chooseFile(root, { name: 'velika.spotbackup', size: 20 * 1024 * 1024 + 1, text: read });
    expect(text(restoreForm(root).querySelector('[data-state=error]'))).toBe(t('backup_error_TOO_LARGE'));
    expect(read).not.toHaveBeenCalled();
  });

  it('in the toolbar popup, choosing a file opens the settings in a tab (a file chooser would close the popup)', async () => {
    document.documentElement.dataset.mode = 'popup';
    answer({});
    const root = await mount(<BackupSection onRestored={async () => {}} />);
    await click(button(restoreForm(root), t('backup_chooseInTab')));
    expect(openAppTab).toHaveBeenCalledWith('settings');
  });

  it('is part of Nastavitve, next to the retention period and what it last deleted', async () => {
    answer({ 'ui:retentionInfo': () => ({ retentionDays: 90, lastRun: { at: '2025-06-02T08:00:00.000Z', storedBefore: '2025-03-04T08:00:00.000Z', deleted: 3, retentionDays: 90 } }) });
    const root = await mount(<SettingsView {...viewProps()} />);
    await until(() => text(root.querySelector('[data-testid=retention-note]')).includes(t('retention_hint')) && text(root.querySelector('[data-testid=retention-note]')).endsWith('3.'));
    expect(labelled(root, t('popup_retentionDays'))!.getAttribute('aria-describedby')).toBe('settings-retention-hint');
    expect(root.querySelector('#settings-retention-hint')?.getAttribute('data-testid')).toBe('retention-note');
    expect(root.querySelector('[data-testid=backup-create-form]')).not.toBeNull();
    expect(root.querySelector('[data-testid=backup-restore-form]')).not.toBeNull();
  });
});

describe('the import panel', () => {
  it('refuses a file over 20 MB before reading it, with the limit in the message', async () => {
    answer({});
    const root = await mount(<ImportPanel employerTax="12345679" onImported={() => {}} />);
    const arrayBuffer = vi.fn(async () => new ArrayBuffer(0));
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { types: ['Files'], files: [{ name: 'velika.csv', size: 25 * 1024 * 1024, arrayBuffer }] } });
    document.dispatchEvent(drop);
    await until(() => root.querySelector('[data-status=error]') !== null);
    expect(text(root.querySelector('[data-status=error] .import__message'))).toBe('— Datoteka je prevelika: 25,0 MB, največ je dovoljeno 20,0 MB.');
    expect(arrayBuffer).not.toHaveBeenCalled();
    expect(sent('ui:importCertificates')).toEqual([]);
  });
});

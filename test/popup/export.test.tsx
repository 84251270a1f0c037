// @dom-environment: happy-dom, modules transformed for Node (vitest.config.ts)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadText } from '../../src/popup/api.ts';
import { t } from '../../src/shared/i18n.ts';
import { MessageError } from '../../src/shared/messages.ts';
import type { CertificateRow } from '../../src/shared/rows.ts';
import { ExportView } from '../../src/popup/views/ExportView.tsx';
import { answer, button, click, mount, pending, sent, text, unmount, until, viewProps } from './helpers.tsx';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../background/fakeBrowser.ts')).fakeBrowser }));
vi.mock('../../src/popup/api.ts', () => ({ call: vi.fn(), openAppTab: vi.fn(), downloadText: vi.fn() }));

afterEach(() => { unmount(); vi.mocked(downloadText).mockReset(); });

const cert = (number: string, workerName: string): CertificateRow => ({
  number, kind: 'eBOL', employerTax: '12345679', workerId: `w${number}`, reason: '01', from: '2025-03-03', to: '2025-03-14',
  hoursPerDay: null, status: 'issued', issuedOn: '2025-03-03', workerName,
});

describe('Izvoz (export view)', () => {
  it('writes the certificates through toCsv: Excel (SI), formulas neutralised, file named by employer and date', async () => {
    answer({
      'ui:listCertificates': () => ({ total: null, offset: 0, rows: [cert('1000017', '=HYPERLINK("x")'), cert('1000002', 'Novak Ana')], hasMore: false }),
      'ui:listWorkers': () => ({ total: 1, offset: 0, rows: [{ id: 'w1000002', employerTax: '12345679', name: 'Novak Ana', emso: '1503985500016', zzzsNumber: null, taxNumber: null }], hasMore: false }),
    });
    const root = await mount(<ExportView {...viewProps()} />);
    await click(root.querySelector('[data-export=certificates]'));
    await until(() => vi.mocked(downloadText).mock.calls.length > 0);
    const [name, csv] = vi.mocked(downloadText).mock.calls[0]!;
    expect(name).toMatch(/^spot-pomocnik_potrdila_PRIMER-d-o-o_\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv).toContain(';"\'=HYPERLINK(""x"")";');
    expect(csv).toContain('12345679;Novak Ana;1503985500016;;;1000002;eBOL;01 – bolezen;03.03.2025;14.03.2025;');
    expect(text(root.querySelector('[data-testid=export-status]'))).toBe(t('popup_exportDone', name, '2'));
  });

  it('remembers the standard CSV choice and uses it', async () => {
    answer({
      'ui:saveSettings': (patch) => ({ employers: [], current: null, settings: { retentionDays: 90, parameterOverrides: {}, exportDialect: patch.exportDialect! } }),
      'ui:listSegments': () => [],
    });
    const refresh = vi.fn(async () => {});
    const root = await mount(<ExportView {...viewProps({ refresh })} />);
    await click(root.querySelector('input[value=csv]'));
    expect(sent('ui:saveSettings')).toEqual([{ exportDialect: 'csv' }]);
    expect(refresh).toHaveBeenCalled();
    await click(root.querySelector('[data-export=segments]'));
    await until(() => vi.mocked(downloadText).mock.calls.length > 0);
    const [, csv] = vi.mocked(downloadText).mock.calls[0]!;
    // Nothing computed yet: a file with the header row only, comma-separated, no BOM.
    expect(csv.startsWith('Davčna številka delodajalca,Delavec,')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(1);
  });

  it('says it is working, and says why an export failed', async () => {
    answer({ 'ui:listClaims': () => pending() });
    let root = await mount(<ExportView {...viewProps()} />);
    await click(root.querySelector('[data-export=claims]'));
    expect(root.querySelector('[data-testid=export-status]')?.getAttribute('data-state')).toBe('working');
    expect((button(root, t('popup_export_a1')) as HTMLButtonElement).disabled).toBe(true);

    answer({ 'ui:listPostings': () => { throw new MessageError('UNREACHABLE'); } });
    root = await mount(<ExportView {...viewProps()} />);
    await click(root.querySelector('[data-export=a1]'));
    await until(() => root.querySelector('[data-testid=export-status]')?.getAttribute('data-state') === 'error');
    expect(text(root.querySelector('[data-testid=export-status]'))).toBe(t('popup_exportFailed', t('error_UNREACHABLE')));
    expect(downloadText).not.toHaveBeenCalled();
  });
});

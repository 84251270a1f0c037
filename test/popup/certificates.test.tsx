// @dom-environment: happy-dom, modules transformed for Node (vitest.config.ts)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatNumber } from '../../src/lib/format.ts';
import { t, userLanguage } from '../../src/shared/i18n.ts';
import { MessageError } from '../../src/shared/messages.ts';
import type { CertificateRow } from '../../src/shared/rows.ts';
import { CertificatesView } from '../../src/popup/views/CertificatesView.tsx';
import { answer, button, choose, click, labelled, mount, pending, sent, text, type, unmount, viewProps, wait } from './helpers.tsx';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../background/fakeBrowser.ts')).fakeBrowser }));
vi.mock('../../src/popup/api.ts', () => ({ call: vi.fn(), openAppTab: vi.fn(), downloadText: vi.fn() }));

afterEach(unmount);

const cert = (number: string, over: Partial<CertificateRow> = {}): CertificateRow => ({
  number, kind: 'eBOL', employerTax: '12345679', workerId: 'w1', reason: '01', from: '2025-03-03', to: '2025-03-14',
  hoursPerDay: null, status: 'issued', issuedOn: '2025-03-03', workerName: 'Novak Ana', ...over,
});

describe('Potrdila (certificates view)', () => {
  it('is loading, then shows the error the background gave', async () => {
    answer({ 'ui:listCertificates': () => pending() });
    let root = await mount(<CertificatesView {...viewProps()} />);
    expect(root.querySelector('[data-state=loading]')).not.toBeNull();

    answer({ 'ui:listCertificates': () => { throw new MessageError('INVALID_PAYLOAD', 'Sporočilo ima neveljavne podatke: limit'); } });
    root = await mount(<CertificatesView {...viewProps()} />);
    expect(text(root.querySelector('[role=alert]'))).toContain('Sporočilo ima neveljavne podatke: limit');
  });

  it('tells "nothing stored" from "nothing matches the filter"', async () => {
    answer({ 'ui:listCertificates': () => ({ total: 0, offset: 0, rows: [], hasMore: false }), 'ui:countCertificates': () => 0 });
    const root = await mount(<CertificatesView {...viewProps()} />);
    expect(text(root.querySelector('[data-state=empty]'))).toBe(t('popup_certificatesEmpty'));
    await choose(labelled(root, t('popup_filterStatus')), 'cancelled');
    expect(text(root.querySelector('[data-state=empty]'))).toBe(t('popup_certificatesNoMatch'));
  });

  it('asks the background for one page with the filters, and pages on', async () => {
    answer({
      // Unfiltered pages come without a total; the count is asked for apart.
      'ui:listCertificates': ({ offset, filter }) => ({
        total: filter ? 75 : null, offset, hasMore: offset === 0,
        rows: offset === 0 ? Array.from({ length: 50 }, (_, i) => cert(String(1000100 + i))) : [cert('1000999', { status: 'cancelled', reason: '02' })],
      }),
      'ui:countCertificates': () => 10_000,
    });
    const navigate = vi.fn();
    const root = await mount(<CertificatesView {...viewProps({ navigate })} />);
    expect(sent('ui:listCertificates')).toEqual([{ employerTax: '12345679', offset: 0, limit: 50 }]);
    expect(root.querySelectorAll('[data-testid=certificates-table] tbody tr')).toHaveLength(50);
    expect(sent('ui:countCertificates')).toEqual([{ employerTax: '12345679' }]);
    expect(text(root.querySelector('[data-testid=certificates-count]'))).toBe(t('popup_certificatesCount', formatNumber(10_000, null, userLanguage())));
    expect(text(root.querySelector('.pager__range'))).toBe(t('popup_pageRange', '1', '50', formatNumber(10_000, null, userLanguage())));

    await choose(labelled(root, t('popup_filterReason')), '02');
    await choose(labelled(root, t('popup_filterKind')), 'eBOL');
    const month = labelled(root, t('popup_filterMonth')) as HTMLInputElement;
    month.value = '2025-03';
    month.dispatchEvent(new Event('change', { bubbles: true }));
    await type(labelled(root, t('popup_filterSearch')), 'novak');
    await wait(300);
    expect(sent('ui:listCertificates').at(-1)).toEqual({
      employerTax: '12345679', offset: 0, limit: 50, filter: { reason: '02', kind: 'eBOL', month: '2025-03', search: 'novak' },
    });

    expect(text(root.querySelector('[data-testid=certificates-count]'))).toBe(t('popup_certificatesCount', '75'));
    await click(button(root, t('popup_pageNext')));
    expect(sent('ui:listCertificates').at(-1)).toMatchObject({ offset: 50 });
    expect((button(root, t('popup_pageNext')) as HTMLButtonElement).disabled).toBe(true);
    const row = root.querySelector('[data-number="1000999"]')!;
    expect(row.className).toContain('cancelled');
    expect(text(row)).toContain(t('popup_status_cancelled'));
    await click(button(row, t('popup_compute')));
    expect(navigate).toHaveBeenCalledWith('compute', { certificateNumber: '1000999' });
  });
});

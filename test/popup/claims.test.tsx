// @dom-environment: happy-dom, modules transformed for Node (vitest.config.ts)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays, todayInLjubljana } from '../../src/lib/dates.ts';
import { t } from '../../src/shared/i18n.ts';
import { MessageError } from '../../src/shared/messages.ts';
import type { ClaimLineView } from '../../src/shared/protocol/ui.ts';
import { ClaimsView } from '../../src/popup/views/ClaimsView.tsx';
import { answer, button, click, mount, pending, text, unmount, viewProps } from './helpers.tsx';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../background/fakeBrowser.ts')).fakeBrowser }));
vi.mock('../../src/popup/api.ts', () => ({ call: vi.fn(), openAppTab: vi.fn(), downloadText: vi.fn() }));

afterEach(unmount);

const today = todayInLjubljana();
function claim(id: number, certificate: string, expiresOn: string, complete = true): ClaimLineView {
  return {
    id, employerTax: '12345679', worker: { name: 'Novak Ana', zzzsNumber: '012345678', emso: null }, paymentDate: null, monthlyObligation: 173.33,
    line: {
      certificate, reason: '01', from: '2025-05-13', to: '2025-05-23', hours: 72, baseYear: 2024, baseMonths: 12, baseAmount: 29130.18, baseHours: 2096,
      valorisation: 1, hourlyBase: complete ? 13.9 : null, percentage: 80, amount: complete ? 800.64 : null,
      expiresOn, warnFrom: addDays(expiresOn, -60), complete,
    },
  };
}

describe('Zahtevki (claims view)', () => {
  it('is loading, fails with a message, or says there are no claim lines', async () => {
    answer({ 'ui:listClaims': () => pending() });
    let root = await mount(<ClaimsView {...viewProps()} />);
    expect(root.querySelector('[data-state=loading]')).not.toBeNull();
    answer({ 'ui:listClaims': () => { throw new MessageError('NO_RESPONSE'); } });
    root = await mount(<ClaimsView {...viewProps()} />);
    expect(text(root.querySelector('[role=alert]'))).toContain(t('error_NO_RESPONSE'));
    answer({ 'ui:listClaims': () => ({ total: 0, offset: 0, rows: [], hasMore: false }) });
    root = await mount(<ClaimsView {...viewProps()} />);
    expect(text(root.querySelector('[data-state=empty]'))).toBe(t('popup_claimsEmpty'));
  });

  it('marks lines that lapse soon or have lapsed, and incomplete ones', async () => {
    answer({
      'ui:listClaims': () => ({
        total: 3, offset: 0, hasMore: false,
        rows: [claim(1, '1000001', addDays(today, -1)), claim(2, '1000002', addDays(today, 30), false), claim(3, '1000003', addDays(today, 400))],
      }),
    });
    const navigate = vi.fn();
    const root = await mount(<ClaimsView {...viewProps({ navigate })} />);
    const rows = [...root.querySelectorAll('[data-testid=claims-table] tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-state'))).toEqual(['expired', 'expiring', 'open']);
    expect(text(rows[0])).toContain(t('popup_expiry_expired'));
    expect(text(rows[1])).toContain(t('popup_expiry_expiring'));
    expect(text(rows[1])).toContain(t('popup_claimIncomplete'));
    expect(text(rows[2])).not.toContain(t('popup_expiry_expiring'));
    await click(button(rows[2]!, t('popup_openComputation')));
    expect(navigate).toHaveBeenCalledWith('compute', { certificateNumber: '1000003' });
  });
});

// @dom-environment: happy-dom, modules transformed for Node (vitest.config.ts)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeCase } from '../../src/lib/compensation/index.ts';
import { formatNumber } from '../../src/lib/format.ts';
import { buildClaim } from '../../src/lib/refund.ts';
import { t, userLanguage } from '../../src/shared/i18n.ts';
import { MessageError } from '../../src/shared/messages.ts';
import type { ComputationView } from '../../src/shared/protocol/ui.ts';
import { ComputeView } from '../../src/popup/views/ComputeView.tsx';
import { parseCalendar } from '../../src/popup/components/ComputationInputs.tsx';
import { CASES_DIR } from '../shared-cases.ts';
import { answer, button, click, labelled, mount, pending, sent, text, type, unmount, viewProps } from './helpers.tsx';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../background/fakeBrowser.ts')).fakeBrowser }));
vi.mock('../../src/popup/api.ts', () => ({ call: vi.fn(), openAppTab: vi.fn(), downloadText: vi.fn() }));

afterEach(unmount);

const WORKER = { id: 'w1', employerTax: '12345679', name: 'Zupančič Maja', emso: '1503985500016', zzzsNumber: '034567891', taxNumber: '87654326' };

/** A view as the background builds it, from the engine's result on a golden case. */
function viewOf(caseName: string, over: Partial<ComputationView> = {}): ComputationView {
  const input = JSON.parse(readFileSync(join(CASES_DIR, `${caseName}.case.json`), 'utf8')) as { certificates: { number: string; reason: string; from: string; to: string }[] };
  const result = computeCase(input);
  const claim = buildClaim(result, { worker: { name: WORKER.name, zzzsNumber: WORKER.zzzsNumber, emso: WORKER.emso }, employerTaxNumber: '12345679' });
  const certs = input.certificates;
  return {
    id: 1, computedAt: '2025-06-02T08:00:00.000Z', employerTax: '12345679', worker: WORKER,
    absence: {
      key: certs[0]!.number, from: certs[0]!.from, to: certs.at(-1)!.to,
      certificates: certs.map((c) => ({ ...c, kind: 'eBOL' as const, employerTax: '12345679', workerId: 'w1', hoursPerDay: null, status: 'issued' as const, issuedOn: null })),
    },
    options: {}, inputs: { employerDaysUsedThisYear: 0, previousEmployerDays: null, minimumWage: null, averageWage: null },
    previous: null, possibleRecurrence: false, disclosures: [], result, claim, ...over,
  };
}

describe('Izračun (computation view)', () => {
  it('is loading, then shows why it cannot compute', async () => {
    answer({ 'ui:compute': () => pending() });
    let root = await mount(<ComputeView {...viewProps({ params: { certificateNumber: '1000003' } })} />);
    expect(root.querySelector('[data-state=loading]')).not.toBeNull();
    answer({ 'ui:compute': () => { throw new MessageError('INVALID_PAYLOAD', 'Izračun ni mogoč: worker.calendar.2025-02-30: ni veljaven datum'); } });
    root = await mount(<ComputeView {...viewProps({ params: { certificateNumber: '1000003' } })} />);
    expect(text(root.querySelector('[role=alert]'))).toContain('Izračun ni mogoč: worker.calendar.2025-02-30');
  });

  it('without a certificate, asks for a worker (and says when there is none)', async () => {
    answer({ 'ui:listWorkers': () => ({ total: 0, offset: 0, rows: [], hasMore: false }) });
    const root = await mount(<ComputeView {...viewProps()} />);
    expect(text(root.querySelector('[data-state=empty]'))).toBe(t('popup_workersEmpty'));
  });

  it('goes worker → absence → computation', async () => {
    answer({
      'ui:listWorkers': () => ({ total: 1, offset: 0, rows: [WORKER], hasMore: false }),
      'ui:listAbsences': () => [{ key: '1000002', workerId: 'w1', reason: '01', from: '2025-04-01', to: '2025-05-23', certificates: ['1000002', '1000003'], computedAt: null }],
      'ui:compute': () => viewOf('02-illness-crosses-to-zzzs'),
    });
    const root = await mount(<ComputeView {...viewProps()} />);
    await click(root.querySelector('[data-testid=worker-choices] button'));
    expect(sent('ui:listAbsences')).toEqual([{ workerId: 'w1' }]);
    await click(root.querySelector('[data-testid=absence-choices] button'));
    expect(sent('ui:compute')).toEqual([{ certificateNumber: '1000002' }]);
    expect(root.querySelector('[data-testid=segments-table]')).not.toBeNull();
  });

  it('shows the engine\'s numbers, totals, claim lines and the explanation with references and marks', async () => {
    const view = viewOf('02-illness-crosses-to-zzzs');
    answer({ 'ui:compute': () => view, 'ui:listDisclosures': () => [] });
    const root = await mount(<ComputeView {...viewProps({ params: { certificateNumber: '1000003' } })} />);
    const lang = userLanguage();
    const cells = [...root.querySelectorAll('[data-testid=segments-table] tbody tr')].map((r) =>
      Object.fromEntries([...r.querySelectorAll('td')].map((td) => [td.dataset.field, text(td)])));
    expect(cells.map((c) => [c.certificate, c.workingDays, c.hours, c.hourlyBase, c.percentage, c.amount])).toEqual(
      view.result.segments.map((s) => [s.certificate, String(s.workingDays), formatNumber(s.hours, null, lang), formatNumber(s.hourlyBase!, 2, lang), String(s.percentage), formatNumber(s.amount!, 2, lang)]),
    );
    expect(text(root.querySelector('[data-field=totalZzzs]'))).toBe(formatNumber(view.result.totals.zzzs, 2, lang));
    expect(root.querySelector('[data-testid=warnings]')).toBeNull();
    expect(text(root.querySelector('[data-testid=claim-lines]'))).toContain(t('popup_expiresOn', lang === 'en' ? '2028-06-19' : '19. 6. 2028'));

    const steps = root.querySelectorAll('[data-testid=trace] .trace__step');
    expect(steps).toHaveLength(view.result.trace.length);
    expect(text(steps[0]!.querySelector('.trace__ref'))).toBe(t('popup_legalRef', view.result.trace[0]!.ref));
    const marked = view.result.trace.filter((s) => s.status === 'CONVENTION').length;
    expect(root.querySelectorAll('[data-testid=trace] .mark--convention')).toHaveLength(marked);
    expect(marked).toBeGreaterThan(0);
  });

  it('offers each warning\'s action: confirm a recurrence (derived days), go to the inputs', async () => {
    const view = viewOf('11-recurrence-same-illness', {
      previous: { from: '2025-09-01', to: '2025-10-08', certificates: ['1000012'], employerDays: 28, breakWorkingDays: 2 },
      possibleRecurrence: true,
    });
    view.result = { ...view.result, warningDetails: [...view.result.warningDetails, { code: 'PARAMETER_MISSING', sl: 'Manjka parameter', en: 'A parameter is missing' }] };
    answer({ 'ui:compute': ({ options }) => (options?.recurrence ? { ...view, options, possibleRecurrence: true, inputs: { ...view.inputs, previousEmployerDays: 28 } } : view), 'ui:listDisclosures': () => [] });
    const root = await mount(<ComputeView {...viewProps({ params: { certificateNumber: '1000013' } })} />);
    const recurrence = root.querySelector('[data-code=POSSIBLE_RECURRENCE]')!;
    expect(text(recurrence)).toContain(t('popup_previousAbsence', lang(['1. 9. 2025 – 8. 10. 2025', '2025-09-01 – 2025-10-08']), '28', '2'));

    const parameter = root.querySelector('[data-code=PARAMETER_MISSING]')!;
    await click(button(parameter, t('popup_action_parameters')));
    expect(document.activeElement?.id).toBe('input-minimum-wage');

    await click(button(recurrence, t('popup_action_recurrence')));
    expect(sent('ui:compute').at(-1)).toEqual({ certificateNumber: '1000013', options: { recurrence: true } });
    expect(text(root.querySelector('[data-testid=recurrence-confirmed]'))).toContain(t('popup_recurrenceConfirmed', '28'));
    expect(root.querySelector('[data-code=POSSIBLE_RECURRENCE]')).toBeNull();
  });

  it('sends what the user entered (excluded allowances, pay, calendar) and refuses what is not a number', async () => {
    const view = viewOf('02-illness-crosses-to-zzzs');
    answer({ 'ui:compute': () => view, 'ui:listDisclosures': () => [] });
    const root = await mount(<ComputeView {...viewProps({ params: { certificateNumber: '1000003' } })} />);
    const form = root.querySelector('[data-testid=computation-inputs]')!;
    await type(labelled(form, t('popup_input_excludedAllowances')), 'dvesto');
    await click(button(form, t('popup_recompute')));
    expect(text(form.querySelector('[role=alert]'))).toBe(t('popup_inputNotNumber', t('popup_input_excludedAllowances')));
    expect(sent('ui:compute')).toHaveLength(1);

    await type(labelled(form, t('popup_input_excludedAllowances')), '1.250,50');
    await type(labelled(form, t('popup_input_currentHourlyPay')), '15,2');
    await type(labelled(form, t('popup_input_calendar')), '13. 5. 2025 4\n2025-05-14;6,5');
    await click(button(form, t('popup_recompute')));
    expect(sent('ui:compute').at(-1)).toEqual({
      certificateNumber: '1000003',
      options: { excludedAllowances: 1250.5, currentHourlyPay: 15.2, calendar: { '2025-05-13': 4, '2025-05-14': 6.5 } },
    });
  });

  it('reads a special work calendar line by line', () => {
    expect(parseCalendar('')).toBeNull();
    expect(parseCalendar('2025-05-13 4 h\n 14.5.2025 = 0 ')).toEqual({ '2025-05-13': 4, '2025-05-14': 0 });
    expect(() => parseCalendar('2025-05-13\n')).toThrow(/1/);
    expect(() => parseCalendar('2025-02-30 4')).toThrow();
    expect(() => parseCalendar('2025-05-13 25')).toThrow();
  });
});

function lang([sl, en]: [string, string]): string {
  return userLanguage() === 'en' ? en : sl;
}

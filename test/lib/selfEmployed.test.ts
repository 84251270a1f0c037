import { describe, expect, it } from 'vitest';
import { opsvzFields } from '../../src/lib/selfEmployed.ts';

describe('OPSVZ fields (RULES §10)', () => {
  it('clips absence periods to the month and splits own burden and ZZZS hours at the 31st working day', () => {
    // 30 working days from 1 April 2025 end on 12 May (Easter Monday and 1–2 May counted).
    const certs = [
      { number: '1', reason: '01', from: '2025-04-01', to: '2025-04-30' },
      { number: '2', reason: '01', from: '2025-05-01', to: '2025-05-23' },
    ];
    const april = opsvzFields({ month: '2025-04', certificates: certs });
    expect(april).toMatchObject({ field110: 176, field130: 176, field140: 0 });
    expect(april.field090).toEqual([{ certificate: '1', reason: '01', from: '2025-04-01', to: '2025-04-30' }]);
    const may = opsvzFields({ month: '2025-05', certificates: certs });
    expect(may).toMatchObject({ field110: 176, field130: 64, field140: 72 });
    expect(may.field090).toEqual([{ certificate: '2', reason: '01', from: '2025-05-01', to: '2025-05-23' }]);
    expect(may.trace.at(-1)!.sl).toContain('130 = 64 h');
  });

  it('clips a certificate spanning a month end and counts partial absences by their hours', () => {
    const certs = [{ number: '3', reason: '02', from: '2025-09-22', to: '2025-10-10', hoursPerDay: 4 }];
    const sept = opsvzFields({ month: '2025-09', certificates: certs });
    expect(sept.field090).toEqual([{ certificate: '3', reason: '02', from: '2025-09-22', to: '2025-09-30' }]);
    expect(sept.field130).toBe(7 * 4);
    const oct = opsvzFields({ month: '2025-10', certificates: certs });
    expect(oct.field090[0]).toMatchObject({ from: '2025-10-01', to: '2025-10-10' });
    expect(oct.field130).toBe(8 * 4);
  });

  it('puts care of a family member wholly on ZZZS and ignores cancelled certificates', () => {
    const r = opsvzFields({
      month: '2025-10',
      certificates: [
        { number: '4', reason: '06', from: '2025-10-06', to: '2025-10-10' },
        { number: '5', reason: '01', from: '2025-10-13', to: '2025-10-17', status: 'cancelled' },
      ],
    });
    expect(r).toMatchObject({ field110: 184, field130: 0, field140: 40 });
    expect(r.field090.map((p) => p.certificate)).toEqual(['4']);
  });
});

import { describe, expect, it } from 'vitest';
import { computeCase, CaseInputError } from '../../../src/lib/compensation/index.ts';
import { addMonths } from '../../../src/lib/dates.ts';

type Cert = { number?: string; reason: string; from: string; to: string; status?: string; hoursPerDay?: number };

/** Twelve equal months of a year, as a FURS disclosure would list them. */
function year(y: number, amount: number, hours = 168, incomeType = '1001') {
  return Array.from({ length: 12 }, (_, i) => ({ month: addMonths(`${y}-01`, i), source: 'REK', incomeType, amount, hours }));
}

function run(certs: Cert[], extra: Record<string, unknown> = {}) {
  return computeCase({
    worker: { weeklyHours: 40 },
    certificates: certs.map((c, i) => ({ number: c.number ?? String(3_000_000 + i), kind: 'eBOL', status: 'issued', ...c })),
    ...extra,
  });
}

describe('employer period', () => {
  it('counts 20 working days from March 2022 to the end of 2023 (ZDR-1C)', () => {
    const r = run([{ reason: '01', from: '2023-12-01', to: '2023-12-31' }], {
      employerBase: { rows: [{ month: '2023-11', source: 'REK', incomeType: '1001', amount: 1600, hours: 160 }] },
      zzzsBase: { rows: year(2022, 1500) },
    });
    const zzzs = r.segments.find((s) => s.payer === 'zzzs')!;
    expect(zzzs.from).toBe('2023-12-29'); // day 21
    expect(r.segments.filter((s) => s.payer === 'employer').reduce((n, s) => n + s.workingDays, 0)).toBe(20);
  });

  it('an absence from December 2023 still employer-paid on 1 January 2024 continues to 30 days (ZIUZDS)', () => {
    const r = run([
      { reason: '01', from: '2023-12-20', to: '2023-12-31' },
      { reason: '01', from: '2024-01-01', to: '2024-02-09' },
    ], {
      employerBase: { rows: [{ month: '2023-11', source: 'REK', incomeType: '1001', amount: 1600, hours: 160 }] },
      zzzsBase: { rows: year(2022, 1500) },
    });
    expect(r.segments.find((s) => s.payer === 'zzzs')!.from).toBe('2024-01-31');
  });

  it('applies the annual limit of 80 days in 2023 and resets it in a new year', () => {
    const base = { employerBase: { rows: [{ month: '2023-04', source: 'REK', incomeType: '1001', amount: 1600, hours: 160 }] }, zzzsBase: { rows: year(2022, 1500) } };
    const r = run([{ reason: '01', from: '2023-05-08', to: '2023-05-19' }], { ...base, employerDaysUsedThisYear: 77 });
    const employer = r.segments.filter((s) => s.payer === 'employer');
    expect(employer.reduce((n, s) => n + s.workingDays, 0)).toBe(3);
    expect(r.segments.find((s) => s.payer === 'zzzs')!.from).toBe('2023-05-11');
    const later = run([{ reason: '01', from: '2024-01-08', to: '2024-01-12' }], {
      employerBase: { rows: [{ month: '2023-12', source: 'REK', incomeType: '1001', amount: 1600, hours: 160 }] },
      zzzsBase: { rows: year(2023, 1500) }, employerDaysUsedThisYear: 0,
    });
    expect(later.segments.every((s) => s.payer === 'employer')).toBe(true);
  });

  it('a confirmed recurrence that stays within the limit is a new employer-paid absence', () => {
    const r = run([{ reason: '01', from: '2025-10-13', to: '2025-10-17' }], {
      recurrence: { previousEmployerDays: 25 },
      employerBase: { rows: [{ month: '2025-09', source: 'REK', incomeType: '1001', amount: 2200, hours: 176 }] },
      zzzsBase: { rows: year(2024, 2000) },
    });
    expect(r.segments.map((s) => s.payer)).toEqual(['employer']);
  });

  it('warns of a possible recurrence when a group-A absence follows within 10 working days', () => {
    const base = { employerBase: { rows: [{ month: '2025-02', source: 'REK', incomeType: '1001', amount: 2000, hours: 160 }] }, zzzsBase: { rows: year(2024, 2000) } };
    const near = run([{ reason: '01', from: '2025-03-03', to: '2025-03-07' }, { reason: '02', from: '2025-03-17', to: '2025-03-21' }], base);
    expect(near.warnings).toContain('POSSIBLE_RECURRENCE');
    const far = run([{ reason: '01', from: '2025-03-03', to: '2025-03-07' }, { reason: '01', from: '2025-03-24', to: '2025-03-28' }], base);
    expect(far.warnings).not.toContain('POSSIBLE_RECURRENCE');
  });

  it('weekends between certificates join them; a working day between splits them', () => {
    const base = { employerBase: { rows: [{ month: '2025-02', source: 'REK', incomeType: '1001', amount: 2000, hours: 160 }] }, zzzsBase: { rows: year(2024, 2000) } };
    expect(run([{ reason: '01', from: '2025-03-03', to: '2025-03-07' }, { reason: '01', from: '2025-03-10', to: '2025-03-14' }], base).absences).toHaveLength(1);
    expect(run([{ reason: '01', from: '2025-03-03', to: '2025-03-06' }, { reason: '01', from: '2025-03-10', to: '2025-03-14' }], base).absences).toHaveLength(2);
    // different groups never chain
    expect(run([{ reason: '01', from: '2025-03-03', to: '2025-03-07' }, { reason: '04', from: '2025-03-08', to: '2025-03-14' }], base).absences).toHaveLength(2);
  });
});

describe('ZZZS days, floor and cap', () => {
  it('raises a low ZZZS amount to 60 % of the minimum wage per hour', () => {
    const r = run([{ reason: '06', from: '2025-10-06', to: '2025-10-10' }], { zzzsBase: { rows: year(2024, 504, 168) } });
    const s = r.segments[0]!;
    expect(s.hourlyBase).toBe(3);
    expect(s.rawAmount).toBe(96);
    expect(s.amount).toBe(166.66); // 0.6 × 1277.72 / 184 h × 40 h
    expect(s.limitApplied).toBe('floor');
  });

  it('has no floor before April 2022 and no cap before 2024', () => {
    const low = run([{ reason: '06', from: '2022-03-07', to: '2022-03-11' }], { zzzsBase: { rows: year(2021, 504, 168) } });
    expect(low.segments[0]!.amount).toBe(96);
    const high = run([{ reason: '06', from: '2023-03-06', to: '2023-03-10' }], { zzzsBase: { rows: year(2022, 16800, 168) } });
    expect(high.segments[0]!.amount).toBe(3200); // 100 €/h × 40 h × 80 %
    expect(high.segments[0]!.limitApplied).toBeNull();
  });

  it('caps a high ZZZS amount from 2024 with the previous year\'s average wage', () => {
    const r = run([{ reason: '06', from: '2025-03-03', to: '2025-03-07' }], { zzzsBase: { rows: year(2024, 16800, 168) } });
    // 2.5 × 2395 / 168 h × 40 h = 1425.60
    expect(r.segments[0]).toMatchObject({ rawAmount: 3200, amount: 1425.6, limitApplied: 'cap' });
    expect(r.trace.some((t) => t.step === 'SEGMENT' && t.sl.includes('zgornja meja'))).toBe(true);
  });

  it('caps employer-paid days at what the worker would have earned', () => {
    const r = run([{ reason: '04', from: '2025-03-03', to: '2025-03-07' }], {
      worker: { weeklyHours: 40, currentHourlyPay: 10 },
      employerBase: { rows: ['2024-12', '2025-01', '2025-02'].map((month) => ({ month, source: 'REK', incomeType: '1001', amount: 2400, hours: 160 })) },
    });
    expect(r.segments[0]).toMatchObject({ hourlyBase: 15, rawAmount: 600, amount: 400, limitApplied: 'currentPay' });
  });

  it('counts the 90 days from the first ZZZS day, weekends included, for a care absence starting on a Saturday', () => {
    const r = run([{ reason: '09', from: '2025-03-01', to: '2025-06-30' }], { zzzsBase: { rows: year(2024, 2000, 168) } });
    expect(r.segments[0]!.from).toBe('2025-03-01');
    const at80 = r.segments.find((s) => s.percentage === 80)!;
    expect(at80.from).toBe('2025-05-30'); // 1 March + 90 days
  });
});

describe('bases', () => {
  it('uses an earlier year with the valorisation coefficient when the last two years have no data', () => {
    const r = run([{ reason: '06', from: '2025-03-03', to: '2025-03-07' }], { zzzsBase: { rows: year(2023, 1680, 168), valorisation: 1.05 } });
    expect(r.segments[0]!.hourlyBase).toBe(10.5);
    expect(r.warnings).toContain('ZZZS_BASE_FROM_EARLIER_YEAR');
    expect(r.absences[0]!.zzzsBase).toMatchObject({ year: 2023, valorisation: 1.05 });
  });

  it('subtracts excluded allowances and leaves out income type 1090', () => {
    const rows = [...year(2024, 1680, 168), { month: '2024-06', source: 'REK', incomeType: '1090', amount: 5000, hours: 0 }];
    const r = run([{ reason: '06', from: '2025-03-03', to: '2025-03-07' }], { zzzsBase: { rows, excludedAllowances: 2016 } });
    expect(r.segments[0]!.hourlyBase).toBe(9); // (20160 − 2016) / 2016 h
  });

  it('falls back to the current year when the previous year has amounts without hours', () => {
    const prev = year(2024, 1800).map((r) => ({ ...r, hours: null }));
    const cur = [{ month: '2025-01', source: 'REK', incomeType: '1001', amount: 1840, hours: 184 }];
    const r = run([{ reason: '06', from: '2025-03-03', to: '2025-03-07' }], { zzzsBase: { rows: [...prev, ...cur] } });
    expect(r.segments[0]!.hourlyBase).toBe(10);
    expect(r.warnings).toEqual(expect.arrayContaining(['AMOUNT_WITHOUT_HOURS', 'BLANK_CELLS', 'ZZZS_BASE_FROM_CURRENT_YEAR']));
  });

  it('reports blank cells, "NI PODATKOV" and the 40-hour parental rows of 2023', () => {
    const rows = year(2023, 1500).map((r, i) => (i === 2 ? { ...r, hours: 40, amount: 900 } : i === 5 ? { ...r, amount: null } : r));
    const r = run([{ reason: '06', from: '2024-03-04', to: '2024-03-08' }], { zzzsBase: { rows, noData: true } });
    expect(r.warnings).toEqual(expect.arrayContaining(['BLANK_CELLS', 'PARENTAL_40_HOURS_2023', 'NO_DATA_IN_DISCLOSURE']));
  });

  it('leaves the amount out when there is no base, and says so', () => {
    const r = run([{ reason: '01', from: '2025-03-03', to: '2025-03-07' }], { zzzsBase: { rows: year(2024, 2000) } });
    expect(r.segments[0]).toMatchObject({ payer: 'employer', hourlyBase: null, amount: null });
    expect(r.totals).toEqual({ employer: 0, zzzs: 0 });
    expect(r.warnings).toContain('NO_BASE_DATA');
  });
});

describe('certificates and hours', () => {
  it('ignores cancelled certificates and leaves out unknown reasons with a warning', () => {
    const r = run([
      { number: '1', reason: '06', from: '2025-03-03', to: '2025-03-07', status: 'cancelled' },
      { number: '2', reason: '13', from: '2025-03-10', to: '2025-03-14' },
      { number: '3', reason: '06', from: '2025-03-17', to: '2025-03-17' },
    ], { zzzsBase: { rows: year(2024, 2000) } });
    expect(r.segments.map((s) => s.certificate)).toEqual(['3']);
    expect(r.excluded).toEqual([{ certificate: '1', why: 'cancelled' }, { certificate: '2', why: 'unknownReason' }]);
    expect(r.warnings).toContain('UNKNOWN_REASON');
  });

  it('takes hours from a special work calendar', () => {
    const r = run([{ reason: '06', from: '2025-03-03', to: '2025-03-09' }], {
      worker: { weeklyHours: 40, calendar: { '2025-03-03': 12, '2025-03-04': 0, '2025-03-08': 12 } },
      zzzsBase: { rows: year(2024, 2000) },
    });
    expect(r.segments[0]!.hours).toBe(12 + 0 + 8 + 8 + 8 + 12);
  });

  it('names the faulty field of a bad case', () => {
    expect(() => computeCase({ certificates: [{ number: '1', reason: '01', from: '2025-03-10', to: '2025-03-01' }] })).toThrow(CaseInputError);
    expect(() => computeCase({ certificates: [{ number: '1', reason: '01', from: '2025-02-30', to: '2025-03-01' }] })).toThrow(/certificates\[0\]\.from/);
    expect(() => computeCase({ certificates: 'x' })).toThrow(/certificates/);
  });
});

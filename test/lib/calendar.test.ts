import { describe, expect, it } from 'vitest';
import { countWorkingDays, easterSunday, fullTimeHours, isWorkFree, isWorkingDay, nthWorkingDay, workFreeDays } from '../../src/lib/calendar.ts';
import { addDays } from '../../src/lib/dates.ts';
import { calendarFacts } from '../shared-cases.ts';

const facts = calendarFacts();

describe('calendar facts from ../shared/domain/cases/calendar.json', () => {
  for (const f of facts.nthWorkingDay) {
    it(`day ${f.n} of an absence from ${f.start} is ${f.expected} (${f.source})`, () => {
      expect(nthWorkingDay(f.start, f.n)).toBe(f.expected);
    });
  }
  for (const [year, days] of Object.entries(facts.workFree)) {
    it(`work-free days of ${year}`, () => {
      expect(workFreeDays(Number(year)).map((d) => d.date)).toEqual(days);
    });
  }
  it('Whit Monday and Corpus Christi are not work-free', () => {
    for (const d of facts.notWorkFree) expect(isWorkFree(d)).toBe(false);
  });
  for (const f of facts.fullTimeHours) {
    it(`full-time hours of ${f.month}`, () => expect(fullTimeHours(f.month)).toBe(f.hours));
  }
});

describe('calendar', () => {
  it('computes Easter by the computus', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2038)).toBe('2038-04-25'); // latest possible
    expect(easterSunday(2285)).toBe('2285-03-22'); // earliest possible
  });
  it('2 January was not work-free in 2013–2016', () => {
    expect(isWorkFree('2015-01-02')).toBe(false);
    expect(isWorkFree('2012-01-02')).toBe(true);
    expect(isWorkFree('2017-01-02')).toBe(true);
  });
  it('holidays on weekdays are working days for counting, weekends are not', () => {
    expect(isWorkingDay('2025-04-21')).toBe(true); // Easter Monday
    expect(isWorkingDay('2025-04-20')).toBe(false);
    expect(countWorkingDays('2025-04-01', '2025-04-30')).toBe(22);
  });
  it('nthWorkingDay agrees with counting day by day', () => {
    for (let start = '2024-12-20', i = 0; i < 40; i++, start = addDays(start, 3)) {
      for (const n of [1, 5, 6, 20, 30, 61]) {
        expect(countWorkingDays(start, nthWorkingDay(start, n))).toBe(n);
      }
    }
  });
});

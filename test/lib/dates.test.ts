import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, daysBetween, fromDayNumber, isIsoDate, lastOfMonth, toDayNumber, weekdayIndex } from '../../src/lib/dates.ts';

describe('dates', () => {
  it('round-trips day numbers over four centuries', () => {
    for (let day = toDayNumber('1900-01-01'); day < toDayNumber('2300-01-01'); day += 37) {
      expect(toDayNumber(fromDayNumber(day))).toBe(day);
    }
  });
  it('knows weekdays and month lengths', () => {
    expect(weekdayIndex('2025-04-21')).toBe(0); // Easter Monday
    expect(weekdayIndex('2026-11-21')).toBe(5); // a Saturday
    expect(lastOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastOfMonth('2100-02')).toBe('2100-02-28');
  });
  it('adds days, months and years across boundaries', () => {
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(daysBetween('2025-02-17', '2025-05-18')).toBe(90);
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });
  it('rejects impossible dates', () => {
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('15.03.2025')).toBe(false);
  });
});

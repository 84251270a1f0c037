import { describe, expect, it } from 'vitest';
import { computeCase } from '../../../src/lib/compensation/index.ts';
import { goldenCases, requiredSegmentFields } from '../../shared-cases.ts';

const cases = goldenCases();

describe('golden cases from ../shared/domain/cases', () => {
  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  for (const c of cases) {
    it(`${c.name}`, () => {
      const result = computeCase(c.input);
      const keys = Object.keys(c.expected.segments[0] ?? {});
      expect(result.segments.map((s) => requiredSegmentFields(s as unknown as Record<string, unknown>, keys))).toEqual(c.expected.segments);
      expect(result.totals).toEqual(c.expected.totals);
      for (const w of c.expected.warnings) expect(result.warnings).toContain(w);
      if (c.expected.warnings.length === 0) {
        // No case-level warning that CASES.md defines may appear where none is expected.
        const defined = ['ZZZS_BASE_FROM_CURRENT_YEAR', 'NO_BASE_DATA', 'BLANK_CELLS', 'NO_DATA_IN_DISCLOSURE',
          'AMOUNT_WITHOUT_HOURS', 'PARENTAL_40_HOURS_2023', 'POSSIBLE_RECURRENCE'];
        expect(result.warnings.filter((w) => defined.includes(w))).toEqual([]);
      }
      expect(result.trace.length).toBeGreaterThan(0);
    });
  }
});

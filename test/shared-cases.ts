import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The golden cases live in ../shared (CASES.md): read them from there, never from a copy. */
export const CASES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/domain/cases');

export interface GoldenCase {
  name: string;
  casePath: string;
  input: unknown;
  expected: {
    segments: Record<string, unknown>[];
    totals: { employer: number; zzzs: number };
    warnings: string[];
  };
}

export function goldenCases(): GoldenCase[] {
  return readdirSync(CASES_DIR)
    .filter((f) => f.endsWith('.case.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.case\.json$/, '');
      const casePath = join(CASES_DIR, f);
      return {
        name,
        casePath,
        input: JSON.parse(readFileSync(casePath, 'utf8')),
        expected: JSON.parse(readFileSync(join(CASES_DIR, `${name}.expected.json`), 'utf8')),
      };
    });
}

export function calendarFacts(): {
  nthWorkingDay: { start: string; n: number; expected: string; source: string }[];
  workFree: Record<string, string[]>;
  notWorkFree: string[];
  fullTimeHours: { month: string; hours: number }[];
} {
  return JSON.parse(readFileSync(join(CASES_DIR, 'calendar.json'), 'utf8'));
}

/** The fields CASES.md requires of each segment; the engine may return more. */
export function requiredSegmentFields(seg: Record<string, unknown>, expectedKeys: string[]): Record<string, unknown> {
  return Object.fromEntries(expectedKeys.map((k) => [k, seg[k]]));
}

import { describe, expect, it } from 'vitest';
import { eur, formatDate, formatNumber } from '../../src/lib/format.ts';

describe('format', () => {
  it('writes numbers as Slovenian and English clerks do', () => {
    expect(eur(130170.18, 'sl')).toBe('130.170,18 €');
    expect(eur(130170.18, 'en')).toBe('130,170.18 €');
    expect(formatNumber(2.5, null, 'sl')).toBe('2,5');
    expect(formatNumber(-1234.5, 2, 'sl')).toBe('−1.234,50');
    expect(formatNumber(999, 0, 'sl')).toBe('999');
    expect(formatDate('2025-03-04', 'sl')).toBe('4. 3. 2025');
  });
});

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

describe('rounding decimal text', () => {
  it('rounds half away from zero as text, exactly, with carries', async () => {
    const { roundDecimalText } = await import('../../src/lib/format.ts');
    expect(roundDecimalText('2052.865', 2)).toBe('2052.87');
    expect(roundDecimalText('-2.345', 2)).toBe('-2.35');
    expect(roundDecimalText('9.995', 2)).toBe('10.00');
    expect(roundDecimalText('0.004', 2)).toBe('0.00');
    expect(roundDecimalText('-0.004', 2)).toBe('0.00');
    expect(roundDecimalText('12', 2)).toBe('12.00');
    expect(roundDecimalText('1.5', 0)).toBe('2');
  });
  it('formats numbers the float way would get wrong', () => {
    expect(formatNumber(1.005, 2, 'sl')).toBe('1,01'); // (1.005).toFixed(2) is "1.00"
    expect(formatNumber(1e-7, null, 'en')).toBe('0.0000001');
    expect(formatNumber(1.5e21, 0, 'en')).toBe('1,500,000,000,000,000,000,000');
  });
});

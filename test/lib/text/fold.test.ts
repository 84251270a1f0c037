import { describe, expect, it } from 'vitest';
import { compactLabel, foldLabel, splitCamel } from '../../../src/lib/text/fold.ts';

describe('foldLabel', () => {
  it('folds case, Slovenian and Croatian diacritics', () => {
    expect(foldLabel('Davčna ŠTEVILKA Žiga Ćiril Đuro')).toBe('davcna stevilka ziga ciril duro');
    expect(foldLabel('Število ur')).toBe('stevilo ur');
  });
  it('turns punctuation and any white space (NBSP, tabs) into single spaces, trimmed', () => {
    expect(foldLabel('  Vrsta dohodka / zavarovalna\u00a0podlaga: ')).toBe('vrsta dohodka zavarovalna podlaga');
    expect(foldLabel('Št.\tur')).toBe('st ur');
    expect(foldLabel('Znesek (EUR)')).toBe('znesek eur');
    expect(foldLabel('—')).toBe('');
  });
  it('leaves plain folded text alone', () => {
    expect(foldLabel('leto')).toBe('leto');
  });
  it('compact form and camel case splitting let XML names meet CSV labels', () => {
    expect(compactLabel('Število ur')).toBe(compactLabel('SteviloUr'));
    expect(splitCamel('DavcnaStevilkaVlagatelja')).toBe('Davcna Stevilka Vlagatelja');
    expect(splitCamel('ZZZSStevilka')).toBe('ZZZS Stevilka');
  });
});

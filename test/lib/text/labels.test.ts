import { describe, expect, it } from 'vitest';
import { type LabelTable, matchHeaders, matchLabel, matchLabelDetailed } from '../../../src/lib/text/labels.ts';

type F = 'amount' | 'hours' | 'incomeType' | 'from' | 'validUntil';
const TABLE: LabelTable<F> = {
  amount: ['Znesek', 'Bruto', 'Bruto znesek'],
  hours: ['Ure', 'Število ur'],
  incomeType: ['Vrsta dohodka', 'Zavarovalna podlaga'],
  from: ['Od', 'Obdobje od'],
  validUntil: ['Veljavno do', 'Datum veljavnosti'],
};

describe('matchLabel', () => {
  it('matches exact folded labels, whatever the case, accents and punctuation', () => {
    expect(matchLabel('ŠTEVILO UR:', TABLE)).toBe('hours');
    expect(matchLabelDetailed('stevilo-ur', TABLE)?.kind).toBe('exact');
  });
  it('matches compact forms (XML names)', () => {
    const m = matchLabelDetailed('SteviloUr', TABLE);
    expect(m?.field).toBe('hours');
    expect(m?.kind).toBe('compact');
    expect(matchLabel('ns_VrstaDohodka', TABLE)).toBe('incomeType');
  });
  it('matches a synonym contained as whole words, the longest one winning', () => {
    expect(matchLabel('Znesek v EUR', TABLE)).toBe('amount');
    expect(matchLabel('Bruto znesek (EUR)', TABLE)?.toString()).toBe('amount');
    expect(matchLabelDetailed('Skupaj bruto znesek', TABLE)?.synonym).toBe('Bruto znesek');
    // `ure` is not a word of "Urejeno".
    expect(matchLabel('Urejeno', TABLE)).toBeNull();
  });
  it('gives up when two fields are equally good (never guesses)', () => {
    expect(matchLabel('bruto ure', TABLE)).toBe('amount'); // "bruto" is longer than "ure"
    expect(matchLabel('ura leto', { a: ['leto'], b: ['ura'] })).toBe('a');
    expect(matchLabel('dan ura', { a: ['dan'], b: ['ura'] })).toBeNull(); // same length, two fields
  });
  it('short synonyms (od, do) only match exactly', () => {
    expect(matchLabel('Od', TABLE)).toBe('from');
    expect(matchLabel('Od kod', TABLE)).toBeNull();
    expect(matchLabel('Veljavno do', TABLE)).toBe('validUntil');
  });
  it('refuses a table that lists one synonym under two fields', () => {
    expect(() => matchLabel('x', { a: ['Znesek'], b: ['ZNESEK'] })).toThrow(/clashes/);
  });
});

describe('matchHeaders', () => {
  it('maps columns in any order and reports the extra ones', () => {
    const r = matchHeaders(['Opomba', 'Število ur', 'Bruto', 'Vrsta dohodka', ''], TABLE);
    expect(r.columns).toEqual({ hours: 1, amount: 2, incomeType: 3 });
    expect(r.unmatched).toEqual(['Opomba']);
  });
  it('prefers the exact header when two headers match one field', () => {
    const r = matchHeaders(['Znesek prispevkov', 'Znesek'], TABLE);
    expect(r.columns.amount).toBe(1);
    expect(r.unmatched).toEqual(['Znesek prispevkov']);
  });
});

import { describe, expect, it } from 'vitest';
import { validateEmso, validateTaxNumber, validateZzzsNumber } from '../../src/lib/identifiers.ts';

describe('validateTaxNumber', () => {
  it('accepts valid numbers (public VAT ids SI14313260, SI95985352; FORMATS.md example 12345679)', () => {
    for (const n of ['14313260', '95985352', '12345679', 'SI 14313260', '1431 3260']) expect(validateTaxNumber(n)).toEqual({ ok: true });
  });
  it('rejects a wrong check digit, naming the expected one', () => {
    const r = validateTaxNumber('12345678');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/pričakovana 9, najdena 8/);
  });
  it('maps check value 10 to 0 and refuses 11', () => {
    // 1431326: weighted sum 89, 89 mod 11 = 1 → 11 − 1 = 10 → check digit 0
    expect(validateTaxNumber('14313260').ok).toBe(true);
    // 2000003: weighted sum 2·8 + 3·2 = 22, 22 mod 11 = 0 → 11 → no valid check digit
    expect(validateTaxNumber('20000030').ok).toBe(false);
    const r = validateTaxNumber('20000030');
    if (!r.ok) expect(r.message).toMatch(/ne obstaja kontrolna/);
  });
  it('rejects wrong length, letters and a leading zero', () => {
    expect(validateTaxNumber('1234567').ok).toBe(false);
    expect(validateTaxNumber('1234567A').ok).toBe(false);
    const r = validateTaxNumber('01234567');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/z 0/);
  });
});

describe('validateEmso', () => {
  it('accepts valid EMŠO (computed with the Uredba algorithm)', () => {
    for (const n of ['0101985500011', '1503985500121', '3108999505003', '2902000500101', '0101010500002']) {
      expect(validateEmso(n)).toEqual({ ok: true });
    }
  });
  it('rejects a wrong check digit', () => {
    const r = validateEmso('0101985500012');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/Kontrolna števka EMŠO.*pričakovana 1, najdena 2/);
  });
  it('rejects an impossible birth date', () => {
    const r = validateEmso('3102985500010');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/datum rojstva/);
    expect(validateEmso('2902001500100').ok).toBe(false); // 2001 is not a leap year
  });
  it('refuses numbers whose check value would be 10', () => {
    // A 12-digit prefix (born 01.01.1985, register 50) whose weighted sum leaves remainder 1.
    const w = [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let prefix = '';
    for (let serial = 0; serial < 100 && prefix === ''; serial++) {
      const cand = `0101985500${String(serial).padStart(2, '0')}`;
      const sum = [...cand].reduce((acc, d, i) => acc + Number(d) * (w[i] ?? 0), 0);
      if (sum % 11 === 1) prefix = cand;
    }
    expect(prefix).not.toBe('');
    for (let d = 0; d <= 9; d++) expect(validateEmso(prefix + d).ok).toBe(false);
  });
  it('rejects wrong length', () => {
    expect(validateEmso('010198550001').ok).toBe(false);
  });
});

describe('validateZzzsNumber', () => {
  it('wants 9 digits', () => {
    expect(validateZzzsNumber('012345678').ok).toBe(true);
    expect(validateZzzsNumber('12345678').ok).toBe(false);
    expect(validateZzzsNumber('01234567X').ok).toBe(false);
  });
});

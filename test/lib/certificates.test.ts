import { describe, expect, it } from 'vitest';
import { type Certificate, kindFromNumber, normaliseReason, normaliseStatus, validateCertificate } from '../../src/lib/certificates.ts';

const base: Certificate = {
  number: '2024000123', kind: 'eBOL', worker: { name: 'Novak Ana', zzzsNumber: '012345678', emso: '0101985500011' },
  reason: '01', from: '2025-03-03', to: '2025-03-14', hoursPerDay: null, status: 'issued', issuedOn: '2025-03-03',
};

describe('certificates', () => {
  it('derives the kind from the number without floats', () => {
    expect(kindFromNumber('99999999999')).toBe('eBOL');
    expect(kindFromNumber('100000000000')).toBe('ePODK');
    expect(kindFromNumber('0099999999999')).toBe('eBOL');
    expect(kindFromNumber('100000000000000000001')).toBe('ePODK');
    expect(kindFromNumber('12a')).toBeNull();
  });
  it('normalises reason codes', () => {
    expect(normaliseReason('01 - bolezen')).toBe('01');
    expect(normaliseReason('1')).toBe('01');
    expect(normaliseReason('01')).toBe('01');
    expect(normaliseReason('12-darovanje krvi')).toBe('12');
    expect(normaliseReason('bolezen')).toBeNull();
    expect(normaliseReason('0')).toBeNull();
    expect(normaliseReason('123')).toBeNull();
  });
  it('normalises statuses (cancelled words first: "razveljavljen" contains "veljav")', () => {
    for (const s of ['Izdan', 'VELJAVEN', 'Aktiven', 'izdano']) expect(normaliseStatus(s)).toBe('issued');
    for (const s of ['Preklican', 'Storniran', 'Razveljavljen', 'preklicano']) expect(normaliseStatus(s)).toBe('cancelled');
    expect(normaliseStatus('v obdelavi')).toBeNull();
  });
  it('validates a certificate and explains problems in Slovenian', () => {
    expect(validateCertificate(base)).toEqual([]);
    const bad = validateCertificate({ ...base, number: '12x', from: '2025-03-20', to: '2025-03-14', reason: '1', hoursPerDay: 30, worker: { ...base.worker, emso: '0101985500012' } });
    expect(bad.join(' ')).toMatch(/Številka potrdila/);
    expect(bad.join(' ')).toMatch(/pred začetkom/);
    expect(bad.join(' ')).toMatch(/Razlog/);
    expect(bad.join(' ')).toMatch(/med 0 in 24/);
    expect(bad.join(' ')).toMatch(/EMŠO/);
    expect(validateCertificate({ ...base, from: '2025-02-30' })).toContain('Datum »zadržan od« ni veljaven datum.');
    expect(validateCertificate({ ...base, kind: 'ePODK' })[0]).toMatch(/se ne ujema/);
  });
});

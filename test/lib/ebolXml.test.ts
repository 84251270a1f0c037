import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEbolXml } from '../../src/lib/ebolXml.ts';
import { ReadError } from '../../src/lib/errors.ts';
import { ebol, ebolText } from './helpers/fixtures.ts';
import { editXmlText, expectResultOrReadError, mutate, mutationArb, textEditArb } from './helpers/fuzz.ts';

function errorOf(f: () => unknown): ReadError {
  try { f(); } catch (e) { if (e instanceof ReadError) return e; throw e; }
  throw new Error('no error');
}

describe('readEbolXml', () => {
  it('reads a signed eBOL, ignoring the signature and the doctor', () => {
    const r = readEbolXml(ebol('ebol-signed.xml'));
    expect(r).toEqual({
      type: 'certificates',
      certificates: [{
        number: '2024000123', kind: 'eBOL',
        worker: { name: 'Novak Ana', zzzsNumber: '012345678', emso: '0101985500011' },
        reason: '01', from: '2025-03-03', to: '2025-03-14', hoursPerDay: 4, status: 'issued', issuedOn: '2025-03-03',
        employerTaxNumber: '12345679', employerName: 'Podjetje d.o.o.',
      }],
    });
    expect(JSON.stringify(r)).not.toMatch(/Marko|Zdravnik|99999/);
  });

  it('reads an ePODK (kind from the root and the number)', () => {
    const [c] = readEbolXml(ebol('epodk.xml')).certificates;
    expect(c).toMatchObject({ number: '100000004567', kind: 'ePODK', reason: '12', from: '2025-04-15', to: '2025-04-15', status: 'issued' });
    expect(c!.worker).toEqual({ name: 'Kranjc Janez', zzzsNumber: '987654321', emso: null });
  });

  it('reads values given as attributes and a cancelled status', () => {
    const [c] = readEbolXml(ebolText('ebol-cancelled-attrs.xml')).certificates;
    expect(c).toMatchObject({ number: '2024000999', kind: 'eBOL', reason: '02', from: '2025-04-02', to: '2025-04-04', status: 'cancelled' });
    expect(c!.worker.name).toBe('Horvat Špela');
  });

  it('reads a list of certificates', () => {
    const one = ebolText('epodk.xml').replace(/<\?xml[^>]*\?>/, '');
    const list = `<Potrdila>${one}${one.replace('100000004567', '100000004568')}</Potrdila>`;
    expect(readEbolXml(list).certificates.map((c) => c.number)).toEqual(['100000004567', '100000004568']);
  });

  it('names missing fields', () => {
    const e = errorOf(() => readEbolXml('<ePotrdilo><Stevilka>1</Stevilka><Razlog>01</Razlog></ePotrdilo>'));
    expect(e.code).toBe('MISSING_FIELDS');
    expect(e.expected).toEqual(['ZadrzanOd', 'ZadrzanDo']);
    expect(e.found).toEqual(['Stevilka', 'Razlog']);
  });

  it('refuses invalid content: reversed dates, a bad EMŠO, an unknown status, partial without hours', () => {
    const base = ebolText('ebol-signed.xml');
    expect(errorOf(() => readEbolXml(base.replace('2025-03-14', '2025-03-01'))).message).toMatch(/pred začetkom/);
    expect(errorOf(() => readEbolXml(base.replace('0101985500011', '0101985500012'))).message).toMatch(/Kontrolna števka EMŠO/);
    expect(errorOf(() => readEbolXml(base.replace('<ep:Status>Izdan', '<ep:Status>V obdelavi'))).code).toBe('BAD_VALUE');
    expect(errorOf(() => readEbolXml(base.replace('<ep:UrNaDan>4</ep:UrNaDan>', 'da'))).code).toBe('MISSING_FIELDS');
  });

  it('refuses XXE and non-certificates', () => {
    expect(errorOf(() => readEbolXml('<!DOCTYPE e [<!ENTITY x SYSTEM "file:///etc/passwd">]><ePotrdilo>&x;</ePotrdilo>')).code).toBe('XML_DTD_FORBIDDEN');
    expect(errorOf(() => readEbolXml('<Racun/>')).code).toBe('NOT_RECOGNISED');
  });

  it('fuzz: mutated certificates end in certificates or a ReadError', () => {
    const seeds = [ebolText('ebol-signed.xml'), ebolText('epodk.xml'), ebolText('ebol-cancelled-attrs.xml')];
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutationArb, { minLength: 1, maxLength: 5 }), (seed, ms) => {
        expectResultOrReadError(() => readEbolXml(mutate(seed, ms)), (r) => {
          expect(r.type).toBe('certificates');
          for (const c of r.certificates) {
            expect(c.from <= c.to).toBe(true);
            expect(c.reason).toMatch(/^\d{2}$/);
          }
        });
      }),
      { numRuns: 400 },
    );
  });

  it('fuzz: valid markup with odd values ends in certificates or a ReadError', () => {
    const seeds = [ebolText('ebol-signed.xml'), ebolText('epodk.xml')];
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(textEditArb, { minLength: 1, maxLength: 4 }), (seed, edits) => {
        expectResultOrReadError(() => readEbolXml(editXmlText(seed, edits)), (r) => {
          for (const c of r.certificates) expect(c.from <= c.to).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { Certificate } from '../../src/lib/certificates.ts';
import type { Disclosure } from '../../src/lib/disclosure/model.ts';
import { pairWorkers } from '../../src/companion/pairing.ts';
import type { ReadCertificate, ReadDisclosure } from '../../src/companion/inputs.ts';

/** The pairing rule of `bases`/`export` (src/companion/pairing.ts), on small made-up inputs. */
const EMPLOYER = '51234564';
const OTHER_EMPLOYER = '62345672';

function cert(number: string, worker: { emso?: string; zzzs?: string; name?: string }, employer: string | null = EMPLOYER, from = '2025-03-03'): ReadCertificate {
  const certificate: Certificate = {
    number, kind: 'eBOL', reason: '01', from, to: from, hoursPerDay: null, status: 'issued', issuedOn: from,
    worker: { name: worker.name ?? null, emso: worker.emso ?? null, zzzsNumber: worker.zzzs ?? null }, employerTaxNumber: employer,
  };
  return { file: `ebol_${number}.xml`, certificate };
}

function disclosure(file: string, workerTax: string | null, employer: string | null = EMPLOYER): ReadDisclosure {
  const d: Disclosure = {
    type: 'disclosure', queryNumber: `P-${file}`, employerTaxNumber: employer, workerTaxNumber: workerTax, preparedOn: null, validUntil: null,
    sections: [], warnings: [],
  };
  return { file, disclosure: d };
}

const ANA = { emso: '2509915505012', zzzs: '021345678', name: 'Novak Ana' };
const BOJAN = { emso: '0207870500231', zzzs: '031456789', name: 'Kranjc Bojan' };

describe('pairWorkers', () => {
  it('links by a certificate number in the file name, and every disclosure of that taxpayer with it', () => {
    const { workers, unpaired } = pairWorkers(
      [cert('2025040101', ANA), cert('2025100601', BOJAN)],
      [disclosure('osnova_2025040101.csv', '44567898'), disclosure('P-2025-000777.xml', '44567898'), disclosure('x.csv', '35678917')],
    );
    const ana = workers.find((w) => w.worker.name === 'Novak Ana')!;
    expect(ana.pairing).toBe('certificateNumber');
    expect(ana.worker.taxNumber).toBe('44567898');
    expect(ana.disclosures.map((d) => d.file)).toEqual(['osnova_2025040101.csv', 'P-2025-000777.xml']);
    // Bojan is then the only one left at the employer, with the only tax number left.
    const bojan = workers.find((w) => w.worker.name === 'Kranjc Bojan')!;
    expect(bojan.pairing).toBe('onlyWorker');
    expect(bojan.warnings).toContain('PAIRED_AS_ONLY_WORKER');
    expect(unpaired).toEqual([]);
  });

  it('never guesses between two workers: both stay without bases and the disclosures are reported', () => {
    const { workers, unpaired } = pairWorkers(
      [cert('2025040101', ANA), cert('2025100601', BOJAN)],
      [disclosure('a.csv', '44567898'), disclosure('b.csv', '35678917')],
    );
    expect(workers.map((w) => [w.pairing, w.warnings])).toEqual([[null, ['NO_DISCLOSURE']], [null, ['NO_DISCLOSURE']]]);
    expect(unpaired.map((u) => u.workerTaxNumber)).toEqual(['44567898', '35678917']);
    expect(unpaired[0]!.reason).toContain('več nepovezanih delavcev (2)');
  });

  it('links through a worker list by EMŠO or ZZZS number, only at the list\'s employer', () => {
    const { workers, unpaired } = pairWorkers(
      [cert('2025040101', ANA), cert('2025100601', BOJAN), cert('2025100602', { zzzs: '099999999', name: 'Drugi' }, OTHER_EMPLOYER)],
      [disclosure('a.csv', '44567898'), disclosure('b.csv', '35678917'), disclosure('c.csv', '26789124', OTHER_EMPLOYER)],
      [
        { taxNumber: '44567898', emso: null, zzzsNumber: ANA.zzzs, name: null, employerTaxNumber: null },
        { taxNumber: '35678917', emso: BOJAN.emso, zzzsNumber: null, name: null, employerTaxNumber: EMPLOYER },
        // Names the right person but the wrong employer: no link from it.
        { taxNumber: '26789124', emso: null, zzzsNumber: '099999999', name: null, employerTaxNumber: EMPLOYER },
      ],
    );
    const by = Object.fromEntries(workers.map((w) => [w.worker.name, w]));
    expect(by['Novak Ana']!.pairing).toBe('workerList');
    expect(by['Kranjc Bojan']!.pairing).toBe('workerList');
    expect(by['Kranjc Bojan']!.worker.taxNumber).toBe('35678917');
    // The other employer's only worker is linked as the only one left, not through the list.
    expect(by['Drugi']!.pairing).toBe('onlyWorker');
    expect(unpaired).toEqual([]);
  });

  it('one person across certificates (EMŠO on one, only the ZZZS number on another) is one worker', () => {
    const { workers } = pairWorkers([cert('1', ANA, EMPLOYER, '2025-03-03'), cert('2', { zzzs: ANA.zzzs }, EMPLOYER, '2025-03-04')], []);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.certificates.map((c) => c.certificate.number)).toEqual(['1', '2']);
  });

  it('a certificate without employer takes the only employer of the input; with two employers it stays unknown', () => {
    const one = pairWorkers([cert('2025040101', ANA, null)], [disclosure('a.csv', '44567898')]);
    expect(one.workers[0]!.employerTaxNumber).toBe(EMPLOYER);
    expect(one.workers[0]!.pairing).toBe('onlyWorker');

    const two = pairWorkers([cert('2025040101', ANA, null)], [disclosure('a.csv', '44567898'), disclosure('b.csv', '26789124', OTHER_EMPLOYER)]);
    expect(two.workers[0]!.employerTaxNumber).toBeNull();
    expect(two.workers[0]!.warnings).toEqual(['EMPLOYER_UNKNOWN']);
    expect(two.unpaired.map((u) => u.reason)).toEqual(['med datotekami ni potrdila eBOL/ePODK tega delavca', 'med datotekami ni potrdila eBOL/ePODK tega delavca']);
  });

  it('refuses a file that names a certificate of another employer', () => {
    const { workers, unpaired } = pairWorkers([cert('2025040101', ANA)], [disclosure('osnova_2025040101.csv', '26789124', OTHER_EMPLOYER)]);
    expect(workers[0]!.pairing).toBeNull();
    expect(unpaired[0]!.reason).toBe(`potrdilo je za delodajalca ${EMPLOYER}, razkritje za ${OTHER_EMPLOYER}`);
  });

  it('refuses a second tax number for a worker already linked', () => {
    const { workers, unpaired } = pairWorkers([cert('2025040101', ANA)], [disclosure('osnova_2025040101.csv', '44567898'), disclosure('tudi_2025040101.csv', '35678917')]);
    expect(workers[0]!.worker.taxNumber).toBe('44567898');
    expect(unpaired).toHaveLength(1);
    expect(unpaired[0]!.reason).toContain('že povezan z davčno številko 44567898');
  });
});

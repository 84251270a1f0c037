/**
 * The import fixtures reproduce golden case 02 as the files a clerk has: two signed eBOL XMLs
 * (one absence crossing to ZZZS), the ZZZS base as a FURS CSV and the employer base as a FURS
 * XML; plus a third worker's certificate (named like a spreadsheet formula) and a FURS CSV
 * whose columns must be assigned by hand. The e2e test imports exactly these files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleCase } from '../../src/lib/assemble.ts';
import type { Certificate } from '../../src/lib/certificates.ts';
import { computeCase } from '../../src/lib/compensation/index.ts';
import { readDisclosure, type Disclosure } from '../../src/lib/disclosure/index.ts';
import { readDocument } from '../../src/lib/documents.ts';
import { ReadError } from '../../src/lib/errors.ts';
import { CASES_DIR } from '../shared-cases.ts';

export const IMPORT_DIR = new URL('../fixtures/import/', import.meta.url);
const bytes = (name: string) => new Uint8Array(readFileSync(new URL(name, IMPORT_DIR)));

describe('import fixtures', () => {
  it('are golden case 02 as files: the engine gives the expected segments', () => {
    const certs = ['ebol-1000002.xml', 'ebol-1000003.xml'].flatMap((f) => {
      const d = readDocument(bytes(f), f);
      if (d.type !== 'certificates') throw new Error(f);
      return d.certificates;
    });
    expect(certs.map((c) => [c.number, c.from, c.to, c.employerTaxNumber, c.worker.name])).toEqual([
      ['1000002', '2025-04-01', '2025-04-30', '12345679', 'Zupančič Maja'],
      ['1000003', '2025-05-01', '2025-05-23', '12345679', 'Zupančič Maja'],
    ]);
    const disclosures = ['furs-osnova-zzzs-87654326.csv', 'furs-osnova-delodajalec-87654326.xml'].map((f) => readDocument(bytes(f), f) as Disclosure);
    expect(disclosures.map((d) => [d.queryNumber, d.workerTaxNumber, d.sections[0]!.payer, d.sections[0]!.rows.length, d.warnings])).toEqual([
      ['P-2025-000412001', '87654326', 'zzzs', 12, []],
      ['P-2025-000412002', '87654326', 'employer', 1, []],
    ]);
    const expected = JSON.parse(readFileSync(join(CASES_DIR, '02-illness-crosses-to-zzzs.expected.json'), 'utf8')) as { segments: unknown[]; totals: unknown };
    const result = computeCase(assembleCase(certs as Certificate[], disclosures));
    expect(result.segments.map(({ certificate, reason, from, to, payer, workingDays, hours, hourlyBase, percentage, amount }) =>
      ({ certificate, reason, from, to, payer, workingDays, hours, hourlyBase, percentage, amount }))).toEqual(expected.segments);
    expect(result.totals).toEqual(expected.totals);
  });

  it('include a worker whose name a spreadsheet would run as a formula', () => {
    const d = readDocument(bytes('ebol-1000017.xml'));
    expect(d.type === 'certificates' && d.certificates[0]!.worker.name).toBe('=HYPERLINK("x")');
  });

  it('include a CSV whose columns need the mapping dialog', () => {
    let error: unknown;
    try { readDocument(bytes('furs-izvoz-stolpci-23456787.csv')); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ReadError);
    expect((error as ReadError).found).toEqual(['Datum', 'Opis', 'Vrednost', 'Količina']);
    const d = readDisclosure(bytes('furs-izvoz-stolpci-23456787.csv'), undefined, {
      columnMapping: { Datum: 'month', Opis: 'source', Vrednost: 'amount', 'Količina': 'hours' },
    });
    expect(d.sections[0]!.rows).toHaveLength(12);
    expect(d.sections[0]!.rows[0]).toMatchObject({ month: '2024-01', source: 'REK', amount: 1950, hours: 184 });
  });
});

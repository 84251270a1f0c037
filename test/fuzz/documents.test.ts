/**
 * Fuzzing the one entry every user-given file goes through — `readDocument` (popup import,
 * content-script downloads, spot-companion) — on EVERY kind of file it routes (FURS disclosure
 * CSV/TSV/XML, eBOL/ePODK XML, eSLOG invoices, saved pages, payroll worker lists), plus the
 * readers' gaps the per-reader fuzz tests in test/lib leave: a CSV read again with a user's
 * column mapping, and the companion's worker-list reader.
 *
 * Contract: a valid result of one of the four types, or a `ReadError` with a message — never
 * another exception, NaN or an invalid certificate — within PER_INPUT_MS per input. Inputs
 * over 20 MB are refused before anything is decoded.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readWorkerList } from '../../src/companion/workerList.ts';
import { validateCertificate } from '../../src/lib/certificates.ts';
import { isIsoDate } from '../../src/lib/dates.ts';
import { readDisclosure } from '../../src/lib/disclosure/index.ts';
import type { Disclosure } from '../../src/lib/disclosure/model.ts';
import { readDocument, type ReadDocument } from '../../src/lib/documents.ts';
import { ReadError } from '../../src/lib/errors.ts';
import { MAX_INPUT_BYTES } from '../../src/lib/limits.ts';
import { ROOT } from '../companion/run.ts';
import { encodeCp1250 } from '../lib/helpers/fixtures.ts';
import { editXmlText, expectFiniteNumbers, mutate, mutationArb, textEditArb } from '../lib/helpers/fuzz.ts';

/** Generous, as the readers' own fuzz tests (test/lib/helpers/fuzz.ts): real files take about a millisecond. */
const PER_INPUT_MS = 1000;
const FIX = join(ROOT, 'test/fixtures');
/** Decoded as the files are (UTF-8 unless they are cp1250): the mutations work on text. */
const utf8 = (dir: string, ext: RegExp) => readdirSync(join(FIX, dir)).filter((f) => ext.test(f)).map((f) => ({ name: f, text: readFileSync(join(FIX, dir, f), 'utf8') }));
const SEEDS = [
  ...utf8('furs', /\.(csv|tsv|xml)$/), ...utf8('ebol', /\.xml$/), ...utf8('eslog', /\.xml$/), ...utf8('import', /\.(csv|xml)$/),
  ...utf8('spot', /^(ebol-seznam|podatki-osnova)\.html$/),
];

/** Windows-1250 bytes of a text; characters that code page lacks become `?`. */
function toCp1250(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    try { out.push(...encodeCp1250(ch)); } catch { out.push(0x3f); }
  }
  return Uint8Array.from(out);
}

const figures = { inputs: 0, results: {} as Record<string, number>, readErrors: 0 };
afterAll(() => {
  // eslint-disable-next-line no-console
  console.log(`[fuzz documents] readDocument inputs: ${figures.inputs}; results ${JSON.stringify(figures.results)}; ReadError: ${figures.readErrors}; seeds: ${SEEDS.length}`);
});

function checkDocument(doc: ReadDocument): void {
  figures.results[doc.type] = (figures.results[doc.type] ?? 0) + 1;
  switch (doc.type) {
    case 'disclosure': checkDisclosure(doc); return;
    case 'certificates':
      for (const c of doc.certificates) expect(validateCertificate(c), JSON.stringify(c)).toEqual([]);
      return;
    case 'invoice':
      expect(typeof doc.number).toBe('string');
      expect(Number.isFinite(doc.total)).toBe(true);
      for (const l of doc.lines) expect(Number.isFinite(l.amount)).toBe(true);
      return;
    case 'html':
      expect(typeof doc.text).toBe('string');
  }
}

function checkDisclosure(d: Disclosure): void {
  for (const s of d.sections) {
    for (const r of s.rows) {
      expect(r.month).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      expect(r.amount === null || Number.isFinite(r.amount)).toBe(true);
    }
    for (const date of [s.basePeriod.from, s.basePeriod.to]) if (date !== null) expect(isIsoDate(date)).toBe(true);
  }
  for (const date of [d.preparedOn, d.validUntil]) if (date !== null) expect(isIsoDate(date)).toBe(true);
}

/** Runs `read` under the contract: a checked result or a ReadError, in time. */
function contract<T>(read: () => T, check: (r: T) => void): void {
  const started = performance.now();
  let result: T;
  try {
    result = read();
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
    figures.readErrors++;
    figures.inputs++;
    expect(performance.now() - started).toBeLessThan(PER_INPUT_MS);
    return;
  }
  expect(performance.now() - started).toBeLessThan(PER_INPUT_MS);
  check(result);
  expectFiniteNumbers(result);
  figures.inputs++;
}

describe('readDocument under fuzzing: every kind of file a user can give', () => {
  it('mutated fixtures of every kind, as UTF-8 and as Windows-1250 bytes, with and without their file names', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), fc.boolean(), fc.boolean(), (seed, ms, cp1250, named) => {
        const text = mutate(seed.text, ms);
        const bytes = cp1250 ? toCp1250(text) : new TextEncoder().encode(text);
        contract(() => readDocument(bytes, named ? seed.name : undefined), checkDocument);
      }),
      { numRuns: 400 },
    );
  });

  it('valid XML of every kind with odd values in its elements', () => {
    const xml = SEEDS.filter((s) => s.name.endsWith('.xml'));
    fc.assert(
      fc.property(fc.constantFrom(...xml), fc.array(textEditArb, { minLength: 1, maxLength: 5 }), (seed, edits) => {
        contract(() => readDocument(editXmlText(seed.text, edits), seed.name), checkDocument);
      }),
      { numRuns: 300 },
    );
  });

  it('random bytes, BOMs and byte soups', () => {
    const boms = [[], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x50, 0x4b, 0x03, 0x04], [0x25, 0x50, 0x44, 0x46]];
    fc.assert(
      fc.property(fc.constantFrom(...boms), fc.uint8Array({ maxLength: 400 }), fc.constantFrom(undefined, 'x.csv', 'x.xml', 'x.html', 'x.spotbackup'), (bom, body, name) => {
        contract(() => readDocument(Uint8Array.from([...bom, ...body]), name), checkDocument);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses more than 20 MB before decoding anything, whatever it is', () => {
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    try {
      for (const input of [new Uint8Array(MAX_INPUT_BYTES + 1), 'a'.repeat(MAX_INPUT_BYTES + 1)]) {
        let error: unknown;
        try { readDocument(input, 'velika.csv'); } catch (e) { error = e; }
        expect(error).toBeInstanceOf(ReadError);
        expect(error).toMatchObject({ code: 'TOO_LARGE', message: expect.stringMatching(/^Datoteka je prevelika: 20,0 MB, največ je dovoljeno 20,0 MB\.$/) });
      }
      expect(decode).not.toHaveBeenCalled();
    } finally {
      decode.mockRestore();
    }
    expect(() => readDocument(new Uint8Array(MAX_INPUT_BYTES).fill(0x41))).not.toThrow(expect.objectContaining({ code: 'TOO_LARGE' }));
  });
});

describe('the readers\' gaps', () => {
  const CSV = SEEDS.filter((s) => /\.(csv|tsv)$/.test(s.name));

  it('a CSV read with a column mapping the user made (any columns mapped to any fields)', () => {
    const field = fc.constantFrom('month', 'year', 'source', 'incomeType', 'amount', 'hours', 'period');
    fc.assert(
      fc.property(fc.constantFrom(...CSV), fc.array(mutationArb, { maxLength: 4 }), fc.dictionary(fc.constantFrom('Leto', 'Mesec', 'Znesek', 'Ure', 'Vir', 'Datum', 'Vrednost', 'Obdobje', 'x'), field), (seed, ms, mapping) => {
        contract(() => readDisclosure(new TextEncoder().encode(mutate(seed.text, ms)), seed.name, { columnMapping: mapping as never }), checkDisclosure);
      }),
      { numRuns: 200 },
    );
  });

  it('the companion\'s worker list (payroll CSV) gives only entries with digits, or none', () => {
    const seed = 'Davčna številka;EMŠO;ZZZS številka;Priimek in ime\n87654326;0101985500011;012345678;Novak Ana\n12345679;;023456789;"Kos; Jure"\n';
    fc.assert(
      fc.property(fc.array(mutationArb, { maxLength: 8 }), (ms) => {
        const started = performance.now();
        const entries = readWorkerList(mutate(seed, ms));
        expect(performance.now() - started).toBeLessThan(PER_INPUT_MS);
        for (const e of entries) {
          expect(e.taxNumber).toMatch(/^\d+$/);
          expect(e.emso !== null || e.zzzsNumber !== null).toBe(true);
          for (const v of [e.emso, e.zzzsNumber, e.employerTaxNumber]) expect(v === null || /^\d+$/.test(v)).toBe(true);
        }
        figures.inputs++;
      }),
      { numRuns: 300 },
    );
  });
});

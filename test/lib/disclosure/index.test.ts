import { describe, expect, it } from 'vitest';
import { readDisclosure } from '../../../src/lib/disclosure/index.ts';
import { readEbolXml } from '../../../src/lib/ebolXml.ts';
import { ReadError } from '../../../src/lib/errors.ts';
import { furs } from '../helpers/fixtures.ts';

function noise(bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  let x = 2463534242;
  for (let i = 0; i < bytes; i += 4) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5; // xorshift32
    out[i] = x & 0xff;
  }
  return out;
}

describe('readDisclosure', () => {
  it('routes by content, not by file name', () => {
    expect(readDisclosure(furs('disclosure.xml'), 'osnova.csv').sections[0]!.rows).toHaveLength(3);
    expect(readDisclosure(furs('full-year.csv'), 'osnova.xml').sections[0]!.rows).toHaveLength(12);
  });

  it('refuses 50 MB of noise as TOO_LARGE before decoding, in well under a second', () => {
    const big = noise(50 * 1024 * 1024);
    for (const read of [() => readDisclosure(big, 'velika.csv'), () => readEbolXml(big)]) {
      const started = performance.now();
      let error: unknown;
      try { read(); } catch (e) { error = e; }
      expect(performance.now() - started).toBeLessThan(1000); // issue 3: a typed error within a second
      expect(error).toBeInstanceOf(ReadError);
      expect((error as ReadError).code).toBe('TOO_LARGE');
    }
  });

  it('sets the file name on errors so the UI can say which file failed', () => {
    try {
      readDisclosure('nič', 'moja.csv');
      expect.unreachable();
    } catch (e) {
      expect((e as ReadError).fileName).toBe('moja.csv');
      expect((e as ReadError).toJSON()).toMatchObject({ code: 'NOT_RECOGNISED', fileName: 'moja.csv' });
    }
  });

  it('output is plain JSON (what spot-companion parse prints)', () => {
    const d = readDisclosure(furs('two-sections.csv'));
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });
});

import { describe, expect, it } from 'vitest';
import { decodeText, decodeTextWithEncoding, readInputText } from '../../src/lib/encoding.ts';
import { ReadError } from '../../src/lib/errors.ts';
import { MAX_INPUT_BYTES, assertInputSize } from '../../src/lib/limits.ts';
import { encodeCp1250 } from './helpers/fixtures.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM, and strips the BOM', () => {
    expect(decodeText(utf8('Davčna številka'))).toBe('Davčna številka');
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Število ur')]))).toBe('Število ur');
  });
  it('reads UTF-16 LE and BE with BOM', () => {
    const le = [0xff, 0xfe];
    const be = [0xfe, 0xff];
    for (const ch of 'Žiga') {
      const c = ch.charCodeAt(0);
      le.push(c & 0xff, c >> 8);
      be.push(c >> 8, c & 0xff);
    }
    expect(decodeText(Uint8Array.from(le))).toBe('Žiga');
    expect(decodeText(Uint8Array.from(be))).toBe('Žiga');
  });
  it('falls back to Windows-1250 for bytes that are not UTF-8', () => {
    const r = decodeTextWithEncoding(encodeCp1250('Davčna številka; Žiga Šuštar; čšž ČŠŽ'));
    expect(r.encoding).toBe('windows-1250');
    expect(r.text).toBe('Davčna številka; Žiga Šuštar; čšž ČŠŽ');
  });
});

describe('input limits', () => {
  it('refuses 50 MB up front, in well under a second, with the size in the message', () => {
    const big = new Uint8Array(50 * 1024 * 1024);
    const started = performance.now();
    try {
      readInputText(big);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ReadError);
      expect((e as ReadError).code).toBe('TOO_LARGE');
      expect((e as ReadError).message).toContain('50,0 MB');
      expect((e as ReadError).message).toContain('20,0 MB');
    }
    expect(performance.now() - started).toBeLessThan(1000); // issue 3: refused within a second, up front
  });
  it('accepts exactly the limit', () => {
    expect(() => assertInputSize(MAX_INPUT_BYTES)).not.toThrow();
    expect(() => assertInputSize(MAX_INPUT_BYTES + 1)).toThrow(ReadError);
  });
  it('recognises files that are not text', () => {
    const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    expect(() => readInputText(xlsx)).toThrow(/Excel/);
    expect(() => readInputText(utf8('%PDF-1.7\n'))).toThrow(/PDF/);
    expect(() => readInputText(Uint8Array.from([0x41, 0, 0x42, 0xff, 0]))).toThrow(/binarne/);
  });
  it('reads text that merely starts like a signature', () => {
    for (const text of ['P', 'PK', 'Priimek;Ime', '%', '%PD', '%;x', 'PK\u0003']) expect(readInputText(utf8(text))).toBe(text);
    expect(() => readInputText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04]))).toThrow(/Excel/);
  });
});

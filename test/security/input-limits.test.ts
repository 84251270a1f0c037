/**
 * Files over 20 MB are refused up front, with a clear message, on every path a file enters by
 * (issue 9): the SPOT downloads the content script reads, and the companion. (The popup's import
 * and backup restore: test/popup/backup.test.tsx; every reader: test/fuzz/documents.test.ts.)
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DownloadError, fetchSpotFile } from '../../src/content/download.ts';
import { ReadError } from '../../src/lib/errors.ts';
import { MAX_INPUT_BYTES } from '../../src/lib/limits.ts';
import { runCli } from '../companion/run.ts';

afterEach(() => vi.unstubAllGlobals());

function serve(response: { body?: Uint8Array; headers?: Record<string, string>; url?: string }) {
  const arrayBuffer = vi.fn(async () => (response.body ?? new Uint8Array()).buffer);
  const fetch = vi.fn(async (url: string) => ({
    ok: true, status: 200, url: response.url ?? url, arrayBuffer,
    headers: new Headers(response.headers ?? {}),
  }));
  vi.stubGlobal('fetch', fetch);
  return { fetch, arrayBuffer };
}

/** The content script hands a file's bytes to the background to be read; here it must never get that far. */
const neverRead = vi.fn(async () => { throw new Error('the file must be refused before it is read'); });

describe('SPOT downloads read by the content script', () => {
  it('refuses a file SPOT announces as larger than 20 MB before reading its body', async () => {
    const { arrayBuffer } = serve({ headers: { 'content-length': String(25 * 1024 * 1024) } });
    const error = await fetchSpotFile('https://spot.gov.si/files/velika.csv', neverRead).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect(error).toMatchObject({ code: 'TOO_LARGE', message: 'datoteka je prevelika (25,0 MB, največ 20 MB)' });
    expect(arrayBuffer).not.toHaveBeenCalled();
    expect(neverRead).not.toHaveBeenCalled();
  });

  it('refuses an unannounced file over 20 MB before decoding or parsing it', async () => {
    serve({ body: new Uint8Array(MAX_INPUT_BYTES + 1024 * 1024) });
    const error = await fetchSpotFile('https://spot.gov.si/files/velika.csv', neverRead).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect(error).toMatchObject({ code: 'TOO_LARGE', message: 'datoteka je prevelika (21,0 MB, največ 20 MB)' });
    expect(neverRead).not.toHaveBeenCalled();
  });

  it('fetches nothing that is not SPOT, and refuses a redirect away from SPOT', async () => {
    const { fetch } = serve({ body: new Uint8Array(10) });
    for (const url of ['https://spot.gov.si.evil.example/files/x.csv', 'http://spot.gov.si/files/x.csv', 'javascript:alert(1)', 'file:///etc/passwd']) {
      await expect(fetchSpotFile(url, neverRead)).rejects.toMatchObject({ code: 'NOT_SPOT' });
    }
    expect(fetch).not.toHaveBeenCalled();
    serve({ body: new Uint8Array(10), url: 'https://login.evil.example/' });
    await expect(fetchSpotFile('https://spot.gov.si/files/x.csv', neverRead)).rejects.toMatchObject({ code: 'NOT_SPOT' });
  });
});

describe('spot-companion', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spot-limits-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a file over 20 MB by its size, with the limit in the message', async () => {
    const big = join(dir, 'osnova.csv');
    writeFileSync(big, 'Leto;Mesec;Znesek\n');
    truncateSync(big, MAX_INPUT_BYTES + 1); // sparse: nothing to read, only the size says it
    const r = await runCli(['parse', big]);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Datoteka je prevelika: 20,0 MB, največ je dovoljeno 20,0 MB.');
  });
});

import { open } from 'node:fs/promises';
import { assertInputSize } from '../lib/limits.ts';
import { UsageError } from './errors.ts';

/**
 * Reads a file whole, refusing oversized input before reading it (limits.ts). One open, one
 * fstat, one read: batch commands call this for every file.
 */
export async function readInputFile(path: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw new UsageError(`Datoteke »${path}« ni mogoče odpreti: ${(e as NodeJS.ErrnoException).code ?? String(e)}.`);
  }
  try {
    const s = await handle.stat();
    if (!s.isFile()) throw new UsageError(`»${path}« ni datoteka.`);
    assertInputSize(s.size);
    return new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
}

import { readFile, stat } from 'node:fs/promises';
import { assertInputSize } from '../lib/limits.ts';
import { UsageError } from './errors.ts';

/** Reads a file whole, refusing oversized input before reading it (limits.ts). */
export async function readInputFile(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new UsageError(`»${path}« ni datoteka.`);
    size = s.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`Datoteke »${path}« ni mogoče odpreti: ${(e as NodeJS.ErrnoException).code ?? String(e)}.`);
  }
  assertInputSize(size);
  return new Uint8Array(await readFile(path));
}

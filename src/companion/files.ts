import { close, fstat, open, read } from 'node:fs';
import { assertInputSize } from '../lib/limits.ts';
import { UsageError } from './errors.ts';

/**
 * Reads a file whole, refusing oversized input before reading it (limits.ts). One open, one
 * fstat, reads into one buffer, one close — with the callback API, which costs a third of
 * the promise-based FileHandle's overhead: batch commands call this for every file.
 */
export function readInputFile(path: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    open(path, 'r', (openError, fd) => {
      if (openError) { reject(new UsageError(`Datoteke »${path}« ni mogoče odpreti: ${openError.code ?? String(openError)}.`)); return; }
      const finish = (error: unknown, bytes?: Uint8Array): void => close(fd, () => (error ? reject(error) : resolve(bytes!)));
      fstat(fd, (statError, s) => {
        if (statError) { finish(new UsageError(`Datoteke »${path}« ni mogoče prebrati: ${statError.code ?? String(statError)}.`)); return; }
        if (!s.isFile()) { finish(new UsageError(`»${path}« ni datoteka.`)); return; }
        try {
          assertInputSize(s.size);
        } catch (e) {
          finish(e);
          return;
        }
        const buffer = Buffer.allocUnsafe(s.size);
        const more = (filled: number): void => {
          if (filled === buffer.length) { finish(null, buffer); return; }
          read(fd, buffer, filled, buffer.length - filled, filled, (readError, n) => {
            if (readError) finish(new UsageError(`Datoteke »${path}« ni mogoče prebrati: ${readError.code ?? String(readError)}.`));
            else if (n === 0) finish(null, buffer.subarray(0, filled)); // the file shrank meanwhile
            else more(filled + n);
          });
        };
        more(0);
      });
    });
  });
}

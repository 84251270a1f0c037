import { ReadError } from '../lib/errors.ts';

/** A saved SPOT page ("Save page as"), read with the content scripts' own page readers. */
export function readSavedPage(_html: string, fileName: string): unknown {
  throw new ReadError('NOT_RECOGNISED', `Branje shranjenih strani SPOT (${fileName}) še ni na voljo.`);
}

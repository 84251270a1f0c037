import { computeCase } from '../../lib/compensation/index.ts';
import { decodeText } from '../../lib/encoding.ts';
import { readInputFile } from '../files.ts';
import { UsageError } from '../errors.ts';

/** `spot-companion compute CASE.json`: the engine's result as JSON (CASES.md). */
export async function computeCommand(args: string[]): Promise<unknown> {
  const [file, ...rest] = args;
  if (!file || rest.length > 0) throw new UsageError('Uporaba: spot-companion compute PRIMER.json');
  const text = decodeText(await readInputFile(file));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`»${file}« ni veljaven JSON: ${(e as Error).message}`);
  }
  return computeCase(json);
}

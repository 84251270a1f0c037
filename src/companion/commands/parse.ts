import { UsageError } from '../errors.ts';

export async function parseCommand(args: string[]): Promise<unknown> {
  throw new UsageError(`Še ni na voljo: ${args.join(' ')}`);
}

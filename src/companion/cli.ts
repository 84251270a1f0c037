import { computeCommand } from './commands/compute.ts';
import { parseCommand } from './commands/parse.ts';
import { opsvzCommand } from './commands/opsvz.ts';
import { describeError, UsageError } from './errors.ts';

const HELP = `spot-companion — lokalni pomočnik za SPOT (nič ne pošlje nikamor)

Uporaba:
  spot-companion compute PRIMER.json   izračun nadomestila (JSON na stdout)
  spot-companion parse DATOTEKA        prebere razkritje FURS (CSV/XML), eBOL XML ali shranjeno stran SPOT
  spot-companion opsvz --month LLLL-MM EBOL.xml…   polja OPSVZ 090/110/130/140 za samozaposlene
  spot-companion help                  ta pomoč

Izhod: JSON na stdout in koda 0; napaka na stderr in koda 1.`;

type Command = (args: string[]) => Promise<unknown>;

const COMMANDS: Record<string, Command> = {
  compute: computeCommand,
  parse: parseCommand,
  opsvz: opsvzCommand,
};

/** Runs one command; returns the exit code. Output is written here so commands stay testable. */
export async function main(argv: string[], io: { out: (s: string) => void; err: (s: string) => void } = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
}): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(`${HELP}\n`);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Neznan ukaz »${name}«.\n\n${HELP}\n`);
    return 1;
  }
  try {
    const result = await command(args);
    io.out(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (e) {
    io.err(`Napaka: ${describeError(e)}\n`);
    if (!(e instanceof UsageError) && process.env.SPOT_DEBUG) io.err(`${(e as Error).stack ?? ''}\n`);
    return 1;
  }
}

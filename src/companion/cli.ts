import { computeCommand } from './commands/compute.ts';
import { parseCommand } from './commands/parse.ts';
import { opsvzCommand } from './commands/opsvz.ts';
import { basesCommand } from './commands/bases.ts';
import { exportCommand } from './commands/export.ts';
import { configCommand, installCommand, nativeHostCommand } from './commands/native.ts';
import { describeError, UsageError } from './errors.ts';
import { Exit, type Io } from './io.ts';

const HELP = `spot-companion — lokalni pomočnik za SPOT (nič ne pošlje nikamor)

Uporaba:
  spot-companion compute PRIMER.json   izračun nadomestila (JSON na stdout)
  spot-companion parse DATOTEKA        prebere razkritje FURS (CSV/XML), eBOL XML ali shranjeno stran SPOT
  spot-companion opsvz --month LLLL-MM EBOL.xml…   polja OPSVZ 090/110/130/140 za samozaposlene
  spot-companion bases DATOTEKE|MAPE… [--format excel-si|csv|json] [--out DATOTEKA]
                                       urne osnove ZZZS in delodajalca za vse delavce iz razkritij FURS
                                       in potrdil eBOL/ePODK (mape se preberejo rekurzivno)
  spot-companion export DATOTEKE|MAPE… --what certificates|segments|claims [--format …] [--out DATOTEKA]
                                       izvozi CSV, kot jih naredi razširitev (potrdila, izračun, refundacije)
  spot-companion config [--export-dir MAPA] [--download-dir MAPA]
                                       mapa, kamor razširitev shranjuje izvoze, in mapa s prenosi
  spot-companion install-native-host --browser chromium|chrome|firefox [--extension-id ID] [--export-dir MAPA] [--uninstall]
                                       poveže razširitev s pomočnikom na tem računalniku
  spot-companion native-host           (zažene ga brskalnik; ne kličite ga sami)
  spot-companion help                  ta pomoč

Izhod: JSON ali tabela na stdout in koda 0; napaka na stderr in koda 1.
bases/export: povzetek (prebrano, preskočeno, neuspešno) na stderr; koda 0 le, če ni spodletela nobena datoteka.`;

/** A command returns a value printed as JSON, or an `Exit` when it wrote its own output. */
type Command = (args: string[], io: Io) => Promise<unknown>;

const COMMANDS: Record<string, Command> = {
  compute: computeCommand,
  parse: parseCommand,
  opsvz: opsvzCommand,
  bases: basesCommand,
  export: exportCommand,
  config: configCommand,
  'install-native-host': installCommand,
  'native-host': nativeHostCommand,
};

/** Runs one command; returns the exit code. Output is written here so commands stay testable. */
export async function main(argv: string[], io: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  errIsTTY: process.stderr.isTTY === true,
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
    const result = await command(args, io);
    if (result instanceof Exit) return result.code;
    io.out(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (e) {
    io.err(`Napaka: ${describeError(e)}\n`);
    if (!(e instanceof UsageError) && process.env.SPOT_DEBUG) io.err(`${(e as Error).stack ?? ''}\n`);
    return 1;
  }
}

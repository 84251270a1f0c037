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

/**
 * Each command is loaded when it is asked for: start-up stays short (the native host is
 * started by the browser for every message exchange, and a DOM for saved pages is heavy).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  compute: async () => (await import('./commands/compute.ts')).computeCommand,
  parse: async () => (await import('./commands/parse.ts')).parseCommand,
  opsvz: async () => (await import('./commands/opsvz.ts')).opsvzCommand,
  bases: async () => (await import('./commands/bases.ts')).basesCommand,
  export: async () => (await import('./commands/export.ts')).exportCommand,
  config: async () => (await import('./commands/native.ts')).configCommand,
  'install-native-host': async () => (await import('./commands/native.ts')).installCommand,
  'native-host': async () => (await import('./commands/native.ts')).nativeHostCommand,
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
  const load = COMMANDS[name];
  if (!load) {
    io.err(`Neznan ukaz »${name}«.\n\n${HELP}\n`);
    return 1;
  }
  try {
    const command = await load();
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

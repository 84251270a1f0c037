import { UsageError } from './errors.ts';

/**
 * The one argument parser of the companion's commands: `--name value`, `--name=value`,
 * flags without a value, `--` before file names that start with `--`. Unknown options and
 * missing values are usage errors that repeat the command's usage line.
 */
export type OptionSpec = Readonly<Record<string, 'value' | 'flag'>>;

export interface ParsedArgs {
  positional: string[];
  values: Record<string, string>;
  flags: Set<string>;
}

export function parseArgs(args: readonly string[], spec: OptionSpec, usage: string): ParsedArgs {
  const out: ParsedArgs = { positional: [], values: {}, flags: new Set() };
  let onlyPositional = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (onlyPositional || !arg.startsWith('--')) { out.positional.push(arg); continue; }
    if (arg === '--') { onlyPositional = true; continue; }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const kind = spec[name];
    if (!kind) throw new UsageError(`Neznana možnost »${arg}«.\n${usage}`);
    if (kind === 'flag') {
      if (eq >= 0) throw new UsageError(`Možnost ${name} nima vrednosti.\n${usage}`);
      out.flags.add(name);
      continue;
    }
    if (eq >= 0) { out.values[name] = arg.slice(eq + 1); continue; }
    const v = args[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`Možnost ${name} potrebuje vrednost.\n${usage}`);
    out.values[name] = v;
    i++;
  }
  return out;
}

/** A number option within [min, max]; `1,5` is read as 1.5. */
export function numberOption(name: string, text: string, min: number, max: number, usage: string, integer = false): number {
  const v = Number(text.replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
    throw new UsageError(`Možnost ${name}: pričakovano ${integer ? 'celo ' : ''}število od ${min} do ${max}, najdeno »${text}«.\n${usage}`);
  }
  return v;
}

/** One of a fixed set of words. */
export function choiceOption<const C extends string>(name: string, text: string | undefined, choices: readonly C[], fallback: C, usage: string): C {
  if (text === undefined) return fallback;
  if ((choices as readonly string[]).includes(text)) return text as C;
  throw new UsageError(`Možnost ${name}: pričakovano ${choices.join(' | ')}, najdeno »${text}«.\n${usage}`);
}

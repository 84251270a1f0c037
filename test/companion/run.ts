import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = resolve(ROOT, 'bin/spot-companion.js');

export interface CliOptions {
  cwd?: string;
  input?: string;
  /** Added to the environment (e.g. HOME, XDG_CONFIG_HOME, SPOT_COMPANION_CONFIG pointing into a temp dir). */
  env?: Record<string, string>;
}

/** Runs the real `spot-companion` binary as a user would. */
export function runCli(args: string[], options: CliOptions = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...options.env },
    }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** Starts the real binary with pipes, for commands that talk over stdin/stdout (native-host). */
export function startCli(args: string[], options: Omit<CliOptions, 'input'> = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, stdio: 'pipe' });
}

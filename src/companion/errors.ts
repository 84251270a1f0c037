/** An error the user caused (bad arguments, unreadable file): printed without a stack trace, exit 1. */
export class UsageError extends Error {
  readonly code = 'USAGE';
}

/** Turns any thrown value into one clear line for stderr. */
export function describeError(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return typeof code === 'string' && code !== 'USAGE' ? `${e.message} [${code}]` : e.message;
  }
  return String(e);
}

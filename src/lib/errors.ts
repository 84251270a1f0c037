/**
 * The one error type every reader in `src/lib` throws for bad input. Callers (popup,
 * companion CLI, content scripts) show `message` as is — it is Slovenian and says what was
 * expected and what was found — and may branch on `code`. Anything else thrown by a reader
 * is a bug, not a user error (the fuzz tests check this).
 */

export type ReadErrorCode =
  | 'TOO_LARGE'
  | 'EMPTY'
  | 'UNKNOWN_FORMAT'
  | 'NOT_RECOGNISED'
  | 'MISSING_COLUMNS'
  | 'MISSING_FIELDS'
  | 'CONFLICTING_HEADER'
  | 'BAD_NUMBER'
  | 'BAD_DATE'
  | 'BAD_VALUE'
  | 'XML_MALFORMED'
  | 'XML_DTD_FORBIDDEN'
  | 'XML_TOO_DEEP';

export interface ReadErrorDetails {
  /** Labels, columns or formats the reader looked for. */
  expected?: string[];
  /** What it found instead (header cells, element names, the offending text). */
  found?: string[];
  /** 1-based line in the decoded text, when known. */
  line?: number;
}

export class ReadError extends Error {
  override readonly name = 'ReadError';
  readonly code: ReadErrorCode;
  readonly expected?: string[];
  readonly found?: string[];
  readonly line?: number;
  /** Set by the file-level entry points so the UI can say which file failed. */
  fileName?: string;

  constructor(code: ReadErrorCode, message: string, details: ReadErrorDetails = {}) {
    super(details.line !== undefined ? `${message} (vrstica ${details.line})` : message);
    this.code = code;
    if (details.expected) this.expected = details.expected;
    if (details.found) this.found = details.found;
    if (details.line !== undefined) this.line = details.line;
  }

  /** Plain data, so the error survives structured cloning between extension contexts. */
  toJSON(): { code: ReadErrorCode; message: string; expected?: string[]; found?: string[]; line?: number; fileName?: string } {
    return {
      code: this.code, message: this.message,
      ...(this.expected ? { expected: this.expected } : {}),
      ...(this.found ? { found: this.found } : {}),
      ...(this.line !== undefined ? { line: this.line } : {}),
      ...(this.fileName !== undefined ? { fileName: this.fileName } : {}),
    };
  }
}

export function isReadError(e: unknown): e is ReadError {
  return e instanceof ReadError;
}

/** `»a«, »b«` — how messages quote labels, so that blank or odd labels stay visible. */
export function quoteList(items: readonly string[]): string {
  return items.length === 0 ? '(nič)' : items.map((s) => `»${s}«`).join(', ');
}

/** Cut long user text before putting it into a message. */
export function excerpt(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

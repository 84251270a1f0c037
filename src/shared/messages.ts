/**
 * Typed messages between the content scripts / extension pages and the background.
 *
 * `Protocol` maps a message name to its request and response types. It is empty here on
 * purpose: each feature declares its own messages in `src/shared/protocol/<feature>.ts` by
 * module augmentation, so nobody has to edit one shared list:
 *
 *   declare module '../messages.ts' {
 *     interface Protocol {
 *       'ui:listWorkers': { request: { employerTax: string }; response: WorkerRow[] };
 *     }
 *   }
 *
 * A name says where the message comes from: `content:` from a content script on a SPOT page,
 * `ui:` from the extension's own pages (popup, app tab). The background enforces it.
 *
 * Callers use `send(name, payload)`; the background answers with a `Result` envelope, and
 * `send` either returns the typed value or throws a `MessageError` with a Slovenian message.
 */
import browser from 'webextension-polyfill';
import sl from '../../public/_locales/sl/messages.json';

// Empty on purpose: filled by the files in src/shared/protocol/.
export interface Protocol {}

/** Where a message may come from; the prefix of every message name. */
export type Origin = 'content' | 'ui';
export const ORIGINS: readonly Origin[] = ['content', 'ui'];

export type MessageName = keyof Protocol & string;
export type RequestOf<K extends MessageName> = Protocol[K] extends { request: infer R } ? R : never;
export type ResponseOf<K extends MessageName> = Protocol[K] extends { response: infer R } ? R : never;

/** Compile-time check: every name in the protocol starts with a known origin. */
type BadNames = Exclude<MessageName, `${Origin}:${string}`>;
export type AssertNamesHaveOrigin = [BadNames] extends [never] ? true : { badMessageNames: BadNames };
const namesHaveOrigin: AssertNamesHaveOrigin = true;
void namesHaveOrigin;

/** What travels over `runtime.sendMessage`. The channel tag tells our envelopes apart. */
export const CHANNEL = 'spot-pomocnik/1';
export interface Envelope<K extends MessageName = MessageName> {
  channel: typeof CHANNEL;
  name: K;
  payload: RequestOf<K>;
}

export type ErrorCode =
  | 'BAD_ENVELOPE' // not one of our messages at all
  | 'UNKNOWN_MESSAGE' // no handler for that name
  | 'FORBIDDEN_SENDER' // e.g. a content: message from a page that is not SPOT
  | 'PAYLOAD_TOO_LARGE'
  | 'INVALID_PAYLOAD'
  | 'HANDLER_FAILED' // the handler threw something unexpected
  | 'NOT_FOUND' // for handlers: the thing asked for does not exist
  | 'STORAGE_FULL' // the browser refused a write (disk full or storage quota): nothing of it was stored
  | 'UNREACHABLE' // caller side: the background could not be reached
  | 'NO_RESPONSE'; // caller side: nobody answered

export interface WireError {
  code: ErrorCode;
  message: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: WireError };

/**
 * Slovenian text for an error code, from `_locales/sl` (the one source of the words), with
 * an optional detail after a colon (which message, which field).
 */
export function errorText(code: ErrorCode, detail?: string): string {
  const entry = (sl as Record<string, { message: string } | undefined>)[`error_${code}`];
  // The content script bundles no catalogue (its size budget): the browser's own answers there.
  const text = entry?.message ?? (browser.i18n.getMessage(`error_${code}`) || code);
  return detail ? `${text}: ${detail}` : text;
}

/** The error `send` throws and handlers may throw on purpose; `code` is for programs. */
export class MessageError extends Error {
  override readonly name = 'MessageError';
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string = errorText(code)) {
    super(message);
    this.code = code;
  }
  toWire(): WireError {
    return { code: this.code, message: this.message };
  }
}

export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.channel === CHANNEL && typeof v.name === 'string';
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.ok === true) return 'value' in v;
  if (v.ok === false) {
    const e = v.error as Record<string, unknown> | undefined;
    return typeof e?.code === 'string' && typeof e.message === 'string';
  }
  return false;
}

/** Sends a typed message to the background and returns its typed answer. */
export function send<K extends MessageName>(name: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope: Envelope<K> = { channel: CHANNEL, name, payload };
  let sent: Promise<unknown>;
  try {
    sent = browser.runtime.sendMessage(envelope);
  } catch (cause) {
    sent = Promise.reject(cause);
  }
  return receive<K>(sent);
}

/**
 * The typed answer to a message already sent (`runtime.sendMessage`'s promise): the value, or a
 * `MessageError` (the background's error, or UNREACHABLE / NO_RESPONSE).
 */
export async function receive<K extends MessageName>(sent: Promise<unknown>): Promise<ResponseOf<K>> {
  let answer: unknown;
  try {
    answer = await sent;
  } catch (cause) {
    const err = new MessageError('UNREACHABLE');
    (err as { cause?: unknown }).cause = cause;
    throw err;
  }
  if (!isResult(answer)) throw new MessageError('NO_RESPONSE');
  if (!answer.ok) throw new MessageError(answer.error.code, answer.error.message);
  return answer.value as ResponseOf<K>;
}

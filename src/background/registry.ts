/**
 * The one message registry of the background: a typed map from message name to its handler,
 * with the checks every message goes through before its handler sees it:
 *
 *   1. it is one of our envelopes (`{ channel, name, payload }`), else BAD_ENVELOPE;
 *   2. a handler exists for the name, else UNKNOWN_MESSAGE;
 *   3. the sender may send it (by the name's origin prefix), else FORBIDDEN_SENDER:
 *        `content:` only from a tab on https://spot.gov.si or a subdomain,
 *        `ui:`      only from the extension's own pages;
 *   4. the payload is not larger than the entry's `maxBytes`, else PAYLOAD_TOO_LARGE;
 *   5. the payload passes the entry's validator, else INVALID_PAYLOAD.
 *
 * A handler that fails because the browser refused to write (disk full, quota) answers
 * STORAGE_FULL; any other unexpected failure HANDLER_FAILED.
 *
 * Whatever happens, the answer is a `Result` envelope; nothing is thrown across.
 */
import type { Runtime } from 'webextension-polyfill';
import {
  isEnvelope,
  errorText,
  MessageError,
  ORIGINS,
  type MessageName,
  type Origin,
  type RequestOf,
  type ResponseOf,
  type Result,
} from '../shared/messages.ts';
import { isSpotUrl } from '../shared/spot.ts';
import { isQuotaError } from './storageErrors.ts';
import { jsonSize, type Validator } from './validate.ts';

export type Sender = Runtime.MessageSender;

/** Default size limit of a payload (UTF-8 JSON). Entries that carry files raise it. */
export const DEFAULT_MAX_BYTES = 64 * 1024;

export interface HandlerEntry<K extends MessageName> {
  validate: Validator<RequestOf<K>>;
  /** Largest accepted payload in bytes of JSON; default `DEFAULT_MAX_BYTES`. */
  maxBytes?: number;
  handle(payload: RequestOf<K>, sender: Sender): ResponseOf<K> | Promise<ResponseOf<K>>;
}

/** Every message of the protocol must have exactly one entry (checked by the compiler). */
export type HandlerMap = { [K in MessageName]: HandlerEntry<K> };

/** Declares the handlers of one feature; keeps each handler's payload type inferred. */
export function defineHandlers<K extends MessageName>(handlers: { [P in K]: HandlerEntry<P> }): {
  [P in K]: HandlerEntry<P>;
} {
  return handlers;
}

export interface SenderPolicy {
  /** `browser.runtime.id` */
  extensionId: string;
  /** `browser.runtime.getURL('')`, e.g. `chrome-extension://abc/` or `moz-extension://uuid/` */
  extensionOrigin: string;
}

export function originOf(name: string): Origin | null {
  const prefix = name.slice(0, name.indexOf(':'));
  return (ORIGINS as readonly string[]).includes(prefix) ? (prefix as Origin) : null;
}

/** Whether `sender` may send a message whose name has this origin. */
export function senderAllowed(origin: Origin, sender: Sender, policy: SenderPolicy): boolean {
  if (sender.id !== policy.extensionId) return false;
  switch (origin) {
    case 'content':
      // The sending document, and the tab around it when the browser tells us its URL.
      return sender.tab !== undefined && isSpotUrl(sender.url) && (sender.tab.url === undefined || isSpotUrl(sender.tab.url));
    case 'ui':
      return typeof sender.url === 'string' && sender.url.startsWith(policy.extensionOrigin);
  }
}

export interface Registry {
  /** Answers one incoming message; never rejects. */
  dispatch(message: unknown, sender: Sender): Promise<Result<unknown>>;
}

const fail = (error: MessageError): Result<never> => ({ ok: false, error: error.toWire() });

export function createRegistry(
  handlers: HandlerMap,
  policy: SenderPolicy,
  log: (...args: unknown[]) => void = console.error,
): Registry {
  const table = new Map<string, HandlerEntry<MessageName>>(
    Object.entries(handlers) as [string, HandlerEntry<MessageName>][],
  );
  for (const name of table.keys()) {
    if (!originOf(name)) throw new Error(`Message name without a known origin prefix: ${name}`);
  }

  async function dispatch(message: unknown, sender: Sender): Promise<Result<unknown>> {
    if (!isEnvelope(message)) return fail(new MessageError('BAD_ENVELOPE'));
    const { name, payload } = message;
    const entry = table.get(name);
    const origin = originOf(name);
    if (!entry || !origin) return fail(new MessageError('UNKNOWN_MESSAGE', errorText('UNKNOWN_MESSAGE', name)));
    if (!senderAllowed(origin, sender, policy)) {
      return fail(new MessageError('FORBIDDEN_SENDER', errorText('FORBIDDEN_SENDER', name)));
    }
    const maxBytes = entry.maxBytes ?? DEFAULT_MAX_BYTES;
    const size = jsonSize(payload);
    if (size > maxBytes) {
      return fail(new MessageError('PAYLOAD_TOO_LARGE', errorText('PAYLOAD_TOO_LARGE', `${name}, ${size} > ${maxBytes} B`)));
    }
    const problem = entry.validate.check(payload, '');
    if (problem) return fail(new MessageError('INVALID_PAYLOAD', errorText('INVALID_PAYLOAD', `${name}: ${problem}`)));
    try {
      return { ok: true, value: await entry.handle(payload, sender) };
    } catch (error) {
      if (error instanceof MessageError) return fail(error);
      log(`[spot-pomocnik] handler ${name} failed`, error);
      // Disk full or quota exceeded: the transaction was aborted, nothing of it remains.
      if (isQuotaError(error)) return fail(new MessageError('STORAGE_FULL'));
      return fail(new MessageError('HANDLER_FAILED', errorText('HANDLER_FAILED', name)));
    }
  }

  return { dispatch };
}

/**
 * The bridge to the local companion (`spot-companion native-host`), for the popup:
 * `ui:nativeStatus`, `ui:nativeSaveExport`, `ui:nativeNewFurs`.
 *
 * Optional by design: the extension works fully without the companion. The
 * `nativeMessaging` permission is optional (manifest `optional_permissions`); the popup
 * requests it on a click, and until it is granted these handlers never touch
 * `runtime.sendNativeMessage` (`ui:nativeStatus` answers `available: false`,
 * reason `noPermission`). Each call starts the host anew (`sendNativeMessage`): no state here.
 */
import browser from 'webextension-polyfill';
import {
  exportFileNameProblem, NATIVE_HOST_NAME, NATIVE_LIMITS,
  type NativeNewFurs, type NativeRequest, type NativeResponse, type NativeStatusAnswer, type NativeValues,
} from '../../shared/protocol/native.ts';
import { MessageError, errorText } from '../../shared/messages.ts';
import { t } from '../../shared/i18n.ts';
import { defineHandlers } from '../registry.ts';
import { empty, object, optional, string, type Validator } from '../validate.ts';

/** What the handlers need from the browser; tests pass a fake. */
export interface NativeBridge {
  hasPermission(): Promise<boolean>;
  /** Sends one message to the host and returns its answer; throws when the host cannot be started. */
  send(message: NativeRequest): Promise<unknown>;
}

export interface NativeDeps {
  native?: NativeBridge;
}

export const browserNativeBridge: NativeBridge = {
  hasPermission: () => browser.permissions.contains({ permissions: ['nativeMessaging'] }),
  send: (message) => browser.runtime.sendNativeMessage(NATIVE_HOST_NAME, message),
};

/** The host could not be started or reached (not installed, not allowed for this extension, crashed). */
class HostUnreachable extends Error {}

function isNativeResponse(v: unknown): v is NativeResponse {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  if (r.ok === true) return 'value' in r;
  const e = r.error as Record<string, unknown> | undefined;
  return r.ok === false && typeof e?.code === 'string' && typeof e.message === 'string';
}

/** Browsers' words for "no such host" (Chrome: "Specified native messaging host not found.", Firefox: "No such native application …"). */
const HOST_MISSING = /not found|no such native application|forbidden|not allowed/i;

async function call<C extends keyof NativeValues>(bridge: NativeBridge, request: NativeRequest & { command: C }): Promise<NativeValues[C]> {
  if (!(await bridge.hasPermission())) throw new MessageError('NOT_FOUND', t('native_reason_noPermission'));
  let answer: unknown;
  try {
    answer = await bridge.send(request);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw Object.assign(new HostUnreachable(message), { cause });
  }
  if (!isNativeResponse(answer)) throw new HostUnreachable(t('native_badAnswer'));
  if (!answer.ok) {
    // The host's own Slovenian message says what was wrong (name refused, no folder …).
    const code = answer.error.code === 'UNSAFE_NAME' || answer.error.code === 'BAD_REQUEST' ? 'INVALID_PAYLOAD' : 'HANDLER_FAILED';
    throw new MessageError(code, t('native_hostSaid', answer.error.message));
  }
  return answer.value as NativeValues[C];
}

/** A thrown HostUnreachable as the popup reads it. */
function unreachable(e: unknown): never {
  if (e instanceof HostUnreachable) {
    const missing = HOST_MISSING.test(e.message);
    throw new MessageError('NOT_FOUND', `${t(missing ? 'native_reason_hostMissing' : 'native_reason_hostFailed')} (${e.message})`);
  }
  throw e;
}

const exportFileName: Validator<string> = {
  check(value, path) {
    const problem = string({ max: 255 }).check(value, path);
    if (problem) return problem;
    const unsafe = exportFileNameProblem(value as string);
    return unsafe ? `${path}: ${t('native_unsafeName', value as string, t(`native_name_${unsafe}`))}` : null;
  },
};

const isoTimestamp = string({ max: 40, pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/ });

/** Pages of `listNewFurs` followed at most; each is under 1 MB. */
const MAX_PAGES = 32;

export function nativeHandlers({ native = browserNativeBridge }: NativeDeps = {}) {
  return defineHandlers({
    'ui:nativeStatus': {
      validate: empty(),
      async handle(): Promise<NativeStatusAnswer> {
        if (!(await native.hasPermission())) return { available: false, reason: 'noPermission' };
        try {
          const status = await call(native, { command: 'status' });
          return status.exportDir
            ? { available: true, folder: status.exportDir, version: status.version }
            : { available: true, reason: 'noFolder', version: status.version };
        } catch (e) {
          if (e instanceof HostUnreachable) {
            return { available: false, reason: HOST_MISSING.test(e.message) ? 'hostMissing' : 'hostFailed', detail: e.message };
          }
          if (e instanceof MessageError) return { available: false, reason: 'hostFailed', detail: e.message };
          throw e;
        }
      },
    },
    'ui:nativeSaveExport': {
      validate: object({ fileName: exportFileName, text: string({ max: NATIVE_LIMITS.exportBytes }) }),
      maxBytes: NATIVE_LIMITS.exportBytes + 4096,
      async handle({ fileName, text }) {
        if (new TextEncoder().encode(text).length > NATIVE_LIMITS.exportBytes) {
          throw new MessageError('PAYLOAD_TOO_LARGE', errorText('PAYLOAD_TOO_LARGE', `> ${NATIVE_LIMITS.exportBytes} B`));
        }
        const saved = await call(native, { command: 'saveExport', fileName, text }).catch(unreachable);
        return { path: saved.path };
      },
    },
    'ui:nativeNewFurs': {
      validate: object({ since: optional(isoTimestamp) }),
      async handle({ since }) {
        const all: NativeNewFurs = { files: [], tooLarge: [], ignored: 0, checkedAt: '' };
        let cursor: string | undefined;
        for (let page = 0; page < MAX_PAGES; page++) {
          const request = { command: 'listNewFurs' as const, ...(since ? { since } : {}), ...(cursor ? { cursor } : {}) };
          const part = await call(native, request).catch(unreachable);
          all.files.push(...part.files);
          all.tooLarge.push(...part.tooLarge);
          all.ignored += part.ignored;
          if (!all.checkedAt) all.checkedAt = part.checkedAt;
          cursor = part.next;
          if (!cursor) break;
        }
        if (cursor) all.next = cursor;
        return all;
      },
    },
  });
}

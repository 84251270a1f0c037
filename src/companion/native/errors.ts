import type { NativeErrorCode } from '../../shared/protocol/native.ts';

/** An error the host reports to the extension as `{ ok: false, error: { code, message } }` (Slovenian message). */
export class NativeError extends Error {
  constructor(readonly code: NativeErrorCode, message: string) {
    super(message);
  }
}

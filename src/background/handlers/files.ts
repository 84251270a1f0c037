/** `content:readFile`: a SPOT download read with the shared readers (see protocol/files.ts). */
import { readDocument } from '../../lib/documents.ts';
import { isReadError } from '../../lib/errors.ts';
import { MAX_INPUT_BYTES } from '../../lib/limits.ts';
import { fromBase64, MAX_FILE_MESSAGE_BYTES, type ReadFileResponse } from '../../shared/protocol/files.ts';
import { defineHandlers } from '../registry.ts';
import { object, string } from '../validate.ts';

export function fileHandlers() {
  return defineHandlers({
    'content:readFile': {
      validate: object({
        fileName: string({ max: 200 }),
        base64: string({ max: Math.ceil((MAX_INPUT_BYTES * 4) / 3) + 4, pattern: /^[A-Za-z0-9+/]*={0,2}$/ }),
      }),
      maxBytes: MAX_FILE_MESSAGE_BYTES,
      handle({ fileName, base64 }): ReadFileResponse {
        try {
          const document = readDocument(fromBase64(base64), fileName);
          if (document.type === 'disclosure' || document.type === 'certificates') return { ok: true, document };
          return { ok: false, code: 'UNEXPECTED', message: fileName };
        } catch (error) {
          if (isReadError(error)) return { ok: false, code: error.code, message: error.message };
          throw error;
        }
      },
    },
  });
}

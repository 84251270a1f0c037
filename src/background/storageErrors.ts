/**
 * Storage faults (issue 9). When the disk is full or the browser's storage quota is exceeded,
 * IndexedDB aborts the write transaction with a `QuotaExceededError` — so nothing of that
 * write remains (Dexie transactions are all or nothing). The registry turns such an error,
 * however deeply Dexie wrapped it, into the `STORAGE_FULL` answer, which the popup and the
 * in-page helper show as a clear sentence (`error_STORAGE_FULL`) instead of a generic failure.
 */

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED', 'NS_ERROR_FILE_NO_DEVICE_SPACE']);
/** The legacy DOMException code of QuotaExceededError. */
const QUOTA_CODE = 22;

/** Whether `error` (or what it wraps: Dexie's `inner`, `cause`, a bulk operation's `failures`) is a quota error. */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (depth > 6 || typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) return true;
  if (e.name !== undefined && e.code === QUOTA_CODE && error instanceof Error && e.name !== 'Error') return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  const failures = Array.isArray(e.failures) ? e.failures : e.failures && typeof e.failures === 'object' ? Object.values(e.failures) : [];
  return failures.some((f) => isQuotaError(f, depth + 1));
}

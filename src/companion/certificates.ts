import type { Certificate } from '../lib/certificates.ts';

/**
 * The same certificate in two files is one certificate (FORMATS.md: a repeat is an update,
 * never a duplicate). A cancellation is final, so a cancelled copy wins; otherwise the later
 * item (callers pass files in a stable order). `duplicates` are the copies that lost.
 */
export function mergeCertificates<T extends { certificate: Certificate }>(items: readonly T[]): { kept: T[]; duplicates: T[] } {
  const byNumber = new Map<string, T>();
  const duplicates: T[] = [];
  for (const item of items) {
    const prev = byNumber.get(item.certificate.number);
    if (prev) {
      if (prev.certificate.status === 'cancelled') { duplicates.push(item); continue; }
      duplicates.push(prev);
    }
    byNumber.set(item.certificate.number, item);
  }
  return { kept: [...byNumber.values()], duplicates };
}

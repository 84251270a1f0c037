/**
 * Each employer's certificates in date order, kept in the background's memory between
 * messages (kept.ts: dropped at the first write to `certificates`, from any module).
 *
 * Why: schema v5 has no index by employer and date. Every index costs Chromium one more entry
 * per stored row, about as much as the row itself, and storing is what a clerk does by the
 * thousand (issue 8); a list by date is what the popup shows now and then. So the employer's
 * certificates are read once through the `[employerTax+workerId]` index and sorted here; every
 * page, filter, count and export after that is a slice of this list until a certificate is
 * written.
 */
import { Dexie } from 'dexie';
import type { CertificateRow } from '../../shared/rows.ts';
import type { SpotDb } from '../db.ts';
import { kept } from './kept.ts';

/** Oldest first: by the first day of the sick leave, then by number (the order `[employerTax+from]` gave). */
export function compareByFrom(a: { from: string; number: string }, b: { from: string; number: string }): number {
  return a.from < b.from ? -1 : a.from > b.from ? 1 : a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
}

/** All of one employer's certificates, from any worker. Call inside a transaction, or through `certificatesByDate`. */
export function employerCertificates(db: SpotDb, employerTax: string): Promise<CertificateRow[]> {
  return db.certificates.where('[employerTax+workerId]').between([employerTax, Dexie.minKey], [employerTax, Dexie.maxKey], true, true).toArray();
}

/**
 * The employer's certificates, oldest first (`compareByFrom`). The rows are shared with later
 * callers: read them, copy what is handed on.
 */
export function certificatesByDate(db: SpotDb, employerTax: string): Promise<readonly CertificateRow[]> {
  return kept(db, ['certificates'], `certificatesByDate:${employerTax}`, async () => (await employerCertificates(db, employerTax)).sort(compareByFrom));
}

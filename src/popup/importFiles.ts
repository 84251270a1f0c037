/**
 * Importing files the user drops or picks: each file is read here (`readDocument`, the same
 * readers as the companion) and stored by one `ui:` message, i.e. one transaction in the
 * background — a file is stored whole or not at all; a file that fails is reported with the
 * reader's Slovenian message and the next file goes on.
 *
 * A file of more than `IMPORT_CERTIFICATES_PER_MESSAGE` certificates goes in parts of that
 * size, one transaction each, with the count stored so far shown on the file's row. When a
 * part fails, the message says how many were stored before it: storing is idempotent, so
 * importing the same file again stores the rest and duplicates nothing.
 *
 * A CSV whose table columns are not recognised (`MISSING_COLUMNS`) is read again with a
 * column mapping: one remembered for files of the same header signature, or one the user
 * makes in the mapping dialog (then remembered).
 */
import type { Certificate } from '../lib/certificates.ts';
import { readDocument } from '../lib/documents.ts';
import { headerSignature, readDisclosure, type ColumnMapping } from '../lib/disclosure/index.ts';
import { ReadError, isReadError } from '../lib/errors.ts';
import { t } from '../shared/i18n.ts';
import { IMPORT_CERTIFICATES_PER_MESSAGE, type ImportCertificatesResult } from '../shared/protocol/ui.ts';
import { call } from './api.ts';
import { offerInvoice } from './components/InvoiceInbox.ts';
import { errorMessage, showNumber } from './format.ts';

/** `invoice`: an eSLOG invoice, not stored but handed to the self-employed view (InvoiceInbox). */
export type FileStatus = 'waiting' | 'reading' | 'stored' | 'newVersion' | 'same' | 'invoice' | 'error';

export interface FileResult {
  name: string;
  status: FileStatus;
  /** What was stored, or why not (Slovenian reader messages stay as they are). */
  message: string;
  /** A disclosure stored without a worker: the user links it in the Workers or Compute view. */
  unlinked?: boolean;
}

export interface InputFile {
  name: string;
  bytes: () => Promise<Uint8Array>;
}

export interface ImportOptions {
  /** The selected employer: certificates and disclosures without an employer tax number go there. */
  employerTax: string | null;
  /** Asks the user which column holds which field; null when they cancel. */
  askMapping: (fileName: string, headers: string[]) => Promise<ColumnMapping | null>;
  onProgress: (index: number, result: FileResult) => void;
}

function certificateMessage(r: ImportCertificatesResult): { status: FileStatus; message: string } {
  const message = t('popup_importCertificates', String(r.added), String(r.updated), String(r.cancelled), String(r.unchanged));
  if (r.added > 0) return { status: 'stored', message };
  if (r.updated > 0 || r.cancelled > 0) return { status: 'newVersion', message };
  return { status: 'same', message };
}

/** A file's later part failed after earlier parts were stored; the message says how many. */
class PartialImportError extends Error {}

/**
 * Stores a file's certificates in parts of at most `IMPORT_CERTIFICATES_PER_MESSAGE`, adding up
 * what each part did; `onPart(stored)` after each part but the last.
 */
async function storeInParts(
  certificates: readonly Certificate[], fallbackEmployerTax: string | null, onPart: (stored: number) => void,
): Promise<ImportCertificatesResult> {
  const total: ImportCertificatesResult = { employers: [], added: 0, updated: 0, cancelled: 0, unchanged: 0 };
  // `start === 0`: a file without certificates still goes once, as before (the background answers with zeros).
  for (let start = 0; start < certificates.length || start === 0; start += IMPORT_CERTIFICATES_PER_MESSAGE) {
    const part = certificates.slice(start, start + IMPORT_CERTIFICATES_PER_MESSAGE);
    let r: ImportCertificatesResult;
    try {
      r = await call('ui:importCertificates', { certificates: part, fallbackEmployerTax: fallbackEmployerTax ?? total.employers[0] ?? null });
    } catch (e) {
      if (start === 0) throw e;
      throw new PartialImportError(t('popup_importPartial', showNumber(start), showNumber(certificates.length), errorMessage(e)));
    }
    for (const tax of r.employers) if (!total.employers.includes(tax)) total.employers.push(tax);
    total.added += r.added;
    total.updated += r.updated;
    total.cancelled += r.cancelled;
    total.unchanged += r.unchanged;
    const stored = start + part.length;
    if (stored < certificates.length) onPart(stored);
  }
  return total;
}

/** Imports the files one after another; returns every file's result (also reported through `onProgress`). */
export async function importFiles(files: readonly InputFile[], options: ImportOptions): Promise<FileResult[]> {
  const results: FileResult[] = files.map((f) => ({ name: f.name, status: 'waiting', message: '' }));
  const mappings = new Map<string, ColumnMapping | null>();
  let employerTax = options.employerTax;

  const readWithMapping = async (file: InputFile, bytes: Uint8Array, error: ReadError) => {
    const headers = error.found ?? [];
    const signature = headerSignature(headers);
    if (!mappings.has(signature)) {
      const remembered = await call('ui:getColumnMapping', { signature });
      if (remembered) mappings.set(signature, remembered);
      else {
        const made = await options.askMapping(file.name, headers);
        mappings.set(signature, made);
        if (made) await call('ui:saveColumnMapping', { signature, mapping: made });
      }
    }
    const mapping = mappings.get(signature);
    if (!mapping) throw new ReadError('MISSING_COLUMNS', t('popup_importNoMapping', error.message));
    return readDisclosure(bytes, file.name, { columnMapping: mapping });
  };

  for (const [index, file] of files.entries()) {
    const report = (r: Omit<FileResult, 'name'>) => {
      results[index] = { name: file.name, ...r };
      options.onProgress(index, results[index]);
    };
    report({ status: 'reading', message: '' });
    try {
      const bytes = await file.bytes();
      let doc;
      try {
        doc = readDocument(bytes, file.name);
      } catch (e) {
        if (isReadError(e) && e.code === 'MISSING_COLUMNS' && e.found?.length) doc = await readWithMapping(file, bytes, e);
        else throw e;
      }
      switch (doc.type) {
        case 'certificates': {
          const { certificates } = doc;
          const r = await storeInParts(certificates, employerTax, (stored) => {
            report({ status: 'reading', message: t('popup_importStoredSoFar', showNumber(stored), showNumber(certificates.length)) });
          });
          employerTax ??= r.employers[0] ?? null;
          report(certificateMessage(r));
          break;
        }
        case 'disclosure': {
          const r = await call('ui:importDisclosure', { disclosure: doc, fallbackEmployerTax: employerTax, fileName: file.name });
          employerTax ??= r.employerTax;
          const unlinked = r.workerId === null;
          const message = [t(`popup_importDisclosure_${r.status}`), unlinked ? t('popup_importUnlinked') : ''].filter(Boolean).join(' ');
          report({ status: r.status === 'new' ? 'stored' : r.status, message, unlinked });
          break;
        }
        case 'html':
          report({ status: 'error', message: t('popup_importHtml') });
          break;
        case 'invoice':
          // FURS's contribution invoice is checked in the self-employed view, not stored.
          offerInvoice({ fileName: file.name, invoice: doc });
          report({ status: 'invoice', message: t('se_importInvoice') });
          break;
      }
    } catch (e) {
      report({ status: 'error', message: e instanceof PartialImportError ? e.message : errorMessage(e) });
    }
  }
  return results;
}

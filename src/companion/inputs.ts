import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { readDocument } from '../lib/documents.ts';
import { readInputText } from '../lib/encoding.ts';
import { latestVersions } from '../lib/assemble.ts';
import type { Certificate } from '../lib/certificates.ts';
import type { Disclosure } from '../lib/disclosure/model.ts';
import { describeError } from './errors.ts';
import { readInputFile } from './files.ts';
import { mergeCertificates } from './certificates.ts';
import { looksLikeWorkerList, readWorkerList, type WorkerListEntry } from './workerList.ts';

/**
 * The input side of the batch commands (`bases`, `export`): files and folders in, every
 * FURS disclosure, eBOL/ePODK certificate and worker list read, and an account of every
 * file — read, skipped (with the reason) or failed (with the error). No state: the files
 * are the input.
 *
 * - Folders are walked recursively; in them only `.csv`, `.tsv` and `.xml` are read, hidden
 *   files and folders (`.name`) are passed over silently, symbolic links are not followed.
 *   Other files are skipped ("not a CSV/XML file"). A file named on the command line is
 *   always read, whatever its name.
 * - A CSV/XML that cannot be read fails (a FURS file whose layout changed must not
 *   disappear silently). eSLOG invoices and saved HTML pages are skipped: they hold no base
 *   data or certificates.
 * - Byte-identical files are read once (the later ones are skipped as duplicates); of two
 *   versions of one FURS query the newer (later validity date) is used; a certificate in
 *   several files is one certificate (a cancelled copy wins).
 */

export interface ReadDisclosure { file: string; disclosure: Disclosure }
export interface ReadCertificate { file: string; certificate: Certificate }
export interface FileNote { file: string; reason: string }

export interface ReadSet {
  disclosures: ReadDisclosure[];
  /** Merged: one per certificate number. */
  certificates: ReadCertificate[];
  workers: WorkerListEntry[];
  /** Files whose content was used, by kind. */
  read: { disclosures: number; certificates: number; workerLists: number };
  skipped: FileNote[];
  failed: FileNote[];
}

const READ_IN_FOLDERS = new Set(['.csv', '.tsv', '.xml']);
/** Files read at the same time: enough to overlap disk and parsing, few enough for memory (20 MB each at most). */
export const READ_CONCURRENCY = 16;

interface InputFile { path: string; shown: string }

/** The files to read, in a stable order, and what was passed over while walking. */
export async function collectFiles(paths: readonly string[]): Promise<{ files: InputFile[]; skipped: FileNote[]; failed: FileNote[] }> {
  const files: InputFile[] = [];
  const skipped: FileNote[] = [];
  const failed: FileNote[] = [];
  const seen = new Set<string>();
  for (const arg of paths) {
    let s;
    try {
      s = await stat(arg);
    } catch (e) {
      failed.push({ file: arg, reason: `ni mogoče odpreti (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
      continue;
    }
    if (s.isDirectory()) {
      const entries = await readdir(arg, { recursive: true, withFileTypes: true });
      const found: InputFile[] = [];
      for (const d of entries) {
        if (!d.isFile()) continue;
        const full = join(d.parentPath, d.name);
        const rel = relative(arg, full);
        if (rel.split(sep).some((part) => part.startsWith('.'))) continue;
        if (!READ_IN_FOLDERS.has(extname(d.name).toLowerCase())) {
          skipped.push({ file: full, reason: extname(d.name).toLowerCase() === '.json' ? 'datoteka JSON (primer izračuna beri z »spot-companion compute«)' : 'ni datoteka CSV ali XML' });
          continue;
        }
        found.push({ path: full, shown: full });
      }
      files.push(...found.sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0)));
    } else {
      files.push({ path: arg, shown: arg });
    }
  }
  const unique = files.filter((f) => {
    const key = resolve(f.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { files: unique, skipped, failed };
}

type Outcome =
  | { kind: 'disclosure'; disclosure: Disclosure; hash: string }
  | { kind: 'certificates'; certificates: Certificate[]; hash: string }
  | { kind: 'workers'; workers: WorkerListEntry[]; hash: string }
  | { kind: 'skipped'; reason: string; hash: string }
  | { kind: 'failed'; reason: string; hash?: string };

async function readOne(file: InputFile): Promise<Outcome> {
  let bytes: Uint8Array;
  try {
    bytes = await readInputFile(file.path);
  } catch (e) {
    return { kind: 'failed', reason: describeError(e) };
  }
  const hash = createHash('sha1').update(bytes).digest('hex');
  try {
    const text = readInputText(bytes);
    if (looksLikeWorkerList(text)) return { kind: 'workers', workers: readWorkerList(text), hash };
    const doc = readDocument(text, basename(file.path));
    switch (doc.type) {
      case 'disclosure': return { kind: 'disclosure', disclosure: doc, hash };
      case 'certificates': return { kind: 'certificates', certificates: doc.certificates, hash };
      case 'html': return { kind: 'skipped', reason: 'shranjena stran HTML (ni razkritje FURS ali potrdilo eBOL)', hash };
      default: return { kind: 'skipped', reason: 'e-račun FURS (eSLOG): ni podatek za osnovo', hash };
    }
  } catch (e) {
    return { kind: 'failed', reason: describeError(e), hash };
  }
}

/** Runs `fn` over `items` with at most `limit` at once; results keep the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>, onDone?: () => void): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
      onDone?.();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Reads every input; `onProgress(done, total)` after each file. */
export async function readInputs(paths: readonly string[], onProgress?: (done: number, total: number) => void): Promise<ReadSet> {
  const { files, skipped, failed } = await collectFiles(paths);
  let done = 0;
  const outcomes = await mapLimit(files, READ_CONCURRENCY, readOne, () => onProgress?.(++done, files.length));

  const set: ReadSet = { disclosures: [], certificates: [], workers: [], read: { disclosures: 0, certificates: 0, workerLists: 0 }, skipped, failed };
  const firstWithHash = new Map<string, string>();
  const certificateItems: ReadCertificate[] = [];
  outcomes.forEach((o, i) => {
    const file = files[i]!.shown;
    if (o.hash) {
      const earlier = firstWithHash.get(o.hash);
      if (earlier !== undefined) { set.skipped.push({ file, reason: `enaka vsebina kot »${earlier}«` }); return; }
      firstWithHash.set(o.hash, file);
    }
    switch (o.kind) {
      case 'disclosure': set.disclosures.push({ file, disclosure: o.disclosure }); break;
      case 'certificates':
        set.read.certificates++;
        for (const certificate of o.certificates) certificateItems.push({ file, certificate });
        break;
      case 'workers': set.read.workerLists++; set.workers.push(...o.workers); break;
      case 'skipped': set.skipped.push({ file, reason: o.reason }); break;
      case 'failed': set.failed.push({ file, reason: o.reason }); break;
    }
  });

  // Two versions of one FURS query: the newer one is used (the same rule the engine's input uses).
  const kept = new Set(latestVersions(set.disclosures.map((d) => d.disclosure)));
  const fileOf = new Map(set.disclosures.map((d) => [d.disclosure, d.file]));
  for (const d of set.disclosures) {
    if (kept.has(d.disclosure)) continue;
    const newer = [...kept].find((k) => k.queryNumber === d.disclosure.queryNumber);
    const same = newer?.validUntil === d.disclosure.validUntil;
    set.skipped.push({
      file: d.file,
      reason: same
        ? `ista poizvedba ${d.disclosure.queryNumber} je že v »${newer ? fileOf.get(newer) : '?'}«`
        : `starejša različica poizvedbe ${d.disclosure.queryNumber} (novejša je v »${newer ? fileOf.get(newer) : '?'}«)`,
    });
  }
  set.disclosures = set.disclosures.filter((d) => kept.has(d.disclosure));
  set.read.disclosures = set.disclosures.length;
  set.certificates = mergeCertificates(certificateItems).kept;
  return set;
}

import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { readDocument } from '../../lib/documents.ts';
import { readInputText } from '../../lib/encoding.ts';
import { MAX_INPUT_BYTES } from '../../lib/limits.ts';
import { NATIVE_LIMITS, type NativeFursFile, type NativeNewFurs } from '../../shared/protocol/native.ts';
import { readInputFile } from '../files.ts';
import { NativeError } from './errors.ts';

/**
 * `listNewFurs`: FURS files (disclosure CSV/XML, eBOL/ePODK XML) that appeared in the
 * download folder since `since`, with their text, for the extension to read with its own
 * readers. Only the folder itself (not subfolders), only `.csv`/`.tsv`/`.xml`, no symbolic
 * links, only files the readers recognise; anything else is counted as `ignored`, never
 * sent. Stateless: the extension passes back `checkedAt` as the next `since`.
 *
 * One answer must stay under the browsers' 1 MB limit: files go in order of modification
 * time until the page is full, and `next` (a cursor: time and name of the last file sent)
 * asks for the rest. A single file too large for any page is named in `tooLarge`.
 */
const EXTENSIONS = new Set(['.csv', '.tsv', '.xml']);
const DEFAULT_DAYS = 30;
/** Room left in a page for the envelope around the files. */
const PAGE_BYTES = NATIVE_LIMITS.toExtensionBytes - 16 * 1024;

interface Candidate { name: string; path: string; mtimeMs: number; size: number }

function parseCursor(cursor: string | undefined): { mtimeMs: number; name: string } | null {
  if (cursor === undefined) return null;
  const m = /^(\d+(?:\.\d+)?)\|(.+)$/s.exec(cursor);
  if (!m) throw new NativeError('BAD_REQUEST', 'Neveljaven »cursor«: pričakovana vrednost »next« iz prejšnjega odgovora.');
  return { mtimeMs: Number(m[1]), name: m[2]! };
}

function parseSince(since: string | undefined, now: Date): number {
  if (since === undefined) return now.getTime() - DEFAULT_DAYS * 24 * 3600 * 1000;
  const t = Date.parse(since);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(since) || Number.isNaN(t)) throw new NativeError('BAD_REQUEST', `»since« mora biti časovni žig ISO (npr. 2025-03-15T10:00:00Z), najdeno »${since}«.`);
  return t;
}

const byTimeThenName = (a: { mtimeMs: number; name: string }, b: { mtimeMs: number; name: string }): number =>
  a.mtimeMs - b.mtimeMs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export async function listNewFurs(dir: string, options: { since?: string; cursor?: string; now?: Date } = {}): Promise<NativeNewFurs> {
  const now = options.now ?? new Date();
  const sinceMs = parseSince(options.since, now);
  const after = parseCursor(options.cursor);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw new NativeError('READ_FAILED', `Mape za prenose »${dir}« ni mogoče prebrati (${(e as NodeJS.ErrnoException).code ?? String(e)}). Nastavite jo z ukazom »spot-companion config --download-dir MAPA«.`);
  }
  const candidates: Candidate[] = [];
  for (const d of entries) {
    if (!d.isFile() || d.name.startsWith('.') || !EXTENSIONS.has(extname(d.name).toLowerCase())) continue;
    const path = join(dir, d.name);
    const s = await stat(path).catch(() => null);
    if (!s || s.mtimeMs <= sinceMs) continue;
    const c = { name: d.name, path, mtimeMs: s.mtimeMs, size: s.size };
    if (after && byTimeThenName(c, after) <= 0) continue;
    candidates.push(c);
  }
  candidates.sort(byTimeThenName);

  const answer: NativeNewFurs = { files: [], tooLarge: [], ignored: 0, checkedAt: now.toISOString() };
  let used = 0;
  let last: Candidate | null = null;
  for (const c of candidates) {
    const file = c.size <= MAX_INPUT_BYTES ? await fursFile(c) : null;
    if (!file) { answer.ignored++; last = c; continue; }
    const bytes = Buffer.byteLength(JSON.stringify(file), 'utf8');
    if (bytes > PAGE_BYTES) {
      answer.tooLarge.push({
        name: c.name, size: c.size,
        message: `Datoteka »${c.name}« (${Math.round(c.size / 1024)} kB) je prevelika za prenos v razširitev (največ 1 MB na sporočilo). Odprite jo v razširitvi ročno ali jo obdelajte z ukazom »spot-companion bases«.`,
      });
      last = c;
      continue;
    }
    if (used + bytes > PAGE_BYTES) {
      if (last) answer.next = `${last.mtimeMs}|${last.name}`;
      break;
    }
    used += bytes;
    answer.files.push(file);
    last = c;
  }
  return answer;
}

async function fursFile(c: Candidate): Promise<NativeFursFile | null> {
  try {
    const text = readInputText(await readInputFile(c.path));
    const doc = readDocument(text, c.name);
    if (doc.type !== 'disclosure' && doc.type !== 'certificates') return null;
    return { name: c.name, modifiedAt: new Date(c.mtimeMs).toISOString(), size: c.size, type: doc.type, text };
  } catch {
    return null;
  }
}

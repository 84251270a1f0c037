/**
 * The A1 postings register (table `postings`, RULES §9). A row keeps the posting in `data`
 * (`StoredPosting`: the `Posting` plus the day its application was filed), indexed by
 * employer, worker and start. The worker is the employer's stored worker with the same EMŠO,
 * or the id that worker will get when a certificate of theirs is stored (`<tax>:E<EMŠO>`), so
 * no worker row is made up here.
 *
 * Every saved posting is checked with `checkPosting` against the employer's other postings:
 * what makes it meaningless (a bad EMŠO or date, an end before the start, a country without
 * A1, no name) is refused; everything else (too early, retroactive, over 24 months, an
 * overlap, a missing client or task) is stored and shown next to the fields, so a draft is
 * never lost.
 */
import { checkPosting, type Posting } from '../../lib/a1.ts';
import type { IsoDate } from '../../lib/dates.ts';
import { MessageError, errorText } from '../../shared/messages.ts';
import {
  A1_REFUSED_CODES, A1_REQUIRED_FIELDS, type PostingInput, type PostingView, type SavePostingRequest, type StoredPosting,
} from '../../shared/protocol/a1.ts';
import type { PostingRow } from '../../shared/rows.ts';
import type { IsoTimestamp } from '../../shared/spot.ts';
import type { SpotDb } from '../db.ts';
import { recordChange } from './history.ts';
import { employerWorkers, workerId } from './workers.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The posting of a stored row (with the row's id), or null when the row holds something else. */
export function postingOf(row: PostingRow): (Posting & { filedOn: IsoDate | null }) | null {
  const d = row.data;
  if (!isRecord(d) || !isRecord(d.person) || !isRecord(d.client) || typeof d.start !== 'string' || typeof d.end !== 'string') return null;
  const { filedOn, ...posting } = d as unknown as StoredPosting;
  return { ...(posting as PostingInput), id: row.id, filedOn: typeof filedOn === 'string' ? filedOn : null };
}

/** The checks of a posting: as of the day it was filed, or today when it was not filed yet. */
export function postingIssues(posting: Posting, filedOn: IsoDate | null, today: IsoDate, others: readonly Posting[]) {
  return checkPosting(posting, filedOn ?? today, others);
}

function viewsOf(rows: readonly PostingRow[], today: IsoDate): PostingView[] {
  const postings = rows.map((r) => ({ row: r, p: postingOf(r) })).filter((x): x is { row: PostingRow; p: NonNullable<ReturnType<typeof postingOf>> } => x.p !== null);
  const all = postings.map((x) => x.p);
  return postings.map(({ row, p }) => {
    const { filedOn, ...posting } = p;
    return { id: row.id!, employerTax: row.employerTax, posting, filedOn, issues: postingIssues(posting, filedOn, today, all) };
  });
}

const byStart = (a: PostingView, b: PostingView): number =>
  a.posting.start < b.posting.start ? -1 : a.posting.start > b.posting.start ? 1 : a.id - b.id;

/** The employer's postings by start, each with its checks. */
export async function listPostingViews(db: SpotDb, employerTax: string, today: IsoDate): Promise<PostingView[]> {
  const rows = await db.postings.where('employerTax').equals(employerTax).toArray();
  return viewsOf(rows, today).sort(byStart);
}

/** For SPOT's A1 form: postings ready to file first, then those with problems, then those already filed. */
export function orderForForm(views: readonly PostingView[]): PostingView[] {
  const rank = (v: PostingView) => (v.filedOn ? 2 : v.issues.length > 0 ? 1 : 0);
  return [...views].sort((a, b) => rank(a) - rank(b) || byStart(a, b));
}

/** Trims every text; optional texts left empty are removed. */
export function cleanPosting(p: PostingInput): PostingInput {
  const opt = (v: string | undefined) => (v !== undefined && v.trim() !== '' ? v.trim() : undefined);
  const person: PostingInput['person'] = { emso: p.person.emso.replace(/\s/g, ''), name: p.person.name.trim(), surname: p.person.surname.trim() };
  for (const key of ['surnameAtBirth', 'birthPlace', 'citizenship', 'addressInSlovenia', 'addressAbroad'] as const) {
    const v = opt(p.person[key]);
    if (v !== undefined) person[key] = v;
  }
  const out: PostingInput = {
    person,
    country: p.country.trim().toUpperCase(),
    placeOfWork: p.placeOfWork.trim(),
    client: { name: p.client.name.trim(), address: p.client.address.trim(), taxNumber: p.client.taxNumber.trim() },
    tasks: p.tasks.trim(),
    start: p.start,
    end: p.end,
  };
  if (p.originalBasis) out.originalBasis = p.originalBasis;
  return out;
}

/** Slovenian names of the fields checks name, for the refusal message. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  'person.emso': 'EMŠO', 'person.name': 'ime', 'person.surname': 'priimek', country: 'država', start: 'začetek napotitve', end: 'konec napotitve',
};

async function workerIdOf(db: SpotDb, employerTax: string, emso: string): Promise<string> {
  const worker = (await employerWorkers(db, employerTax).toArray()).find((w) => w.emso === emso);
  return worker?.id ?? workerId(employerTax, `E${emso}`);
}

/**
 * Stores a new posting or replaces one (one transaction). Refuses a posting whose checks say
 * it cannot be one, with the checks' Slovenian words; answers the stored posting with its checks.
 */
export async function savePosting(db: SpotDb, req: SavePostingRequest, today: IsoDate, now: IsoTimestamp): Promise<PostingView> {
  const posting = cleanPosting(req.posting);
  if (req.filedOn !== null && req.filedOn > today) {
    throw new MessageError('INVALID_PAYLOAD', `Datum oddaje vloge (${req.filedOn}) je v prihodnosti.`);
  }
  return db.transaction('rw', [db.postings, db.workers, db.history], async () => {
    const rows = await db.postings.where('employerTax').equals(req.employerTax).toArray();
    const existing = req.id === null ? null : rows.find((r) => r.id === req.id) ?? null;
    if (req.id !== null && !existing) throw new MessageError('NOT_FOUND', errorText('NOT_FOUND', `napotitev ${req.id}`));
    const others = rows.filter((r) => r.id !== req.id).map(postingOf).filter((p): p is NonNullable<typeof p> => p !== null);
    const candidate: Posting = { ...posting, ...(req.id !== null ? { id: req.id } : {}) };
    const issues = postingIssues(candidate, req.filedOn, today, others);
    const refused = issues.filter((i) => A1_REFUSED_CODES.includes(i.code) || (i.code === 'MISSING_FIELD' && A1_REQUIRED_FIELDS.includes(i.field)));
    if (refused.length > 0) {
      throw new MessageError('INVALID_PAYLOAD', `Napotitve ni mogoče shraniti: ${refused.map((i) => `${FIELD_NAMES[i.field] ?? i.field}: ${i.sl}`).join(' ')}`);
    }
    const data: StoredPosting = { ...posting, filedOn: req.filedOn };
    const row: PostingRow = {
      employerTax: req.employerTax, workerId: await workerIdOf(db, req.employerTax, posting.person.emso), start: posting.start, end: posting.end, data,
    };
    let id: number;
    if (existing) {
      id = existing.id!;
      await db.postings.put({ ...row, id });
    } else {
      id = await db.postings.add(row);
    }
    await recordChange(db, 'postings', String(id), now, existing ? { updated: data } : { created: data });
    const saved: Posting = { ...posting, id };
    return { id, employerTax: req.employerTax, posting: saved, filedOn: req.filedOn, issues: postingIssues(saved, req.filedOn, today, others) };
  });
}

export async function deletePosting(db: SpotDb, employerTax: string, id: number, now: IsoTimestamp): Promise<void> {
  await db.transaction('rw', db.postings, db.history, async () => {
    const row = await db.postings.get(id);
    if (!row || row.employerTax !== employerTax) throw new MessageError('NOT_FOUND', errorText('NOT_FOUND', `napotitev ${id}`));
    await db.postings.delete(id);
    // The history keeps what was deleted: nothing is lost by a wrong click.
    await recordChange(db, 'postings', String(id), now, { deleted: row.data });
  });
}

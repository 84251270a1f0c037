/**
 * eBOL list adapter: has the background read the rows' cell texts into certificates (the
 * parsers and check digits live there: issue 8, the content script's size) and stores them —
 * on load and after every in-place re-render (paging, sorting) — but only rows that changed
 * since the last send; puts a "stored" badge next to every stored certificate number.
 */
import type { Certificate } from '../../lib/certificates.ts';
import { describeError, t } from '../../shared/i18n.ts';
import type { EbolCells } from '../../shared/pages/ebolList.ts';
import type { EbolRowRead } from '../../shared/pages/ebolRow.ts';
import type { EbolCellsPage, EbolCellsRow, RowProblem } from '../../shared/pages/types.ts';
import {
  MAX_CELL_CHARS, MAX_CERTIFICATES_PER_MESSAGE, MAX_NUMBERS_PER_MESSAGE, MAX_ROWS_PER_MESSAGE, type StoreCertificatesResponse,
} from '../../shared/protocol/spot.ts';
import { addBadge } from '../badges.ts';
import type { ContentContext } from '../context.ts';
import type { EmployerResolver } from '../employer.ts';
import type { Counts } from '../panel/model.ts';

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** The cell texts as they are sent to be read, and the key of what was read from them. */
function sentCells(cells: EbolCells): { cells: EbolCells; key: string } {
  const out: EbolCells = {};
  for (const [f, text] of Object.entries(cells) as [keyof EbolCells, string][]) out[f] = text.slice(0, MAX_CELL_CHARS);
  return { cells: out, key: JSON.stringify(out) };
}

/** Most row readings remembered (a long session of paging forgets the oldest all at once). */
const READ_MEMO = 5000;

export class EbolListAdapter {
  /** Cell texts (as sent) → what the background read from them: a row read once per page life. */
  private readonly reads = new Map<string, EbolRowRead>();
  /** number → what was last sent for it (with the employer), to send only what changed. */
  private readonly lastSent = new Map<string, string>();
  private readonly stored = new Set<string>();
  private counts: Counts | null = null;
  /** The number cells of the rows last read that hold a certificate (for the badges). */
  private numbered: { cell: Element; number: string }[] = [];

  constructor(private readonly ctx: ContentContext, private readonly employer: EmployerResolver) {}

  /** Forget what was sent (e.g. after the user chose another employer). */
  reset(): void {
    this.lastSent.clear();
    this.stored.clear();
  }

  /** The certificate read from a row, when the background has read it. */
  certificateOf(row: EbolCellsRow): Certificate | null {
    const read = this.reads.get(sentCells(row.cells).key);
    return read && 'certificate' in read ? read.certificate : null;
  }

  /** Each row's reading, in order; only rows not read before go to the background. */
  private async read(rows: readonly EbolCellsRow[]): Promise<EbolRowRead[]> {
    if (this.reads.size > READ_MEMO) this.reads.clear();
    const sent = rows.map((r) => sentCells(r.cells));
    // Each distinct row once (a table may repeat one).
    const unknown = [...new Map(sent.filter((s) => !this.reads.has(s.key)).map((s) => [s.key, s.cells])).entries()];
    for (const batch of chunks(unknown, MAX_ROWS_PER_MESSAGE)) {
      const answer = await this.ctx.send('content:readEbolRows', { rows: batch.map(([, cells]) => cells) });
      batch.forEach(([key], i) => {
        const read = answer.rows[i];
        if (read) this.reads.set(key, read);
      });
    }
    return sent.map((s) => this.reads.get(s.key) ?? { problem: '', number: null });
  }

  async onPage(page: EbolCellsPage): Promise<void> {
    const { store, send } = this.ctx;
    store.set({ empty: page.empty });
    let reads: EbolRowRead[];
    try {
      reads = await this.read(page.rows);
    } catch (error) {
      store.set({ error: t('panel_store_failed', describeError(error)) });
      return;
    }
    const certificates: Certificate[] = [];
    const problems: RowProblem[] = [];
    this.numbered = [];
    page.rows.forEach((row, i) => {
      const read = reads[i]!;
      if ('problem' in read) {
        problems.push({ row: row.position, number: read.number, reason: read.problem });
      } else {
        certificates.push(read.certificate);
        this.numbered.push({ cell: row.numberCell, number: read.certificate.number });
      }
    });
    store.set({ problems });
    this.badge();
    if (certificates.length === 0) return;
    const employer = await this.employer.resolve(page.employer);
    const employerTax = employer.taxNumber;

    const unknown = certificates.map((c) => c.number).filter((n) => !this.stored.has(n));
    if (unknown.length > 0) {
      try {
        const { stored } = await send('content:listStoredNumbers', { employerTax, numbers: unknown.slice(0, MAX_NUMBERS_PER_MESSAGE) });
        for (const n of stored) this.stored.add(n);
        this.badge();
      } catch {
        // Only the badges wait; storing below says what went wrong.
      }
    }

    const keyOf = (c: Certificate) => `${employerTax}|${JSON.stringify(c)}`;
    const changed = certificates.filter((c) => this.lastSent.get(c.number) !== keyOf(c));
    if (changed.length === 0) return;
    for (const batch of chunks(changed, MAX_CERTIFICATES_PER_MESSAGE)) {
      let result: StoreCertificatesResponse;
      try {
        result = await send('content:storeCertificates', {
          employerTax, employerName: employer.fromPage ? employer.name : null, certificates: batch, source: 'spot-page',
        });
      } catch (error) {
        store.set({ error: t('panel_store_failed', describeError(error)) });
        return;
      }
      this.add(result);
      for (const c of batch) {
        this.lastSent.set(c.number, keyOf(c));
        this.stored.add(c.number);
      }
    }
    store.set({ counts: this.counts, error: null });
    this.badge();
  }

  /** Certificates stored from elsewhere on this page (an XML download). */
  markStored(numbers: readonly string[]): void {
    for (const n of numbers) this.stored.add(n);
    this.badge();
  }

  private add(r: StoreCertificatesResponse): void {
    const c = this.counts ?? { added: 0, updated: 0, cancelled: 0, unchanged: 0 };
    this.counts = {
      added: c.added + r.added.length,
      updated: c.updated + r.updated.length,
      cancelled: c.cancelled + r.cancelled.length,
      unchanged: c.unchanged + r.unchanged.length,
    };
  }

  private badge(): void {
    for (const { cell, number } of this.numbered) {
      if (this.stored.has(number) && cell.isConnected) addBadge(cell, t('panel_badge'), t('panel_badge_title'));
    }
  }
}

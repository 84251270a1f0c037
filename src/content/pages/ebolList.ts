/**
 * eBOL list adapter: sends the certificates the shared reader finds to the background — on
 * load and after every in-place re-render (paging, sorting) — but only rows that changed since
 * the last send; puts a "stored" badge next to every stored certificate number.
 */
import type { Certificate } from '../../lib/certificates.ts';
import { describeError, t } from '../../shared/i18n.ts';
import type { EbolListPage } from '../../shared/pages/types.ts';
import { MAX_CERTIFICATES_PER_MESSAGE, MAX_NUMBERS_PER_MESSAGE, type StoreCertificatesResponse } from '../../shared/protocol/spot.ts';
import { addBadge } from '../badges.ts';
import type { ContentContext } from '../context.ts';
import type { EmployerResolver } from '../employer.ts';
import type { Counts } from '../panel/model.ts';

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

export class EbolListAdapter {
  /** number → what was last sent for it (with the employer), to send only what changed. */
  private readonly lastSent = new Map<string, string>();
  private readonly stored = new Set<string>();
  private counts: Counts | null = null;

  constructor(private readonly ctx: ContentContext, private readonly employer: EmployerResolver) {}

  /** Forget what was sent (e.g. after the user chose another employer). */
  reset(): void {
    this.lastSent.clear();
    this.stored.clear();
  }

  async onPage(page: EbolListPage): Promise<void> {
    const { store, send } = this.ctx;
    store.set({ problems: page.problems, empty: page.empty });
    this.badge(page);
    if (page.certificates.length === 0) return;
    const employer = await this.employer.resolve(page.employer);
    const employerTax = employer.taxNumber;

    const unknown = page.certificates.map((c) => c.number).filter((n) => !this.stored.has(n));
    if (unknown.length > 0) {
      try {
        const { stored } = await send('content:listStoredNumbers', { employerTax, numbers: unknown.slice(0, MAX_NUMBERS_PER_MESSAGE) });
        for (const n of stored) this.stored.add(n);
        this.badge(page);
      } catch {
        // Only the badges wait; storing below says what went wrong.
      }
    }

    const keyOf = (c: Certificate) => `${employerTax}|${JSON.stringify(c)}`;
    const changed = page.certificates.filter((c) => this.lastSent.get(c.number) !== keyOf(c));
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
    this.badge(page);
  }

  /** Certificates stored from elsewhere on this page (an XML download). */
  markStored(numbers: readonly string[], page: EbolListPage | null): void {
    for (const n of numbers) this.stored.add(n);
    if (page) this.badge(page);
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

  private badge(page: EbolListPage): void {
    for (const row of page.rows) {
      if (this.stored.has(row.certificate.number) && row.numberCell.isConnected) {
        addBadge(row.numberCell, t('panel_badge'), t('panel_badge_title'));
      }
    }
  }
}

/**
 * Runs the page registry on this SPOT page: on load, and again (debounced) whenever SPOT
 * re-renders content in place; sends what the page adapters read; listens for clicks on
 * download links. Nothing here calls preventDefault: the page works exactly as without us.
 */
import { linkUrl } from '../../shared/pages/dom.ts';
import { isEbolXmlLink } from '../../shared/pages/ebolList.ts';
import { rowOfElement } from '../../shared/pages/disclosureList.ts';
import { recognisePageCells } from '../../shared/pages/registry.ts';
import type { EbolCellsPage, PageDiagnostics, PageRecognition } from '../../shared/pages/types.ts';
import { MAX_DIAGNOSTIC_LABELS } from '../../shared/protocol/spot.ts';
import { isOwnMutation } from '../badges.ts';
import type { ContentContext } from '../context.ts';
import { EmployerResolver } from '../employer.ts';
import type { PanelActions } from '../panel/model.ts';
import { handleDownload } from './downloads.ts';
import { EbolListAdapter } from './ebolList.ts';

export interface PageReading {
  actions: PanelActions;
  /** Reads the page again now (tests; the observer does it by itself). */
  rescan(): Promise<void>;
  stop(): void;
}

export function startPageReading(ctx: ContentContext): PageReading {
  const employer = new EmployerResolver(ctx.send, ctx.store);
  const ebol = new EbolListAdapter(ctx, employer);
  let running: Promise<void> | null = null;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastDiagnostics = '';

  const read = (): PageRecognition<EbolCellsPage> => recognisePageCells(ctx.doc, ctx.url());

  async function scanOnce(): Promise<void> {
    const page = read();
    switch (page.kind) {
      case 'ebolList':
        ctx.store.set({ page: 'ebolList', diagnostics: null });
        await ebol.onPage(page);
        return;
      case 'disclosureList':
        ctx.store.set({ page: 'disclosureList', diagnostics: null, problems: [], empty: page.empty });
        if (page.employer.taxNumber) await employer.resolve(page.employer);
        return;
      case 'unrecognised': {
        const d = page.diagnostics;
        const key = JSON.stringify(d);
        if (key !== lastDiagnostics) {
          const at = new Date().toISOString();
          const labels = (list: string[]) => list.slice(0, MAX_DIAGNOSTIC_LABELS).map((s) => s.slice(0, 200));
          const sent: PageDiagnostics = {
            ...d, hints: labels(d.hints), foundLabels: labels(d.foundLabels), expectedLabels: labels(d.expectedLabels),
            missingLabels: labels(d.missingLabels), headings: labels(d.headings), url: d.url.slice(0, 2048),
          };
          // The background words it (registry.ts diagnosticsText); without it, the same labels as data.
          const text = await ctx.send('content:diagnosticsText', { diagnostics: sent, version: ctx.version, at })
            .then((r) => r.text, () => JSON.stringify({ ...sent, version: ctx.version, at }, null, 1));
          lastDiagnostics = key;
          ctx.store.set({ page: 'unrecognised', diagnostics: { data: d, text } });
        }
        return;
      }
      case 'notData':
        ctx.store.set({ page: page.page, diagnostics: null });
    }
  }

  /** One scan at a time; a request during a scan runs one more afterwards. */
  function rescan(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          try {
            await scanOnce();
          } catch (error) {
            ctx.store.set({ error: error instanceof Error ? error.message : String(error) });
          }
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  employer.onChange = () => {
    ebol.reset();
    void rescan();
  };

  const observer = new MutationObserver((records) => {
    if (records.every((r) => isOwnMutation(r, ctx.panelHost))) return;
    clearTimeout(timer);
    timer = setTimeout(() => void rescan(), ctx.debounceMs ?? 250);
  });
  observer.observe(ctx.doc.body ?? ctx.doc.documentElement, { childList: true, subtree: true, characterData: true });

  function onClick(event: Event): void {
    const e = event as MouseEvent;
    if (e.button !== 0) return;
    const target = e.target as Element | null;
    const link = target && typeof target.closest === 'function' ? target.closest('a[href]') : null;
    if (!link) return;
    const page = read();
    if (page.kind === 'ebolList' && isEbolXmlLink(link) && link.closest('table')) {
      const row = page.rows.find((r) => r.xmlLink === link);
      const certificate = row ? ebol.certificateOf(row) : null;
      void handleDownload(ctx, employer, {
        url: linkUrl(link) ?? '',
        label: certificate ? `XML ${certificate.number}` : 'XML',
        pageEmployer: page.employer,
        certificateNumber: certificate?.number ?? null,
        workerName: certificate?.worker.name ?? null,
        onCertificatesStored: (numbers) => ebol.markStored(numbers),
      });
    } else if (page.kind === 'disclosureList') {
      const row = rowOfElement(page, link);
      const download = row?.links.find((l) => l.element === link);
      if (!row || !download) return;
      void handleDownload(ctx, employer, {
        url: download.url,
        label: `${row.queryNumber} (${download.format === 'other' ? download.label : download.format.toUpperCase()})`,
        pageEmployer: page.employer,
        certificateNumber: row.certificateNumber,
        workerName: row.worker,
      });
    }
  }
  // Capture + passive: we only look; the click reaches SPOT's link unchanged.
  ctx.doc.addEventListener('click', onClick, { capture: true, passive: true });

  const actions: PanelActions = {
    chooseEmployer: (tax, name) => void employer.choose(tax, name),
    changeEmployer: () => void employer.change(),
    cancelEmployerChoice: () => employer.cancel(),
    async copyDiagnostics(text) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch {
        return false;
      }
    },
  };

  void rescan();
  return {
    actions,
    rescan,
    stop() {
      observer.disconnect();
      clearTimeout(timer);
      ctx.doc.removeEventListener('click', onClick, { capture: true });
    },
  };
}

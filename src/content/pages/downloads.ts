/**
 * Download links the user clicks — "Prenesi XML" on the eBOL list, CSV / XML / Prenesi on the
 * disclosure list: the adapter reads the same file (same-origin request in the user's session,
 * SPOT addresses only) and stores what it is. It only listens: the click goes on, and the
 * page's own download happens as always.
 */
import { describeError, t } from '../../shared/i18n.ts';
import { MessageError } from '../../shared/messages.ts';
import { MAX_CERTIFICATES_PER_MESSAGE } from '../../shared/protocol/spot.ts';
import type { PageEmployer } from '../../shared/pages/types.ts';
import { isSpotUrl } from '../../shared/spot.ts';
import type { ContentContext } from '../context.ts';
import { downloadProblem } from '../download.ts';
import type { EmployerResolver } from '../employer.ts';
import type { DownloadView } from '../panel/model.ts';

export interface DownloadRequest {
  url: string;
  /** What the panel calls it while it is read ("P-2025-000123456 (CSV)"). */
  label: string;
  pageEmployer: PageEmployer;
  /** From the list row, for a disclosure. */
  certificateNumber: string | null;
  workerName: string | null;
  /** After certificates were stored (badges). */
  onCertificatesStored?: (numbers: string[]) => void;
}

/** Most downloads the panel lists (newest first). */
const SHOWN = 5;
let nextId = 1;

export async function handleDownload(ctx: ContentContext, employer: EmployerResolver, req: DownloadRequest): Promise<void> {
  if (!isSpotUrl(req.url)) return;
  const id = nextId++;
  const put = (view: DownloadView) =>
    ctx.store.set((m) => ({ downloads: [view, ...m.downloads.filter((d) => d.id !== id)].slice(0, SHOWN) }));
  put({ id, kind: 'pending', fileLabel: req.label });
  try {
    const { fileName, document } = await ctx.fetchFile(req.url);
    if (document.type === 'disclosure') {
      const who = await employer.resolve(req.pageEmployer, document.employerTaxNumber);
      const outcome = await ctx.send('content:storeDisclosure', {
        employerTax: who.taxNumber, disclosure: document, certificateNumber: req.certificateNumber,
        workerName: req.workerName, fileName,
      });
      put({ id, kind: 'disclosure', fileLabel: req.label, outcome });
    } else if (document.type === 'certificates') {
      const certificates = document.certificates.slice(0, MAX_CERTIFICATES_PER_MESSAGE);
      const who = await employer.resolve(req.pageEmployer, certificates[0]?.employerTaxNumber ?? null);
      const result = await ctx.send('content:storeCertificates', {
        employerTax: who.taxNumber, employerName: who.fromPage ? who.name : null, certificates, source: 'spot-download',
      });
      const numbers = certificates.map((c) => c.number);
      req.onCertificatesStored?.(numbers);
      put({ id, kind: 'certificates', fileLabel: req.label, numbers, result });
    } else {
      put({ id, kind: 'failed', fileLabel: req.label, reason: t('panel_download_unexpected', fileName) });
    }
  } catch (error) {
    put({ id, kind: 'failed', fileLabel: req.label, reason: error instanceof MessageError ? describeError(error) : downloadProblem(error) });
  }
}

/**
 * A saved SPOT page ("Save page as" → HTML), read with the content scripts' own page readers
 * (`src/shared/pages/`) in a happy-dom document.
 *
 * The page is data, never code: happy-dom runs no script (JavaScript evaluation is off and
 * script files are not loaded), loads no stylesheet, image or frame, does not navigate, and
 * every request it might still try is refused by a fetch interceptor — nothing is fetched.
 */
import { Window } from 'happy-dom';
import type { Certificate } from '../lib/certificates.ts';
import { ReadError, quoteList } from '../lib/errors.ts';
import { recognisePage } from '../shared/pages/registry.ts';

/** Where a saved page pretends to live: links resolve against it; nothing is ever requested. */
const SAVED_PAGE_URL = 'https://spot.gov.si/';

function refuse(): never {
  throw new Error('spot-companion: shranjena stran ne sme ničesar prenašati.');
}

/** happy-dom settings for untrusted HTML: no scripts, no loading of anything, no navigation. */
export const SAFE_SETTINGS = {
  enableJavaScriptEvaluation: false,
  disableJavaScriptFileLoading: true,
  enableCSSFileLoading: false,
  enableImageFileLoading: false,
  enableIframePageLoading: false,
  disableComputedStyleRendering: true,
  handleDisabledFileLoadingAsSuccess: true,
  navigation: {
    disableMainFrameNavigation: true,
    disableChildFrameNavigation: true,
    disableChildPageNavigation: true,
    disableFallbackToSetURL: true,
  },
  fetch: {
    interceptor: {
      beforeAsyncRequest: async () => refuse(),
      beforeSyncRequest: () => refuse(),
    },
  },
};

/** Parses HTML into a document that runs and loads nothing. Call `close()` when done. */
export function parseSavedPage(html: string, url: string = SAVED_PAGE_URL): { document: Document; close: () => Promise<void> } {
  const window = new Window({ url, settings: SAFE_SETTINGS });
  const parsed = new window.DOMParser().parseFromString(html, 'text/html');
  return {
    document: parsed as unknown as Document,
    close: () => window.happyDOM.close(),
  };
}

export interface SavedCertificates {
  type: 'certificates';
  certificates: Certificate[];
}

/**
 * Reads a saved eBOL list page into the FORMATS.md output. Any other page, or an eBOL list
 * with rows that cannot be read, ends in a `ReadError` (nothing half-read).
 */
export async function readSavedPage(html: string, fileName: string): Promise<SavedCertificates> {
  const named = `»${fileName}«`;
  let parsed: ReturnType<typeof parseSavedPage>;
  try {
    parsed = parseSavedPage(html);
  } catch {
    // happy-dom's parser throws on some broken markup (browsers never do): a damaged file.
    throw new ReadError('NOT_RECOGNISED', `Shranjene strani ${named} ni mogoče razčleniti: HTML je poškodovan. Stran v brskalniku shranite znova (»Shrani stran kot« → »Spletna stran, samo HTML«).`);
  }
  const { document, close } = parsed;
  try {
    let page;
    try {
      page = recognisePage(document, `file:///${fileName.replace(/^\/+/, '')}`);
    } catch (error) {
      // happy-dom's selector engine recurses per level: thousands of nested elements overflow
      // the stack. No SPOT page nests like that; say so instead of failing with a stack trace.
      if (error instanceof RangeError) {
        throw new ReadError('NOT_RECOGNISED', `Shranjena stran ${named} je pregloboko gnezdena (na tisoče elementov drug v drugem), zato je ni mogoče prebrati. Tako stran SPOT nikoli ne pokaže.`);
      }
      throw error;
    }
    switch (page.kind) {
      case 'ebolList':
        if (page.problems.length > 0) {
          const list = page.problems.map((p) => `vrstica ${p.row}${p.number ? ` (${p.number})` : ''}: ${p.reason}`);
          throw new ReadError('BAD_VALUE', `Shranjena stran ${named}: ${page.problems.length === 1 ? 'ene vrstice' : `${page.problems.length} vrstic`} ni mogoče prebrati — ${list.join(' ')}`, {
            found: list,
          });
        }
        return { type: 'certificates', certificates: page.certificates.map(stripEmployer) };
      case 'disclosureList':
        throw new ReadError('NOT_RECOGNISED', `Shranjena stran ${named} je seznam poizvedb »Podatki za izračun osnove«: sama ne vsebuje podatkov. Prenesite datoteko CSV ali XML poizvedbe in jo preberite z »spot-companion parse«.`, {
          expected: ['Prenos ePotrdil o zadržanosti od dela'], found: ['Podatki za izračun osnove'],
        });
      case 'unrecognised': {
        const d = page.diagnostics;
        throw new ReadError('NOT_RECOGNISED', `Shranjena stran ${named} je videti kot seznam eBOL, a njenih stolpcev ni mogoče prepoznati. Najdeni stolpci: ${quoteList(d.foundLabels)}; pričakovani: ${quoteList(d.expectedLabels)}; manjkajo: ${quoteList(d.missingLabels)}.`, {
          expected: d.expectedLabels, found: d.foundLabels,
        });
      }
      case 'notData':
        throw new ReadError('NOT_RECOGNISED', `Shranjena stran ${named} ni seznam eBOL (»Prenos ePotrdil o zadržanosti od dela«)${page.page === 'login' ? ': to je stran za prijavo' : ''}. Na njej ni tabele s stolpci ${quoteList(['Številka potrdila', 'Razlog', 'Od', 'Do', 'Status'])}.`, {
          expected: ['Prenos ePotrdil o zadržanosti od dela'], found: [document.title || '(brez naslova)'],
        });
    }
  } finally {
    await close();
  }
}

function stripEmployer(c: Certificate): Certificate {
  const { employerTaxNumber: _ignored, ...rest } = c;
  return rest;
}

/** What the smoke path reads from any SPOT page: its address, title and visible heading. */
import type { PageSeen } from '../shared/protocol/status.ts';

const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

function isVisible(element: Element): boolean {
  if (element.closest('[hidden], [aria-hidden="true"]')) return false;
  // getClientRects is empty for display:none (and its subtree); checkVisibility covers the rest.
  if (element.getClientRects().length === 0) return false;
  const check = (element as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  return check ? check.call(element, { visibilityProperty: true, opacityProperty: true }) : true;
}

/** The first visible `h1` with text, else the first visible `h2`, else ''. */
export function visibleHeading(doc: Document): string {
  for (const selector of ['h1', 'h2']) {
    for (const heading of doc.querySelectorAll(selector)) {
      const text = clean(heading.textContent);
      if (text && isVisible(heading)) return text;
    }
  }
  return '';
}

export function readPageInfo(doc: Document, location: Location): PageSeen {
  return {
    url: location.href.slice(0, 2048),
    title: clean(doc.title).slice(0, 500),
    heading: visibleHeading(doc).slice(0, 500),
  };
}

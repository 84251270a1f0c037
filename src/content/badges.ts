/**
 * The small "stored" marker next to a certificate number on SPOT's list. It is a span with
 * its own (open) shadow root: SPOT's CSS does not reach in, our text does not end up in the
 * cell's text (a re-read of the table ignores it — and `MARKER_ATTR` says it is ours), and
 * nothing is written as HTML. A table re-rendered in place loses its markers; the page
 * controller puts them back after each re-read.
 */
import { MARKER_ATTR } from '../shared/pages/dom.ts';

export const BADGE_VALUE = 'stored';

/** Its stylesheet (badge.css) comes from the background with the panel's (`content:panelStyle`); until then, plain text. */
let css = '';

export function useBadgeStyle(text: string): void {
  css = text;
}

export function hasBadge(cell: Element): boolean {
  return Array.from(cell.children).some((c) => c.getAttribute(MARKER_ATTR) === BADGE_VALUE);
}

/** Adds the marker to the cell unless it already has one. */
export function addBadge(cell: Element, text: string, title: string): void {
  if (hasBadge(cell)) return;
  const doc = cell.ownerDocument;
  const host = doc.createElement('span');
  host.setAttribute(MARKER_ATTR, BADGE_VALUE);
  host.setAttribute('title', title);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const label = doc.createElement('span');
  label.className = 'badge';
  label.textContent = text;
  root.append(style, label);
  cell.append(host);
}

/** Whether every node a mutation record touches is one of ours (so it is no re-render of SPOT's). */
export function isOwnMutation(record: MutationRecord, panelHost: Element | null): boolean {
  const ours = (n: Node) => n.nodeType === 1 && ((n as Element).hasAttribute(MARKER_ATTR) || n === panelHost);
  const target = record.target;
  if (target.nodeType === 1 && (ours(target) || (panelHost && panelHost.contains(target)))) return true;
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return record.type === 'childList' && nodes.length > 0 && nodes.every(ours);
}

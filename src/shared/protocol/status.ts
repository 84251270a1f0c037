/**
 * The smoke path: a content script reports the SPOT page it saw; the popup asks what was
 * seen last.
 */
import type { IsoTimestamp } from '../spot.ts';

/** What a content script reads from a SPOT page. */
export interface PageSeen {
  url: string;
  title: string;
  /** The first visible heading (h1, else h2), or '' when the page has none. */
  heading: string;
}

/** What the background stored for the last SPOT page seen (settings key `lastSpotPage`). */
export interface SeenPageRecord extends PageSeen {
  seenAt: IsoTimestamp;
}

export interface Status {
  lastSpotPage: SeenPageRecord | null;
}

declare module '../messages.ts' {
  interface Protocol {
    'content:pageSeen': { request: PageSeen; response: SeenPageRecord };
    'ui:getStatus': { request: Record<string, never>; response: Status };
  }
}

/** Facts about the SPOT portal that more than one context needs. */

/** The portal's host; subdomains (e.g. `www.`, `ebol.`) belong to it too. */
export const SPOT_HOST = 'spot.gov.si';

/** An instant as `Date#toISOString()` writes it (UTC, `…Z`). */
export type IsoTimestamp = string;

/** True for `https://spot.gov.si/…` and `https://<sub>.spot.gov.si/…`, nothing else. */
export function isSpotUrl(url: string | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  return parsed.protocol === 'https:' && (host === SPOT_HOST || host.endsWith(`.${SPOT_HOST}`));
}

/** Where the content script's panel lives on a page (kept in step with src/content/panel/mount.tsx). */
export const PANEL_HOST = '#spot-pomocnik-root';

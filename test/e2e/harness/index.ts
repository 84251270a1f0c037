/**
 * End-to-end harness: the shipped extension in the real browsers against a fake SPOT.
 *
 *   withChromium(fn, opts)   dist/chrome in /usr/bin/chromium (playwright-core)
 *   withFirefox(fn, opts)    dist/firefox in /usr/bin/firefox-esr (puppeteer-core, BiDi)
 *   startSpotServer(opts)    HTTPS fake SPOT: routes, fixture files, captured requests
 *
 * Both `with*` start their own server unless given one, and always clean up.
 */
export { withChromium, type ChromiumRun, type ChromiumOptions } from './chromium.ts';
export { withFirefox, type FirefoxRun, type FirefoxOptions, FIREFOX_ADDON_ID } from './firefox.ts';
export { startSpotServer, type SpotServer, type SpotServerOptions, type Route, type CapturedRequest } from './server.ts';
export { PANEL_HOST, panelDriver, type PanelDriver } from './panel.ts';

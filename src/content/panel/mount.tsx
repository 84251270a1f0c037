/**
 * Puts the panel on the page inside a Shadow DOM, so SPOT's CSS and ours never mix.
 *
 * The shadow root is CLOSED (issue 9, SECURITY.md): the panel shows stored data SPOT's page
 * must not read — the stored businesses in the employer prompt, the stored claims and postings
 * on SPOT's forms — and a compromised SPOT page could read an open root
 * (`host.shadowRoot.textContent`). The reference to the closed root exists only here, in the
 * content script's isolated world; patching `Element.prototype.attachShadow` in the page does
 * not reach this world. Assistive tools read closed roots as usual; end-to-end tests reach it
 * through the DevTools protocol / WebDriver BiDi (test/e2e/harness/panel.ts). All text is
 * rendered by Preact (escaped), never as HTML.
 */
import { render } from 'preact';
import type { PanelActions, PanelModel } from './model.ts';
import { Panel } from './Panel.tsx';

export const PANEL_HOST_ID = 'spot-pomocnik-root';

export interface MountedPanel {
  host: Element;
  update(model: PanelModel, actions?: PanelActions): void;
  remove(): void;
}

/**
 * Where the helper sits when its stylesheet (panel.css, from the background:
 * `content:panelStyle`) did not come: out of the page's flow, readable.
 */
export const FALLBACK_CSS = ':host{all:initial;position:fixed;bottom:16px;right:16px;z-index:2147483647;background:#fff;font:14px system-ui,sans-serif;max-width:360px}';

export function mountPanel(doc: Document, css: string = FALLBACK_CSS): MountedPanel {
  // A second injection (e.g. after the extension reloads) replaces the first panel.
  doc.getElementById(PANEL_HOST_ID)?.remove();
  const host = doc.createElement('div');
  host.id = PANEL_HOST_ID;
  const root = host.attachShadow({ mode: 'closed' });
  (doc.body ?? doc.documentElement).append(host);
  return {
    host,
    update: (model, actions) => render(<Panel model={model} actions={actions} css={css} />, root),
    remove: () => {
      render(null, root);
      host.remove();
    },
  };
}

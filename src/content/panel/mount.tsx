/**
 * Puts the panel on the page inside a Shadow DOM, so SPOT's CSS and ours never mix.
 *
 * The shadow root is OPEN on purpose: a closed root would not hide anything from SPOT's own
 * scripts (they run first and could patch attachShadow), while an open one lets end-to-end
 * tests and assistive tools read the panel from the page. All text is rendered by Preact
 * (escaped), never as HTML.
 */
import { render } from 'preact';
import css from './panel.css?inline';
import type { PanelActions, PanelModel } from './model.ts';
import { Panel } from './Panel.tsx';

export const PANEL_HOST_ID = 'spot-pomocnik-root';

export interface MountedPanel {
  host: Element;
  update(model: PanelModel, actions?: PanelActions): void;
  remove(): void;
}

export function mountPanel(doc: Document): MountedPanel {
  // A second injection (e.g. after the extension reloads) replaces the first panel.
  doc.getElementById(PANEL_HOST_ID)?.remove();
  const host = doc.createElement('div');
  host.id = PANEL_HOST_ID;
  const root = host.attachShadow({ mode: 'open' });
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

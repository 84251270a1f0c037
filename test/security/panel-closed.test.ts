// @dom-environment: happy-dom, modules transformed for Node (vitest.config.ts)
/**
 * The in-page helper shows stored data (businesses, claims, postings) on SPOT's page: its
 * shadow root is closed, so SPOT's own scripts cannot read it (SECURITY.md). The end-to-end
 * tests check the same in the real browsers (smoke.e2e.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountPanel, PANEL_HOST_ID } from '../../src/content/panel/mount.tsx';
import { initialModel } from '../../src/content/panel/model.ts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../background/fakeBrowser.ts')).fakeBrowser }));

afterEach(() => document.getElementById(PANEL_HOST_ID)?.remove());

describe('the in-page helper', () => {
  it('renders into a closed shadow root: the page sees the host, not what is in it', () => {
    const panel = mountPanel(document);
    panel.update({ ...initialModel(), employerPrompt: { employers: [{ taxNumber: '12345679', name: 'TAJNO d.o.o.' }], error: null } });
    const host = document.getElementById(PANEL_HOST_ID)!;
    expect(host).toBe(panel.host);
    expect(host.shadowRoot).toBeNull();
    expect(host.textContent).toBe('');
    expect(document.body.textContent).not.toContain('TAJNO');
    // A second attachShadow on the host (a page trying to take it over) is refused.
    expect(() => host.attachShadow({ mode: 'open' })).toThrow();
    panel.remove();
    expect(document.getElementById(PANEL_HOST_ID)).toBeNull();
  });
});

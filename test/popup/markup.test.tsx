// @dom-environment: happy-dom, modules transformed for Node (vitest.config.ts)
/**
 * Scraped and imported text is data, never markup (issue 9). Names with markup and script
 * (`<img src=x onerror=…>`, `<script>…</script>`, `"><svg onload=…>`, `javascript:` URLs) are
 * stored through the REAL background handlers (fake-indexeddb), then the real app shows them:
 * the header's employer switcher, every tab, a computation, the import panel's messages and
 * its column-mapping dialog. Each must show the text literally and create no element, no
 * event-handler attribute and no `javascript:` link; the payloads' flag stays unset.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb, type SpotDb } from '../../src/background/db.ts';
import { createHandlers } from '../../src/background/handlers/index.ts';
import { createRegistry, type HandlerMap, type Registry } from '../../src/background/registry.ts';
import { App } from '../../src/popup/App.tsx';
import { ComputeView } from '../../src/popup/views/ComputeView.tsx';
import { VIEWS } from '../../src/popup/views/index.ts';
import { CHANNEL, MessageError } from '../../src/shared/messages.ts';
import { t } from '../../src/shared/i18n.ts';
import type { Certificate } from '../../src/lib/certificates.ts';
import { EXTENSION_ID, EXTENSION_ORIGIN, senders } from '../background/fakeBrowser.ts';
import { ROOT } from '../companion/run.ts';
import { caseDisclosures } from '../security/dataset.ts';
import { button, click, mount, text, unmount, until, viewProps } from './helpers.tsx';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../background/fakeBrowser.ts')).fakeBrowser }));
vi.mock('../../src/popup/api.ts', () => ({
  call: async (name: string, payload: unknown) => {
    const r = await background.registry.dispatch({ channel: CHANNEL, name, payload }, senders.popup());
    if (!r.ok) throw new MessageError(r.error.code, r.error.message);
    return r.value;
  },
  openAppTab: vi.fn(), downloadText: vi.fn(),
}));

/** Each payload would set `window.__xss` if it ever ran. */
export const HOSTILE = {
  img: '<img src=x onerror="window.__xss=1">',
  script: '<script>window.__xss=2</script>',
  svg: '"><svg onload="window.__xss=3">',
  url: 'javascript:window.__xss=4//',
};
const EMPLOYER = '12345679';
const NAMES = {
  employer: `PRIMER ${HOSTILE.svg} d.o.o.`,
  ana: `Kovač ${HOSTILE.img} Ana`,
  jure: `${HOSTILE.script} Kos Jure`,
  eva: HOSTILE.url,
};

const background: { registry: Registry; db: SpotDb } = { registry: null as never, db: null as never };

const cert = (number: string, name: string, over: Partial<Certificate> = {}): Certificate => ({
  number, kind: 'eBOL', worker: { name, zzzsNumber: null, emso: null }, reason: '01', from: '2025-03-03', to: '2025-03-07',
  hoursPerDay: null, status: 'issued', issuedOn: '2025-03-03', employerTaxNumber: EMPLOYER, ...over,
});

beforeAll(async () => {
  background.db = createDb({ indexedDB: new IDBFactory(), IDBKeyRange }, { name: 'markup' });
  background.registry = createRegistry(createHandlers({ db: () => background.db, now: () => new Date('2025-06-02T08:00:00.000Z') }) as HandlerMap,
    { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN }, () => undefined);
  const ui = async (name: string, payload: unknown) => {
    const r = await background.registry.dispatch({ channel: CHANNEL, name, payload }, senders.popup());
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value;
  };
  await ui('ui:saveEmployer', { employer: { taxNumber: EMPLOYER, name: NAMES.employer, seat: HOSTILE.img }, select: true });
  await ui('ui:importCertificates', {
    fallbackEmployerTax: EMPLOYER,
    certificates: [
      // Golden case 02's absence, for a computation with claim lines.
      cert('1000002', NAMES.ana, { from: '2025-04-01', to: '2025-04-30', issuedOn: '2025-04-01' }),
      cert('1000003', NAMES.ana, { from: '2025-05-01', to: '2025-05-23', issuedOn: '2025-05-01' }),
      cert('1000004', NAMES.jure),
      cert('1000005', NAMES.eva, { status: 'cancelled' }),
    ],
  });
  const workerId = (await background.db.certificates.get('1000002'))!.workerId;
  for (const d of caseDisclosures()) {
    await ui('ui:importDisclosure', { disclosure: d, fallbackEmployerTax: null, fileName: `${HOSTILE.img}.xml` });
    const row = await background.db.disclosures.where('queryNumber').equals(d.queryNumber!).first();
    await ui('ui:linkDisclosure', { id: row!.id, workerId });
  }
  await ui('ui:compute', { certificateNumber: '1000003' });
});
afterAll(() => background.db.close());
afterEach(unmount);

/** Nothing the stored text could have become: no element, no handler attribute, no script URL, no flag. */
function expectInert(root: Element): number {
  expect(root.querySelectorAll('script, svg, iframe, object, embed, img:not(.app__logo)')).toHaveLength(0);
  const all = [root, ...root.querySelectorAll('*')];
  for (const el of all) {
    for (const attr of el.getAttributeNames()) expect(attr.startsWith('on'), `${el.tagName} ${attr}`).toBe(false);
    for (const attr of ['href', 'src', 'action', 'formaction']) expect(el.getAttribute(attr) ?? '').not.toMatch(/^\s*javascript:/i);
  }
  expect((window as { __xss?: unknown }).__xss).toBeUndefined();
  return all.length;
}

describe('stored markup and script are shown as text in the popup', () => {
  it('in the employer switcher and every tab of the app', async () => {
    const root = await mount(<App mode="tab" />);
    await until(() => root.querySelector('[data-testid=employer-switcher]') !== null);
    expect(text(root.querySelector('[data-testid=employer-switcher] option'))).toBe(`${NAMES.employer} (${EMPLOYER})`);
    let elements = expectInert(root);

    const seen: Record<string, boolean> = {};
    for (const view of VIEWS) {
      await click(root.querySelector(`#tab-${view.id}`));
      await until(() => root.querySelector(`[role=tabpanel][data-view=${view.id}] [data-state=loading]`) === null && text(root.querySelector('[role=tabpanel]')).length > 0);
      const panel = text(root.querySelector('[role=tabpanel]'));
      seen[view.id] = Object.values(NAMES).some((n) => panel.includes(n));
      elements += expectInert(root);
    }
    // The names appear, literally, where the views list workers and certificates.
    await click(root.querySelector('#tab-workers'));
    await until(() => text(root.querySelector('[data-testid=workers-table]')).includes(NAMES.ana));
    const workers = text(root.querySelector('[data-testid=workers-table]'));
    for (const n of [NAMES.ana, NAMES.jure, NAMES.eva]) expect(workers).toContain(n);
    await click(root.querySelector('#tab-certificates'));
    await until(() => text(root.querySelector('[data-testid=certificates-table]')).includes(NAMES.eva));
    expect(text(root.querySelector('[data-testid=certificates-table]'))).toContain(NAMES.jure);
    await click(root.querySelector('#tab-settings'));
    await until(() => root.querySelector('#employer-seat') !== null);
    expect((root.querySelector('#employer-seat') as HTMLInputElement).value).toBe(HOSTILE.img);
    expect(text(root.querySelector('#profile-title'))).toBe(t('popup_employerProfile', NAMES.employer));
    elements += expectInert(root);
    expect(seen.workers && seen.certificates && seen.claims).toBe(true);
    expect(elements).toBeGreaterThan(100);
  });

  it('in a computation: the worker, the explanation and the claim lines', async () => {
    const root = await mount(<ComputeView {...viewProps({ params: { certificateNumber: '1000003' }, employer: { taxNumber: EMPLOYER, name: NAMES.employer } })} />);
    await until(() => text(root).includes(NAMES.ana));
    expectInert(root);
  });

  it('in the import panel: a file whose column names are markup, in the mapping dialog and the error', async () => {
    const root = await mount(<App mode="tab" />);
    await until(() => root.querySelector('[data-testid=import-summary]') !== null);
    // A FURS export with columns the label table does not know: the app asks which is which.
    const csv = readFileSync(join(ROOT, 'test/fixtures/import/furs-izvoz-stolpci-23456787.csv'), 'utf8')
      .replace('Datum;Opis;Vrednost;Količina', `Datum;${HOSTILE.img};${HOSTILE.script};${HOSTILE.svg}`)
      .replace('P-2025-000412003', HOSTILE.url);
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { types: ['Files'], files: [{ name: `${HOSTILE.svg}.csv`, size: csv.length, arrayBuffer: async () => new TextEncoder().encode(csv).buffer }] } });
    document.dispatchEvent(drop);
    await until(() => root.querySelector('[role=dialog]') !== null);
    const dialog = text(root.querySelector('[role=dialog]'));
    for (const h of [HOSTILE.img, HOSTILE.script, HOSTILE.svg, `${HOSTILE.svg}.csv`]) expect(dialog).toContain(h);
    expectInert(root);
    await click(button(root.querySelector('[role=dialog]')!, t('popup_cancel')));
    await until(() => root.querySelector('[data-testid=import-results] [data-status=error]') !== null);
    expect(text(root.querySelector('[data-testid=import-results]'))).toContain(`${HOSTILE.svg}.csv`);
    expectInert(root);
  });
});

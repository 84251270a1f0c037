/**
 * Prefilling SPOT's forms in both real browsers (one browser start each), the data stored
 * through the extension itself:
 *
 *  0. in an extension page: import the clerk's files (two eBOL XMLs, a third certificate that
 *     continues the absence, the FURS disclosures), link them, compute the absence (two ZZZS-paid
 *     claim lines), save the employer profile and two A1 postings (one ready to file, one that
 *     ended two days ago) → the toolbar badge counts the due reminders;
 *  1. the plain refund form: the helper lists the stored claim, shows every value, fills both
 *     lines through the form's own "Dodaj vrstico" → the form's own data (FormData) has every
 *     value, the filled controls are outlined, nothing was submitted;
 *  2. the framework-controlled refund form (Preact, bundled from its .tsx at test time): the
 *     certificate typed in the form picks the claim → the page's own state
 *     (`window.__formState`) holds every value, nothing submitted;
 *  3. the A1 form: the ready posting is offered first → the form holds the posting and the
 *     employer profile, nothing submitted.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { assembleCase } from '../../src/lib/assemble.ts';
import type { Certificate } from '../../src/lib/certificates.ts';
import { computeCase } from '../../src/lib/compensation/index.ts';
import { addDays, todayInLjubljana } from '../../src/lib/dates.ts';
import type { Disclosure } from '../../src/lib/disclosure/model.ts';
import { readDocument } from '../../src/lib/documents.ts';
import { claimExpiry, expiryState, type ClaimLine } from '../../src/lib/refund.ts';
import type { PostingView, SavePostingRequest } from '../../src/shared/protocol/a1.ts';
import type { EmployerRow } from '../../src/shared/rows.ts';
import { panelDriver, withChromium, withFirefox, type SpotServer } from './harness/index.ts';

const IMPORT = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const FORMS = fileURLToPath(new URL('../fixtures/spot/forms/', import.meta.url));
const EMPLOYER = '12345679';
const today = todayInLjubljana();

// ---- what is stored through the extension ----

const read = (f: string) => readDocument(new Uint8Array(readFileSync(IMPORT + f)), f);
const certificates: Certificate[] = ['ebol-1000002.xml', 'ebol-1000003.xml'].flatMap((f) => (read(f) as { certificates: Certificate[] }).certificates);
// The doctor continued the absence with a third certificate: a second ZZZS-paid claim line.
certificates.push({ ...certificates[1]!, number: '1000004', from: '2025-05-24', to: '2025-05-30', issuedOn: '2025-05-23' });
const DISCLOSURES = ['furs-osnova-zzzs-87654326.csv', 'furs-osnova-delodajalec-87654326.xml'];
const disclosures = DISCLOSURES.map((fileName) => ({ fileName, disclosure: read(fileName) as Disclosure }));

const employer: EmployerRow = {
  taxNumber: EMPLOYER, name: 'PRIMER d.o.o.', registrationNumber: '1234567000', seat: 'Dunajska cesta 1, 1000 Ljubljana', phone: '01 123 45 67', email: 'info@primer.si',
};
const client = { name: 'Bau GmbH', address: 'Hauptplatz 1, 8010 Graz', taxNumber: 'ATU12345678' };
const READY: SavePostingRequest = {
  employerTax: EMPLOYER, id: null, filedOn: null,
  posting: {
    person: { emso: '0101990500003', name: 'Janez', surname: 'Kranjc', birthPlace: 'Kranj', citizenship: 'slovensko', addressInSlovenia: 'Cesta 1, 4000 Kranj', addressAbroad: 'Hauptplatz 2, 8010 Graz' },
    country: 'AT', placeOfWork: 'Graz', client, tasks: 'Montaža fasade', start: addDays(today, 10), end: addDays(today, 100), originalBasis: '001',
  },
};
const ENDED: SavePostingRequest = {
  employerTax: EMPLOYER, id: null, filedOn: addDays(today, -70),
  posting: {
    person: { emso: '0202985505006', name: 'Eva', surname: 'Horvat' }, country: 'DE', placeOfWork: 'München',
    client: { name: 'Bau AG', address: 'Marienplatz 1, München', taxNumber: 'DE123456789' }, tasks: 'Nadzor gradnje', start: addDays(today, -60), end: addDays(today, -2),
  },
};

interface Seeded { lines: ClaimLine[]; monthlyObligation: number; postings: PostingView[]; badge: string }

/** Runs in an extension page: everything goes through the extension's own `ui:` messages. */
async function seed(arg: {
  certificates: unknown[]; disclosures: { fileName: string; disclosure: unknown }[]; employer: unknown; postings: unknown[]; employerTax: string; badge: string;
}): Promise<Seeded> {
  // Firefox has `browser`, Chromium `chrome`; both answer with promises in MV3.
  type Api = { runtime: { sendMessage(m: unknown): Promise<any> }; action: { getBadgeText(d: object): Promise<string> } };
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = (g.browser ?? g.chrome)!;
  const send = async (name: string, payload: unknown): Promise<any> => {
    const answer = await api.runtime.sendMessage({ channel: 'spot-pomocnik/1', name, payload });
    if (!answer?.ok) throw new Error(`${name}: ${JSON.stringify(answer?.error)}`);
    return answer.value;
  };
  await send('ui:importCertificates', { certificates: arg.certificates, fallbackEmployerTax: null });
  for (const d of arg.disclosures) await send('ui:importDisclosure', { disclosure: d.disclosure, fallbackEmployerTax: null, fileName: d.fileName });
  const [disclosure] = await send('ui:listDisclosures', { employerTax: arg.employerTax, unlinked: true });
  const workers = await send('ui:listWorkers', { employerTax: arg.employerTax, offset: 0, limit: 10 });
  await send('ui:linkDisclosure', { id: disclosure.id, workerId: workers.rows[0].id });
  const computation = await send('ui:compute', { certificateNumber: '1000002' });
  await send('ui:saveEmployer', { employer: arg.employer });
  const postings: unknown[] = [];
  for (const p of arg.postings) postings.push(await send('ui:savePosting', p));
  // The badge is recounted in the background after the changes: wait for the expected count.
  let badge = '';
  for (let i = 0; i < 100 && badge !== arg.badge; i++) {
    badge = await api.action.getBadgeText({});
    if (badge !== arg.badge) await new Promise((r) => setTimeout(r, 50));
  }
  return { lines: computation.claim.lines, monthlyObligation: computation.claim.monthlyObligation, postings: postings as PostingView[], badge };
}

// ---- what a browser must do ----

interface Driver {
  goto(path: string): Promise<void>;
  /** Types into a control of SPOT's page with the keyboard. */
  typePage(selector: string, text: string): Promise<void>;
  clickPanel(selector: string): Promise<void>;
  /** Waits until the panel has an element matching `selector`; its text and data-* attributes. */
  panel(selector: string): Promise<Record<string, string>>;
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  seed(arg: Parameters<typeof seed>[0]): Promise<Seeded>;
}

/** What the page itself holds: the form's data, the outlined controls, the submit counter. */
function pageState(formId: string) {
  const form = document.getElementById(formId) as HTMLFormElement | null;
  const controls = [...document.querySelectorAll<HTMLElement>('input, select, textarea')];
  const w = window as unknown as { __submitted?: number; __formState?: unknown };
  return {
    data: form ? Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, String(v)])) : null,
    outlined: controls.filter((c) => c.style.getPropertyValue('outline') !== '').length,
    submitted: w.__submitted ?? -1,
    state: JSON.parse(JSON.stringify(w.__formState ?? null)) as unknown,
  };
}

// ---- the scenario ----

const comma = (v: number, places?: number) => (places === undefined ? String(v) : v.toFixed(places)).replace('.', ',');
const dmy = (iso: string) => iso.split('-').reverse().join('.');

async function scenario(d: Driver, server: SpotServer, appJs: string): Promise<void> {
  server.route('/forms/refund-form-app.js', { body: appJs, type: 'text/javascript; charset=utf-8' });

  // 0. Stored through the extension; the engine in Node says which claim lines to expect.
  const engine = computeCase(assembleCase(certificates, disclosures.map((x) => x.disclosure)));
  const zzzs = engine.segments.filter((s) => s.payer === 'zzzs');
  expect(zzzs.map((s) => s.certificate)).toEqual(['1000003', '1000004']);
  // Due: M-2 and M-3 of the posting that ended; the claim lines only once they near their lapse.
  const claimsDue = zzzs.filter((s) => expiryState(claimExpiry(s.to), today) !== 'open').length;
  const badge = String(2 + claimsDue);
  const seeded = await d.seed({ certificates, disclosures, employer, postings: [ENDED, READY], employerTax: EMPLOYER, badge });
  expect(seeded.lines.map((l) => [l.certificate, l.from, l.to, l.hours, l.hourlyBase, l.percentage, l.amount]))
    .toEqual(zzzs.map((s) => [s.certificate, s.from, s.to, s.hours, s.hourlyBase, s.percentage, s.amount]));
  expect(seeded.postings.map((p) => p.issues)).toEqual([[], []]);
  expect(seeded.badge).toBe(badge);
  const [l1, l2] = seeded.lines as [ClaimLine, ClaimLine];

  // 1. The plain refund form.
  await d.goto('/forms/refund-form.html');
  await d.clickPanel('[data-testid=prefill][data-step=idle] [data-testid=prefill-start]');
  await d.clickPanel('[data-testid=prefill][data-step=chooseClaim] [data-testid=prefill-choice][data-key="1000002"]');
  const review = await d.panel('[data-testid=prefill-review]');
  expect(review.text).toContain('Zupančič Maja');
  expect((await d.panel('table.panel__review[data-line="1"] tr[data-field=amount]')).text).toContain(comma(l2.amount!, 2));
  expect((await d.panel('input[name=paymentDate]')).value).toBe(today);
  // Nothing is written before the user confirms.
  expect((await d.evaluate(pageState, 'zahtevek')).data!['potrdilo[0]']).toBe('');
  await d.clickPanel('[data-testid=prefill-confirm]');
  const done = await d.panel('[data-testid=prefill-done]');
  expect(done).toMatchObject({ filled: '26', missing: '0', failed: '0', linesAdded: '1' });
  const lineOf = (l: ClaimLine, i: number) => ({
    [`potrdilo[${i}]`]: l.certificate, [`od[${i}]`]: dmy(l.from), [`do[${i}]`]: dmy(l.to), [`ure[${i}]`]: comma(l.hours),
    [`letoOsnove[${i}]`]: String(l.baseYear), [`meseci[${i}]`]: String(l.baseMonths), [`brutoOsnova[${i}]`]: comma(l.baseAmount!, 2),
    [`ureOsnove[${i}]`]: comma(l.baseHours!), [`valorizacija[${i}]`]: comma(l.valorisation!), [`osnovaNaUro[${i}]`]: comma(l.hourlyBase!, 2),
    [`odstotek[${i}]`]: String(l.percentage), [`znesek[${i}]`]: comma(l.amount!, 2),
  });
  const plain = await d.evaluate(pageState, 'zahtevek');
  expect(plain.data).toEqual({ datumIzplacila: today, mesecnaObveznost: comma(seeded.monthlyObligation), ...lineOf(l1, 0), ...lineOf(l2, 1) });
  expect(plain.data!['znesek[1]']).toBe('444,80');
  expect(plain.outlined).toBe(26);
  expect(plain.submitted).toBe(0);

  // 2. The framework-controlled form: the certificate typed in the form picks the claim.
  await d.goto('/forms/refund-form-app.html');
  await d.panel('[data-testid=prefill][data-step=idle]');
  await d.typePage('#app fieldset input[type=text]', '1000004');
  await d.clickPanel('[data-testid=prefill-start]');
  await d.panel('[data-testid=prefill][data-step=review]');
  await d.clickPanel('[data-testid=prefill-confirm]');
  expect(await d.panel('[data-testid=prefill-done]')).toMatchObject({ filled: '26', missing: '0', failed: '0', linesAdded: '1' });
  const app = await d.evaluate(pageState, '');
  const appLine = (l: ClaimLine) => ({
    certificate: l.certificate, from: l.from, to: l.to, hours: comma(l.hours), baseYear: String(l.baseYear), months: comma(l.baseMonths!),
    baseAmount: comma(l.baseAmount!, 2), baseHours: comma(l.baseHours!), valorisation: comma(l.valorisation!), hourly: comma(l.hourlyBase!, 2),
    percentage: String(l.percentage), amount: comma(l.amount!, 2),
  });
  expect(app.state).toEqual({ paymentDate: today, obligation: comma(seeded.monthlyObligation), lines: [appLine(l1), appLine(l2)] });
  expect(app.outlined).toBe(26);
  expect(app.submitted).toBe(0);

  // 3. The A1 form: the posting ready to file comes first.
  await d.goto('/forms/a1-form.html');
  await d.clickPanel('[data-testid=prefill][data-step=idle] [data-testid=prefill-start]');
  const first = await d.panel('[data-testid=prefill][data-step=choosePosting] li:first-child [data-testid=prefill-choice]');
  const ready = seeded.postings[1]!;
  expect(first).toMatchObject({ id: String(ready.id), issues: '0' });
  await d.clickPanel(`[data-testid=prefill-choice][data-id="${ready.id}"]`);
  expect((await d.panel('[data-testid=prefill-review]')).text).toContain('Kranjc Janez');
  await d.clickPanel('[data-testid=prefill-confirm]');
  expect(await d.panel('[data-testid=prefill-done]')).toMatchObject({ missing: '0', failed: '0' });
  const a1 = await d.evaluate(pageState, 'vloga');
  const p = READY.posting;
  expect(a1.data).toEqual({
    maticna: employer.registrationNumber, naziv: employer.name, sedez: employer.seat, telefon: employer.phone, eposta: employer.email,
    emso: p.person.emso, spol: 'M', priimek: 'Kranjc', ime: 'Janez', priimekObRojstvu: 'Kranjc', datumRojstva: '01.01.1990', krajRojstva: 'Kranj',
    drzavljanstvo: 'slovensko', naslovSlo: p.person.addressInSlovenia, naslovTujina: p.person.addressAbroad,
    zacetek: p.start, konec: p.end, drzava: 'AT', krajDela: 'Graz',
    narocnikNaziv: client.name, narocnikNaslov: client.address, narocnikDavcna: client.taxNumber, opis: 'Montaža fasade',
  });
  expect(a1.outlined).toBe(23);
  expect(a1.submitted).toBe(0);

  // Nothing reached the forms' submit addresses, and nothing was posted to SPOT at all.
  const toSpot = server.requests.filter((r) => /(^|\.)spot\.gov\.si(:\d+)?$/.test(r.host));
  expect(toSpot.length).toBeGreaterThan(0);
  expect(toSpot.filter((r) => r.method !== 'GET' || r.path.includes('-submit')).map((r) => `${r.method} ${r.path}`)).toEqual([]);
}

// ---- the framework form's bundle, built at test time ----

let appJs = '';
let out = '';
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'spot-e2e-app-'));
  await build({
    configFile: false, logLevel: 'error', publicDir: false,
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: out, emptyOutDir: true, minify: false, copyPublicDir: false, reportCompressedSize: false,
      lib: { entry: join(FORMS, 'refund-form-app.tsx'), formats: ['iife'], name: 'refundFormApp', fileName: () => 'refund-form-app.js' },
    },
  });
  appJs = readFileSync(join(out, 'refund-form-app.js'), 'utf8');
});
afterAll(() => { if (out) rmSync(out, { recursive: true, force: true }); });

describe('prefilling SPOT\'s forms: Chromium (dist/chrome)', () => {
  it('fills the plain and the framework refund form and the A1 form from stored data, and submits nothing', async () => {
    await withChromium(async ({ page, server, openPopup }) => {
      const panel = panelDriver(page);
      const d: Driver = {
        goto: async (path) => void (await page.goto(server.url(path))),
        typePage: (selector, text) => page.locator(selector).first().pressSequentially(text),
        // The panel's shadow root is closed: reached through the DevTools protocol (harness/panel.ts).
        clickPanel: (selector) => panel.click(selector),
        panel: (selector) => panel.waitFor(selector),
        evaluate: <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => page.evaluate(fn as (arg: unknown) => T | Promise<T>, arg as unknown),
        async seed(arg) {
          const popup = await openPopup();
          try {
            return await popup.evaluate(seed, arg);
          } finally {
            await popup.close();
          }
        },
      };
      await scenario(d, server, appJs);
    });
  });
});

describe('prefilling SPOT\'s forms: Firefox ESR (dist/firefox)', () => {
  it('fills the plain and the framework refund form and the A1 form from stored data, and submits nothing', async () => {
    await withFirefox(async ({ newPage, server, openPopup }) => {
      const page: FirefoxPage = await newPage();
      // The panel's shadow root is closed: reached through WebDriver BiDi (harness/panel.ts).
      const panel = panelDriver(page);
      const d: Driver = {
        async goto(path) {
          const url = server.url(path);
          page.goto(url, { timeout: 0 }).catch(() => undefined);
          await page.waitForFunction((u: string) => location.href === u && document.readyState === 'complete', { timeout: 15_000 }, url);
        },
        async typePage(selector, text) {
          const el = await page.waitForSelector(selector, { timeout: 15_000 });
          await el!.focus();
          await page.keyboard.type(text);
        },
        clickPanel: (selector) => panel.click(selector),
        panel: (selector) => panel.waitFor(selector),
        evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => unknown, arg as unknown) as never,
        async seed(arg) {
          const popup = await openPopup();
          try {
            return (await popup.evaluate(seed, arg)) as Seeded;
          } finally {
            await popup.close();
          }
        },
      };
      await scenario(d, server, appJs);
    });
  });
});

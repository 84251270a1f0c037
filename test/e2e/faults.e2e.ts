/**
 * Faults in the real browser (issue 9), one Chromium start:
 *
 *  1. An import interrupted by the browser stopping the service worker (`ServiceWorker.stopAllWorkers`
 *     over the DevTools protocol, as Chrome does to an idle or misbehaving worker) leaves either
 *     all of that file or nothing of it. The kill is timed INSIDE the write transaction: an
 *     extension page keeps a read of the same store queued behind it (IndexedDB runs a read
 *     after an earlier overlapping write), so "the read is still waiting" proves the write had
 *     begun and not finished. After each kill every table is checked; then the same file goes in
 *     whole once the worker is back.
 *  2. Two SPOT tabs showing different and overlapping eBOL lists store at the same time, then
 *     both re-render with some certificates cancelled: every certificate is stored exactly once
 *     with its latest status, and its history holds that one change, once (the history records
 *     changes; a new certificate's row says when and where it was first seen).
 *  3. That state saved through Nastavitve → Varnostna kopija as an encrypted `.spotbackup`
 *     (WebCrypto and CompressionStream in the real service worker), everything deleted, then
 *     restored from the file: the dialog shows the file's counts first, and afterwards every
 *     certificate and history entry is back as it was.
 *
 * (A storage quota cannot be imposed on the extension in Chromium: it holds `unlimitedStorage`,
 * and `Storage.overrideQuotaForOrigin` only changes what `navigator.storage.estimate()` reports.
 * Quota faults are injected in the unit tests: test/security/storage-faults.test.ts.)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { panelDriver, withChromium, type SpotServer } from './harness/index.ts';
import { FIXTURES } from './harness/paths.ts';

const CHANNEL = 'spot-pomocnik/1';
const EMPLOYER = '12345679';
// The largest file one message takes: its write transaction must last well beyond the 150 ms
// `waitForWriter` needs to see it, also on a fast machine (the store writes 1 000 in ~0.1 s).
const IMPORT_SIZE = 5000;

type Counts = Record<'employers' | 'workers' | 'certificates' | 'history' | 'settings', number>;

// ---- in-page functions (serialised into the browser: no closures) ----

/**
 * Rows per table the import writes; `settings` counts only the import's own key (the selected
 * employer), not the retention's bookkeeping, which the background writes when it starts.
 */
async function countAll(): Promise<Counts> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('spot-pomocnik');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const names = ['employers', 'workers', 'certificates', 'history'] as const;
  const tx = db.transaction([...names, 'settings'], 'readonly');
  const counts = await Promise.all(names.map((n) => new Promise<number>((resolve) => {
    const q = tx.objectStore(n).count();
    q.onsuccess = () => resolve(q.result);
  })));
  const selected = await new Promise<number>((resolve) => {
    const q = tx.objectStore('settings').count('currentEmployer');
    q.onsuccess = () => resolve(q.result);
  });
  db.close();
  return { ...Object.fromEntries(names.map((n, i) => [n, counts[i]])), settings: selected } as Counts;
}

async function dumpCertificates(): Promise<{ certificates: { number: string; status: string }[]; history: { entity: string; entityKey: string; change: Record<string, unknown> }[] }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('spot-pomocnik');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const all = (name: string) => new Promise<unknown[]>((resolve) => {
    const q = db.transaction(name, 'readonly').objectStore(name).getAll();
    q.onsuccess = () => resolve(q.result);
  });
  const out = { certificates: await all('certificates'), history: await all('history') };
  db.close();
  return JSON.parse(JSON.stringify(out));
}

async function countCancelled(): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('spot-pomocnik');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const n = await new Promise<number>((resolve) => {
    const q = db.transaction('certificates', 'readonly').objectStore('certificates').getAll();
    q.onsuccess = () => resolve((q.result as { status: string }[]).filter((c) => c.status === 'cancelled').length);
  });
  db.close();
  return n;
}

/** Sends the import and, without waiting for its answer, returns; the answer lands in `window.__import`. */
function startImport(arg: { channel: string; certificates: unknown[] }): void {
  const w = window as unknown as { __import: Promise<unknown>; chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
  w.__import = w.chrome.runtime.sendMessage({ channel: arg.channel, name: 'ui:importCertificates', payload: { certificates: arg.certificates, fallbackEmployerTax: null } })
    .then((answer) => ({ answered: answer !== undefined && answer !== null, answer }), (error: unknown) => ({ answered: false, error: String(error) }));
}

/**
 * Waits until a read of `certificates` stays queued (> 150 ms): the import's write transaction
 * has begun. The queued read stays in `window.__reader` and settles when the write ends.
 */
async function waitForWriter(timeoutMs: number): Promise<number> {
  const w = window as unknown as { __reader: Promise<{ count: number; at: number }> };
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('spot-pomocnik');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const read = new Promise<{ count: number; at: number }>((resolve) => {
      const q = db.transaction('certificates', 'readonly').objectStore('certificates').count();
      q.onsuccess = () => resolve({ count: q.result, at: performance.now() });
    });
    const first = await Promise.race([read, new Promise<null>((r) => setTimeout(() => r(null), 150))]);
    if (first === null) {
      w.__reader = read;
      return performance.now();
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the import never began writing');
}

/** Whether the queued read has settled (the write transaction ended), without waiting. */
async function readerSettled(): Promise<boolean> {
  const w = window as unknown as { __reader: Promise<unknown> };
  return Promise.race([w.__reader.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 0))]);
}

// ---- data ----

const certificate = (n: number, status = 'issued') => ({
  number: String(n), kind: 'eBOL', worker: { name: `Delavec ${String(n % 25).padStart(2, '0')}`, zzzsNumber: null, emso: null },
  reason: '01', from: '2025-05-05', to: '2025-05-09', hoursPerDay: null, status, issuedOn: '2025-05-05', employerTaxNumber: EMPLOYER,
});

/** An eBOL list page like ebol-prenos.html with these rows (and its own paging script). */
function listPage(rows: { number: number; status: string }[]): string {
  const template = readFileSync(join(FIXTURES, 'ebol-prenos.html'), 'utf8');
  const body = rows.map((r) => `<tr><td>${r.number}</td><td>eBOL</td><td>Delavec ${String(r.number % 25).padStart(2, '0')}</td><td></td><td></td><td>01 - bolezen</td><td>05.05.2025</td><td>09.05.2025</td><td></td><td>${r.status}</td><td>05.05.2025</td><td></td></tr>`).join('\n');
  return template
    .replace(/<tbody>[\s\S]*<\/tbody>/, `<tbody>\n${body}\n</tbody>`)
    .replace(/Prikazanih 1–4 od 12 zadetkov\./, `Prikazanih 1–${rows.length} od ${rows.length} zadetkov.`);
}

/** The same list as SPOT's paging script loads it on "Osveži". */
const listJson = (rows: { number: number; status: string }[]) => JSON.stringify({
  stran: 1, strani: 1, skupaj: rows.length,
  vrstice: rows.map((r) => ({
    stevilka: String(r.number), vrsta: 'eBOL', ime: `Delavec ${String(r.number % 25).padStart(2, '0')}`, zzzs: '', emso: '', razlog: '01 - bolezen',
    od: '05.05.2025', do: '09.05.2025', delna: '', status: r.status, izdano: '05.05.2025', xml: '',
  })),
});

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// ---- the scenarios ----

async function interruptedImports(popup: Page, stopWorkers: () => Promise<void>): Promise<{ kills: number; midTransaction: number; recordsChecked: number; tablesChecked: number }> {
  const certificates = range(3_000_001, 3_000_000 + IMPORT_SIZE).map((n) => certificate(n));
  const empty = await popup.evaluate(countAll);
  expect(empty).toEqual({ employers: 0, workers: 0, certificates: 0, history: 0, settings: 0 });

  // Calibration: the whole file once, timing its write transaction; then everything deleted again.
  await popup.evaluate(startImport, { channel: CHANNEL, certificates });
  const began = await popup.evaluate(waitForWriter, 30_000);
  const ended = await popup.evaluate(() => (window as unknown as { __reader: Promise<{ at: number }> }).__reader.then((r) => r.at));
  const whole = await popup.evaluate(() => (window as unknown as { __import: Promise<unknown> }).__import);
  expect(whole).toMatchObject({ answered: true, answer: { ok: true, value: { added: IMPORT_SIZE } } });
  const writeMs = ended - began;
  const full = await popup.evaluate(countAll);
  expect(full.certificates).toBe(IMPORT_SIZE);
  await popup.evaluate((channel) => (window as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ channel, name: 'ui:deleteAllData', payload: { confirm: true } }), CHANNEL);
  expect(await popup.evaluate(countAll)).toEqual(empty);

  let kills = 0, midTransaction = 0, recordsChecked = 0, tablesChecked = 0;
  for (const fraction of [0.05, 0.3, 0.6]) {
    await popup.evaluate(startImport, { channel: CHANNEL, certificates });
    await popup.evaluate(waitForWriter, 30_000);
    await new Promise((r) => setTimeout(r, fraction * writeMs));
    const stillWriting = !(await popup.evaluate(readerSettled));
    await stopWorkers();
    kills++;
    const answer = await popup.evaluate(() => (window as unknown as { __import: Promise<{ answered: boolean }> }).__import);
    const after = await popup.evaluate(countAll);
    recordsChecked += Object.values(after).reduce((a, b) => a + b, 0);
    tablesChecked += Object.keys(after).length;
    if (stillWriting) {
      // Stopped inside the transaction: no answer, and nothing of the file in any table.
      midTransaction++;
      expect(answer.answered, `kill at ${fraction}`).toBe(false);
      expect(after, `kill at ${fraction} of the write`).toEqual(empty);
    } else {
      // The write had committed just before: all of it.
      expect(after.certificates).toBe(IMPORT_SIZE);
      await popup.evaluate((channel) => (window as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ channel, name: 'ui:deleteAllData', payload: { confirm: true } }), CHANNEL);
    }
  }
  expect(midTransaction).toBeGreaterThanOrEqual(2);

  // The worker comes back for the next message, and the file goes in whole: nothing was left half.
  await popup.evaluate(startImport, { channel: CHANNEL, certificates });
  const again = await popup.evaluate(() => (window as unknown as { __import: Promise<unknown> }).__import);
  expect(again).toMatchObject({ answered: true, answer: { ok: true, value: { added: IMPORT_SIZE, updated: 0, unchanged: 0 } } });
  const final = await popup.evaluate(countAll);
  expect(final.certificates).toBe(IMPORT_SIZE);
  expect(final.history).toBe(0); // new certificates change nothing, and nothing is left from the interrupted tries
  recordsChecked += Object.values(final).reduce((a, b) => a + b, 0);
  tablesChecked += Object.keys(final).length;
  return { kills, midTransaction, recordsChecked, tablesChecked };
}

async function twoTabs(context: import('playwright-core').BrowserContext, server: SpotServer, popup: Page): Promise<number> {
  const A = range(2_000_001, 2_000_300), B = range(2_000_151, 2_000_450);
  const CANCELLED = new Set(range(2_000_151, 2_000_200));
  const rows = (numbers: number[], round: number) => numbers.map((n) => ({ number: n, status: round === 2 && CANCELLED.has(n) ? 'Preklican' : 'Izdan' }));
  server.route('/ebol-a.html', { body: listPage(rows(A, 1)), type: 'text/html; charset=utf-8' });
  server.route('/ebol-b.html', { body: listPage(rows(B, 1)), type: 'text/html; charset=utf-8' });
  // "Osveži" loads page 1 again: by then the doctors cancelled 50 of the certificates both tabs show.
  server.route('/ebol-seznam-stran-1.json', (req, res) => {
    const numbers = String(req.headers.referer ?? '').includes('/ebol-b.html') ? B : A;
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(listJson(rows(numbers, 2)));
  });
  const [a, b] = [await context.newPage(), await context.newPage()];
  const seen = (page: Page, total: number, cancelled: number) => panelDriver(page).evaluate((root, arg) => {
    const s = root?.querySelector('[data-testid=panel-summary]') as HTMLElement | null;
    if (!s) return false;
    const n = (k: string) => Number(s.dataset[k] ?? 0);
    return n('added') + n('updated') + n('unchanged') + n('cancelled') >= arg.total && n('cancelled') >= arg.cancelled;
  }, { total, cancelled });
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 300 && !(await check().catch(() => false)); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await check()).toBe(true);
  };

  // Both tabs load at once: 300 rows each, 150 of them the same certificates.
  await Promise.all([a.goto(server.url('/ebol-a.html')), b.goto(server.url('/ebol-b.html'))]);
  await until(async () => (await seen(a, 300, 0)) && (await seen(b, 300, 0)));
  // Both re-render at once, 50 shared certificates now cancelled.
  await Promise.all([a.locator('[data-pager=refresh]').click(), b.locator('[data-pager=refresh]').click()]);
  await until(async () => (await popup.evaluate(countCancelled)) === CANCELLED.size);
  const { certificates, history } = await popup.evaluate(dumpCertificates);
  const expected = [...new Set([...A, ...B])].map(String).sort();
  expect(certificates.map((c) => c.number).sort()).toEqual(expected);
  for (const c of certificates) expect(c.status, c.number).toBe(CANCELLED.has(Number(c.number)) ? 'cancelled' : 'issued');
  // Each stored once: the second tab found the first one's rows (the same data: no change), and
  // each cancellation is recorded once, by whichever tab wrote it first.
  const changes = history.filter((h) => h.entity === 'certificates');
  expect(changes.map((h) => h.entityKey).sort()).toEqual([...CANCELLED].map(String).sort());
  for (const h of changes) expect(h.change, h.entityKey).toEqual({ status: ['issued', 'cancelled'] });
  await a.close();
  await b.close();
  return certificates.length + history.length;
}

/** Through the app's own Settings view: make a backup, delete everything, restore it. */
async function backupAndRestore(app: Page, popup: Page): Promise<number> {
  const before = await popup.evaluate(dumpCertificates);
  const dir = mkdtempSync(join(tmpdir(), 'spot-backup-'));
  try {
    const secret = 'Tri zelene žabe skačejo 2025!';
    await app.locator('#backup-passphrase').fill(secret);
    await app.locator('#backup-passphrase-again').fill(secret);
    const [download] = await Promise.all([app.waitForEvent('download'), app.locator('[data-testid=backup-create-form] button[type=submit]').click()]);
    expect(download.suggestedFilename()).toMatch(/^spot-pomocnik-\d{4}-\d{2}-\d{2}\.spotbackup$/);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('2000151'); // encrypted: no certificate number in clear
    expect(JSON.parse(text)).toMatchObject({ format: 'spot-pomocnik-backup', compression: 'gzip', kdf: { iterations: 600_000 } });

    await popup.evaluate((channel) => (window as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ channel, name: 'ui:deleteAllData', payload: { confirm: true } }), CHANNEL);
    expect((await popup.evaluate(countAll)).certificates).toBe(0);

    await app.locator('[data-testid=backup-file]').setInputFiles(file);
    await app.locator('#backup-restore-passphrase').fill('napačno geslo');
    await app.locator('[data-testid=backup-restore-form] button[type=submit]').click();
    await app.locator('#backup-restore-status[data-state=error]').waitFor();
    await app.locator('#backup-restore-passphrase').fill(secret);
    await app.locator('[data-testid=backup-restore-form] button[type=submit]').click();
    await app.locator('[role=dialog] [data-table=certificates]').waitFor();
    expect(await app.locator('[role=dialog] [data-table=certificates]').getAttribute('data-count')).toBe(String(before.certificates.length));
    expect((await popup.evaluate(countAll)).certificates).toBe(0); // nothing replaced before the confirmation
    await app.locator('[role=dialog] .button--danger').click();
    await app.locator('#backup-restore-status[data-state=done]').waitFor();
    const after = await popup.evaluate(dumpCertificates);
    expect(after).toEqual(before);
    return after.certificates.length + after.history.length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('faults: Chromium (dist/chrome)', () => {
  it('a stopped service worker leaves an import whole or absent; two tabs writing at once lose nothing; a backup brings all back', async () => {
    await withChromium(async ({ context, server, openPopup }) => {
      const popup = await openPopup();
      // The popup's first message has the background create the database (reading it first would create an empty one).
      await popup.locator('[data-testid=status-line]').waitFor();
      const cdp = await context.newCDPSession(popup);
      await cdp.send('ServiceWorker.enable');
      const stopWorkers = async () => { await cdp.send('ServiceWorker.stopAllWorkers'); };

      const kills = await interruptedImports(popup, stopWorkers);
      await popup.evaluate((channel) => (window as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ channel, name: 'ui:deleteAllData', payload: { confirm: true } }), CHANNEL);
      const checked = await twoTabs(context, server, popup);
      const app = await openPopup('app.html#settings');
      const restored = await backupAndRestore(app, popup);
      // eslint-disable-next-line no-console
      console.log(`[faults e2e] import of ${IMPORT_SIZE} certificates, service worker stopped ${kills.kills} times (inside the write transaction: ${kills.midTransaction}); tables checked after the stops and the re-import: ${kills.tablesChecked}, records in them: ${kills.recordsChecked}; two tabs: ${checked} records checked; backup restored: ${restored} records equal`);
    });
  });
});


/**
 * The popup app in Chromium (dist/chrome, app.html in a tab): import a clerk's files (two eBOL
 * XMLs forming one absence that crosses to ZZZS, FURS disclosures as CSV and XML, a CSV whose
 * columns are assigned in the mapping dialog) → compute the absence → the numbers on screen
 * are the engine's on the same files → export CSV → the file holds them, and a worker named
 * like a spreadsheet formula comes out as text. Then FURS's contribution e-invoice goes to the
 * self-employed view, and that view exports the person's OPSVZ fields.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { assembleCase } from '../../src/lib/assemble.ts';
import { computeCase } from '../../src/lib/compensation/index.ts';
import type { Certificate } from '../../src/lib/certificates.ts';
import type { Disclosure } from '../../src/lib/disclosure/model.ts';
import { readDocument } from '../../src/lib/documents.ts';
import { formatNumber } from '../../src/lib/format.ts';
import { withChromium } from './harness/index.ts';

const DIR = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const FILES = [
  'ebol-1000002.xml', 'ebol-1000003.xml', 'ebol-1000017.xml',
  'furs-osnova-zzzs-87654326.csv', 'furs-osnova-delodajalec-87654326.xml', 'furs-izvoz-stolpci-23456787.csv',
];

/** The engine on the same files, as the test reads them (the worker's certificates and disclosures). */
function expectedResult() {
  const read = (f: string) => readDocument(new Uint8Array(readFileSync(DIR + f)), f);
  const certificates = ['ebol-1000002.xml', 'ebol-1000003.xml'].flatMap((f) => (read(f) as { certificates: Certificate[] }).certificates);
  const disclosures = ['furs-osnova-zzzs-87654326.csv', 'furs-osnova-delodajalec-87654326.xml'].map((f) => read(f) as Disclosure);
  return computeCase(assembleCase(certificates, disclosures));
}

async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path!, 'utf8') };
}

describe('popup app: Chromium (dist/chrome)', () => {
  it('imports files, computes an absence with the engine\'s numbers, and exports CSV safely', async () => {
    await withChromium(async ({ openPopup }) => {
      const app = await openPopup('app.html');
      await app.getByText('No employer is selected.', { exact: false }).waitFor();

      // Import (the file picker's input); one file needs its columns assigned by hand.
      await app.getByTestId('import-input').setInputFiles(FILES.map((f) => DIR + f));
      const dialog = app.getByRole('dialog', { name: 'Assign the columns' });
      await dialog.waitFor();
      await dialog.getByLabel('Datum').selectOption('month');
      await dialog.getByLabel('Opis').selectOption('source');
      await dialog.getByLabel('Vrednost').selectOption('amount');
      await dialog.getByLabel('Količina').selectOption('hours');
      await dialog.getByRole('button', { name: 'Apply and import' }).click();
      const summary = app.locator('[data-testid=import-summary][data-busy=false]');
      await summary.filter({ hasText: 'Done' }).waitFor();
      expect(await summary.textContent()).toBe('Done: 6 stored, 0 new versions, 0 unchanged, 0 errors.');
      expect(await app.locator('[data-testid=import-results] li').evaluateAll((li) => li.map((l) => l.getAttribute('data-status'))))
        .toEqual(['stored', 'stored', 'stored', 'stored', 'stored', 'stored']);
      // The employer came with the files and is selected.
      expect(await app.getByTestId('employer-switcher').inputValue()).toBe('12345679');

      // The same files again change nothing.
      await app.getByTestId('import-input').setInputFiles(FILES.slice(0, 4).map((f) => DIR + f));
      await summary.filter({ hasText: 'Done: 0 stored' }).waitFor();
      expect(await summary.textContent()).toBe('Done: 0 stored, 0 new versions, 4 unchanged, 0 errors.');

      // Keyboard: the view tabs move with the arrow keys.
      const workersTab = app.getByRole('tab', { name: 'Workers' });
      await workersTab.focus();
      await app.keyboard.press('ArrowRight');
      expect(await app.getByRole('tab', { name: 'Certificates' }).getAttribute('aria-selected')).toBe('true');
      await app.keyboard.press('ArrowRight');
      const computeTab = app.getByRole('tab', { name: 'Computation' });
      expect(await computeTab.evaluate((el) => el === document.activeElement)).toBe(true);

      // Compute: the worker, the absence; the FURS data are linked to the worker first.
      await app.getByRole('button', { name: /Zupančič Maja/ }).click();
      await app.getByTestId('absence-choices').getByRole('button').first().click();
      const table = app.getByTestId('segments-table');
      await table.waitFor();
      expect(await app.locator('[data-testid=warnings] [data-code=NO_BASE_DATA]').count()).toBe(1);
      const link = app.getByTestId('link-disclosures');
      const option = await link.locator('option', { hasText: 'P-2025-000412001' }).getAttribute('value');
      await link.locator('select').selectOption(option!);
      await link.getByRole('button', { name: 'Link to this worker' }).click();
      await app.locator('[data-testid=segments-table] td[data-field=hourlyBase]', { hasText: '13.90' }).waitFor();

      const expected = expectedResult();
      expect(expected.segments).toHaveLength(3);
      const shown = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) =>
        Object.fromEntries([...r.querySelectorAll('td')].map((td) => [td.dataset.field, td.textContent?.trim()]))));
      const en = (v: number | null, places: number | null) => (v === null ? '—' : formatNumber(v, places, 'en'));
      expect(shown).toEqual(expected.segments.map((s) => ({
        certificate: s.certificate, from: s.from, to: s.to, payer: s.payer === 'employer' ? 'employer' : 'ZZZS',
        workingDays: String(s.workingDays), hours: en(s.hours, null), hourlyBase: en(s.hourlyBase, 2),
        percentage: String(s.percentage), amount: en(s.amount, 2),
      })));
      expect(await table.locator('[data-field=totalEmployer]').textContent()).toBe(en(expected.totals.employer, 2));
      expect(await table.locator('[data-field=totalZzzs]').textContent()).toBe(en(expected.totals.zzzs, 2));
      expect(await app.locator('[data-testid=warnings]').count()).toBe(0);
      // The explanation, with legal references and the project's marks.
      const trace = app.getByTestId('trace');
      expect(await trace.locator('[data-step=ZZZS_BASE]').textContent()).toContain('13.90');
      expect(await trace.locator('.trace__ref').first().textContent()).toMatch(/^Source: /);
      expect(await trace.locator('.mark--convention').count()).toBeGreaterThan(0);
      // The claim line for the ZZZS part, with its lapse date.
      expect(await app.getByTestId('claim-lines').textContent()).toContain('1000003 · 2025-05-13 – 2025-05-23 · 800.64 EUR · lapses 2028-06-19');

      // Export: Excel (SI) is the default dialect.
      await app.getByRole('tab', { name: 'Export' }).click();
      const certificates = await download(app, 'Certificates (CSV)');
      expect(certificates.name).toMatch(/^spot-pomocnik_potrdila_PRIMER-d-o-o_\d{4}-\d{2}-\d{2}\.csv$/);
      expect(certificates.text.startsWith('\ufeff')).toBe(true);
      const lines = certificates.text.slice(1).split('\r\n');
      expect(lines[0]).toContain('Delavec;EMŠO;ZZZS številka');
      // The formula-like name is text in Excel: prefixed with ' (and quoted, as it holds quotes).
      expect(lines.find((l) => l.includes('1000017'))).toContain(';"\'=HYPERLINK(""x"")";2307972505124;');
      expect(lines.filter((l) => /^12345679;/.test(l))).toHaveLength(3);
      expect(certificates.text).not.toMatch(/;=HYPERLINK/);
      expect(lines.find((l) => l.includes('1000002'))).toContain(';01.04.2025;30.04.2025;');

      const segments = await download(app, 'Computations – segments (CSV)');
      const rows = segments.text.slice(1).trim().split('\r\n').slice(1).map((l) => l.split(';'));
      expect(rows.map((r) => [r[5], r[7], r[8], r[12], r[14]])).toEqual(expected.segments.map((s) => [
        s.certificate, s.from.split('-').reverse().join('.'), s.to.split('-').reverse().join('.'),
        formatNumber(s.hourlyBase!, 2, 'sl').replace('.', ''), formatNumber(s.amount!, 2, 'sl').replace('.', ''),
      ]));
      expect(await app.getByTestId('export-status').textContent()).toContain('(3 rows)');

      // Standard CSV: commas and a decimal point; the claim lines.
      await app.getByLabel(/Standard CSV/).check();
      const claims = await download(app, 'Refund claim lines (CSV)');
      expect(claims.text.startsWith('\ufeff')).toBe(false);
      expect(claims.text).toContain('1000003,01 – bolezen,2025-05-13,2025-05-23,72,2024,12,29130.18,2096,1,13.90,80,800.64');

      // Self-employed: FURS's e-invoice given to the import is not an error but is handed to its view,
      // compared for the month it is for; the same person's OPSVZ fields for May are exported.
      await app.getByTestId('import-input').setInputFiles(fileURLToPath(new URL('../fixtures/eslog/furs-2025-05.xml', import.meta.url)));
      const invoiceRow = app.locator('[data-testid=import-results] li[data-status=invoice]');
      await invoiceRow.waitFor();
      await invoiceRow.getByRole('button', { name: 'Open "Self-employed"' }).click();
      await app.getByTestId('invoice').waitFor();
      expect(await app.getByTestId('invoice').locator('[data-field=reference]').textContent()).toBe('SI19 87654326-47000');
      await app.getByRole('button', { name: 'Compare with 2025-05' }).click();
      await app.getByTestId('invoice-explanation').filter({ hasText: 'The invoice matches the expected contributions (585.94 €).' }).waitFor();
      const person = app.getByLabel('Person');
      await person.selectOption((await person.locator('option', { hasText: 'Zupančič Maja' }).getAttribute('value'))!);
      await app.locator('[data-opsvz="140"] [data-field=value]', { hasText: '72 h' }).waitFor();
      expect(await app.locator('[data-opsvz="130"] [data-field=value]').textContent()).toBe('64 h');
      const opsvz = await download(app, 'Export the OPSVZ fields');
      expect(opsvz.name).toMatch(/^spot-pomocnik_opsvz-2025-05_PRIMER-d-o-o_\d{4}-\d{2}-\d{2}\.csv$/);
      expect(opsvz.text).toMatch(/,2025-05,090,Obdobje odsotnosti z dela in razlog,,2025-05-01,2025-05-23,01 – bolezen,1000003\r\n/);
    });
  });
});

/**
 * SPOT's refund and A1 forms are recognised by the page registry by their words (field labels,
 * with or without the heading), parsed the way the companion parses saved pages (no script
 * runs), and the other pages are not taken for forms.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSavedPage } from '../../../src/companion/savedPage.ts';
import { formFieldCounts, recogniseFormPage } from '../../../src/shared/pages/forms.ts';
import { recognisePage } from '../../../src/shared/pages/registry.ts';
import { ROOT } from '../../companion/run.ts';

const SPOT = join(ROOT, 'test/fixtures/spot');
const open: Array<() => Promise<void>> = [];
afterEach(async () => { await Promise.all(open.splice(0).map((close) => close())); });

function load(file: string, edit: (html: string) => string = (h) => h): Document {
  const page = parseSavedPage(edit(readFileSync(join(SPOT, file), 'utf8')), `https://spot.gov.si/${file}`);
  open.push(page.close);
  return page.document;
}

describe('recognising SPOT\'s forms', () => {
  it('the plain refund form and the A1 application, by heading and labels', () => {
    expect(recognisePage(load('forms/refund-form.html'))).toEqual({ kind: 'notData', page: 'refundForm' });
    expect(recognisePage(load('forms/a1-form.html'))).toEqual({ kind: 'notData', page: 'a1Form' });
    const counts = formFieldCounts(load('forms/refund-form.html'));
    expect(counts.refund).toEqual({ total: 14, distinctive: 9, key: true });
    expect(counts.a1.key).toBe(false);
  });

  it('without the heading, by enough of the form\'s own fields (in any order, under other words)', () => {
    const noHeading = (h: string) => h.replace(/<h1>.*<\/h1>/, '<h1>Nov dokument</h1>').replace(/<title>.*<\/title>/, '<title>SPOT</title>');
    expect(recognisePage(load('forms/refund-form.html', noHeading))).toEqual({ kind: 'notData', page: 'refundForm' });
    expect(recognisePage(load('forms/a1-form.html', noHeading))).toEqual({ kind: 'notData', page: 'a1Form' });
    // Synonyms from the label tables: "Urna osnova", "Valorizacijski količnik", "Rojstni priimek" …
    const synonyms = (h: string) => noHeading(h).replace('Osnova na uro', 'Urna osnova').replace('Količnik valorizacije', 'Valorizacijski količnik')
      .replace('Skupni znesek bruto osnove', 'Bruto osnova').replace('Številka e-potrdila *', 'Št. e-potrdila');
    expect(recognisePage(load('forms/refund-form.html', synonyms))).toEqual({ kind: 'notData', page: 'refundForm' });
  });

  it('does not take other pages for forms', () => {
    expect(recognisePage(load('index.html'))).toEqual({ kind: 'notData', page: 'other' });
    expect(recognisePage(load('prijava.html'))).toEqual({ kind: 'notData', page: 'login' });
    expect(recognisePage(load('ebol-seznam.html')).kind).toBe('ebolList');
    expect(recognisePage(load('podatki-osnova.html')).kind).toBe('disclosureList');
    // The heading alone (the framework form before it renders) is not enough.
    expect(recognisePage(load('forms/refund-form-app.html'))).toEqual({ kind: 'notData', page: 'other' });
    // A search box with a certificate number and dates is no refund form.
    const search = load('index.html', (h) => h.replace('</main>', `<form><label>Številka e-potrdila <input name="q"></label>
      <label>Od <input name="od"></label><label>Do <input name="do"></label><button>Išči</button></form></main>`));
    expect(recogniseFormPage(search, 'Moj SPOT')).toBeNull();
    expect(recognisePage(search)).toEqual({ kind: 'notData', page: 'other' });
  });

  it('the refund form\'s key field is required: without the certificate number it is not recognised', () => {
    const noKey = (h: string) => h.replace(/<tr><td>Številka e-potrdila \*<\/td>.*?<\/tr>/, '');
    expect(recognisePage(load('forms/refund-form.html', noKey))).toEqual({ kind: 'notData', page: 'other' });
  });
});

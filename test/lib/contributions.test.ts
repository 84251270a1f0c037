import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareInvoice, expectedContributions, INVOICE_LINE_LABELS } from '../../src/lib/contributions.ts';
import { readEslogInvoice } from '../../src/lib/eslog/index.ts';
import {
  AVERAGE_WAGE_FOR_BASES, COMPULSORY_HEALTH_CONTRIBUTION, CONTRIBUTION_RATES, MAXIMUM_BASE_MULTIPLE, MINIMUM_BASE_SHARE,
} from '../../src/lib/rules/contributions.ts';
import type { Dated } from '../../src/lib/rules/types.ts';
import { matchLabel } from '../../src/lib/text/labels.ts';

const invoice = (name: string) => readEslogInvoice(readFileSync(new URL(`../fixtures/eslog/${name}`, import.meta.url)));
const amounts = (month: string, opts: { base?: number; longTermCare?: boolean } = {}) =>
  Object.fromEntries(expectedContributions({ month, ...opts }).lines.map((l) => [l.code, l.amount]));

describe('contribution rules tables', () => {
  const tables: Array<[string, readonly Dated<unknown>[]]> = [
    ...Object.entries(CONTRIBUTION_RATES),
    ['OZP', COMPULSORY_HEALTH_CONTRIBUTION], ['min', MINIMUM_BASE_SHARE], ['max', MAXIMUM_BASE_MULTIPLE], ['wage', AVERAGE_WAGE_FOR_BASES],
  ];
  it.each(tables)('%s: rows are sorted, do not overlap, and name a source', (_name, rows) => {
    for (const r of rows) expect(r.source.length).toBeGreaterThan(5);
    for (let i = 1; i < rows.length; i++) {
      const prev = rows[i - 1] as Dated<unknown>;
      expect(prev.to).toBeDefined();
      expect(prev.to! < (rows[i] as Dated<unknown>).from).toBe(true);
    }
  });

  it('the shares add up to the rates a self-employed person pays', () => {
    const total = (code: keyof typeof CONTRIBUTION_RATES) =>
      CONTRIBUTION_RATES[code].at(-1)!.value.reduce((s, p) => s + Math.round(Number(p.percent) * 100), 0) / 100;
    expect([total('PIZ'), total('ZZ'), total('STV'), total('ZAP'), total('DO')]).toEqual([24.35, 13.45, 0.2, 0.2, 2]);
  });
});

describe('expectedContributions', () => {
  it('February 2026, minimum base: 60 % of 2.536,03 € = 1.521,62 €, total 648,85 € (the published 2026 minimum)', () => {
    const r = expectedContributions({ month: '2026-02' });
    expect(r).toMatchObject({ base: 1521.62, minimumBase: 1521.62, maximumBase: 8876.11, total: 648.85, warnings: [] });
    expect(r.lines.map((l) => [l.code, l.rate, l.amount])).toEqual([
      ['PIZ', 24.35, 370.51], ['ZZ', 13.45, 204.66], ['STV', 0.2, 3.04], ['ZAP', 0.2, 3.04], ['DO', 2, 30.43], ['OZP', null, 37.17],
    ]);
    expect(r.trace[0]!.sl).toContain('Najnižja osnova 60 % = 1.521,62 €');
    expect(r.trace.at(-1)!.sl).toBe('Skupaj za 2026-02: 648,85 €.');
  });

  it('March 2026 uses the indexed compulsory health contribution 39,36 €', () => {
    expect(amounts('2026-03').OZP).toBe(39.36);
    expect(expectedContributions({ month: '2026-03' }).total).toBe(651.04);
  });

  it('May 2025: base 1.436,59 € (60 % of 2.394,32 €), no long-term care yet, total 585,94 €', () => {
    const r = expectedContributions({ month: '2025-05' });
    expect(r.base).toBe(1436.59);
    expect(r.lines.map((l) => l.code)).toEqual(['PIZ', 'ZZ', 'STV', 'ZAP', 'OZP']);
    expect(r.total).toBe(585.94);
  });

  it('long-term care starts with July 2025 and can be left out', () => {
    expect(amounts('2025-06').DO).toBeUndefined();
    expect(amounts('2025-07').DO).toBe(28.73);
    expect(expectedContributions({ month: '2025-09' }).total).toBe(614.67);
    const without = expectedContributions({ month: '2025-09', longTermCare: false });
    expect(without.total).toBe(585.94);
    expect(without.trace.some((t) => /dolgotrajno oskrbo je po izbiri/.test(t.sl))).toBe(true);
    expect(expectedContributions({ month: '2025-06', longTermCare: true }).warnings).toEqual(['NO_LONG_TERM_CARE_FOR_MONTH']);
  });

  it('the compulsory health contribution is 35 € from January 2024 and 37,17 € from March 2025', () => {
    expect(amounts('2024-06').OZP).toBe(35);
    expect(amounts('2025-02').OZP).toBe(35);
    expect(amounts('2025-03').OZP).toBe(37.17);
  });

  it('January still uses the average wage of the year before last (UNCONFIRMED rule, shown in the trace)', () => {
    const jan = expectedContributions({ month: '2026-01' });
    expect(jan.base).toBe(1436.59);
    expect(jan.trace[0]).toMatchObject({ status: 'UNCONFIRMED', numbers: { wageYear: 2024 } });
    expect(expectedContributions({ month: '2026-02' }).trace[0]!.status).toBeUndefined();
  });

  it('a chosen base is used as is between the limits, and clamped outside them with a warning', () => {
    const r = expectedContributions({ month: '2026-02', base: 2500 });
    expect(r.base).toBe(2500);
    expect(r.lines.find((l) => l.code === 'PIZ')!.amount).toBe(608.75);
    expect(r.total).toBe(608.75 + 336.25 + 5 + 5 + 50 + 37.17);
    const low = expectedContributions({ month: '2026-02', base: 1000 });
    expect(low).toMatchObject({ base: 1521.62, warnings: ['BASE_BELOW_MINIMUM'] });
    expect(low.trace[0]!.sl).toMatch(/Izbrana osnova 1\.000,00 € je zunaj meja/);
    expect(expectedContributions({ month: '2026-02', base: '10000' })).toMatchObject({ base: 8876.11, warnings: ['BASE_ABOVE_MAXIMUM'] });
  });

  it('refuses a malformed month and months without a rule', () => {
    expect(() => expectedContributions({ month: '2026-13' })).toThrow(/LLLL-MM/);
    expect(() => expectedContributions({ month: '2020-05' })).toThrow(/povprečna letna plača 2019/);
  });
});

describe('invoice line labels', () => {
  it.each([
    ['Prispevek za pokojninsko in invalidsko zavarovanje', 'PIZ'],
    ['PIZ - prispevek zavarovanca 15,50 %', 'PIZ'],
    ['Prispevek za obvezno zdravstveno zavarovanje', 'ZZ'],
    ['Prispevek za poškodbe pri delu in poklicne bolezni', 'ZZ'],
    ['Obvezni zdravstveni prispevek', 'OZP'],
    ['Prispevek za starševsko varstvo', 'STV'],
    ['Prispevek za zaposlovanje', 'ZAP'],
    ['Prispevek za primer brezposelnosti', 'ZAP'],
    ['Prispevek za dolgotrajno oskrbo', 'DO'],
    ['Zamudne obresti od prispevka za PIZ', 'INTEREST'],
    ['Takse in stroški', null],
  ])('%s → %s', (text, kind) => {
    expect(matchLabel(text, INVOICE_LINE_LABELS)).toBe(kind);
  });
});

describe('compareInvoice', () => {
  it('a matching invoice: difference 0 and one sentence saying so', () => {
    const r = compareInvoice(invoice('furs-2026-02-dolgotrajna-oskrba.xml'), expectedContributions({ month: '2026-02' }));
    expect(r.difference).toBe(0);
    expect(r.explanation).toEqual([{
      sl: 'Račun se ujema s pričakovanimi prispevki (648,85 €).',
      en: 'The invoice matches the expected contributions (648.85 €).',
    }]);
    expect(r.lines.map((l) => l.kind)).toEqual(['PIZ', 'ZZ', 'STV', 'ZAP', 'DO', 'OZP']);
  });

  it('explains a missing long-term care line and an extra late-payment interest line: −28,73 + 2,14 = −26,59 €', () => {
    const r = compareInvoice(invoice('furs-2025-09-zamudne-obresti.xml'), expectedContributions({ month: '2025-09' }));
    expect(r.difference).toBe(-26.59);
    const sl = r.explanation.map((e) => e.sl);
    expect(sl[0]).toBe('Račun (588,08 €) se od izračuna (614,67 €) razlikuje za −26,59 €.');
    expect(sl).toContain('Na računu ni prispevka za dolgotrajno oskrbo (pričakovano 28,73 €). Plačuje se od 1. 7. 2025; preverite, ali je v obračunu za ta mesec.');
    expect(sl.some((s) => s.startsWith('Račun vsebuje zamudne obresti (2,14 €)'))).toBe(true);
    expect(r.explanation.every((e) => e.en.length > 0)).toBe(true);
  });

  it('recognises an invoice computed from another base (last year’s minimum)', () => {
    const r = compareInvoice(invoice('furs-2025-09-predpona.xml'), expectedContributions({ month: '2026-02' }));
    expect(r.difference).toBe(-34.18);
    expect(r.explanation[1]!.sl).toMatch(/osnovi približno 1\.436,59 €, izračun pa uporablja 1\.521,62 €/);
    expect(r.explanation.find((e) => e.sl.startsWith('Prispevek za pokojninsko'))!.sl)
      .toBe('Prispevek za pokojninsko in invalidsko zavarovanje: na računu 349,81 €, pričakovano 370,51 € (razlika −20,70 €). Razliko pojasni drugačna osnova (zgoraj).');
  });

  it('explains a single differing line with the base it implies, and calls a 1-cent difference rounding', () => {
    const expected = expectedContributions({ month: '2026-02' });
    const lines = expected.lines.map((l) => ({ description: l.sl, amount: l.amount }));
    lines[0] = { description: lines[0]!.description, amount: 380 };
    lines[1] = { description: lines[1]!.description, amount: 204.67 };
    const total = Math.round(lines.reduce((s, l) => s + l.amount * 100, 0)) / 100;
    const r = compareInvoice({ total, lines }, expected);
    expect(r.difference).toBe(9.5);
    const sl = r.explanation.map((e) => e.sl);
    expect(sl).toContain('Prispevek za pokojninsko in invalidsko zavarovanje: na računu 380,00 €, pričakovano 370,51 € (razlika +9,49 €). To ustreza osnovi približno 1.560,57 €.');
    expect(sl).toContain('Prispevek za zdravstveno zavarovanje: na računu 204,67 €, pričakovano 204,66 € (razlika +0,01 €). To je verjetno le zaokrožitev.');
  });

  it('sums split lines of one kind, flags unknown lines and lines that do not add up to the total', () => {
    const expected = expectedContributions({ month: '2025-05' });
    const r = compareInvoice({
      total: 600,
      lines: [
        { description: 'PIZ - prispevek zavarovanca', amount: 222.67 },
        { description: 'PIZ - prispevek delodajalca', amount: 127.14 },
        { description: 'Prispevek za zdravstveno zavarovanje', amount: 193.22 },
        { description: 'Prispevek za starševsko varstvo', amount: 2.87 },
        { description: 'Prispevek za zaposlovanje', amount: 2.87 },
        { description: 'Obvezni zdravstveni prispevek', amount: 37.17 },
        { description: 'Stroški opomina', amount: 4 },
      ],
    }, expected);
    expect(r.difference).toBe(14.06);
    const sl = r.explanation.map((e) => e.sl);
    expect(sl.some((s) => s.startsWith('Prispevek za pokojninsko'))).toBe(false);
    expect(sl).toContain('Vrstice »Stroški opomina« (4,00 €) ni bilo mogoče razvrstiti med vrste prispevkov.');
    expect(sl).toContain('Vrstice računa skupaj (589,94 €) se ne ujemajo z zneskom za plačilo (600,00 €); razlike +10,06 € vrstice ne pojasnijo.');
  });

  it('says when the invoice has long-term care and the expectation does not', () => {
    const r = compareInvoice(invoice('furs-2026-02-dolgotrajna-oskrba.xml'), expectedContributions({ month: '2026-02', longTermCare: false }));
    expect(r.difference).toBe(30.43);
    expect(r.explanation.map((e) => e.sl)).toContain('Račun vsebuje prispevek za dolgotrajno oskrbo (30,43 €), izračun pa ne (izpuščen ali mesec pred 1. 7. 2025).');
  });
});

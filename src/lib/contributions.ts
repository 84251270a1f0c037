import type { TraceStep } from './compensation/trace.ts';
import type { IsoMonth } from './dates.ts';
import { eur, formatNumber } from './format.ts';
import { Dec, money, sum } from './money.ts';
import {
  AVERAGE_WAGE_FOR_BASES, AVERAGE_WAGE_YEAR_LAG, COMPULSORY_HEALTH_CONTRIBUTION, CONTRIBUTION_NAMES, CONTRIBUTION_ORDER,
  CONTRIBUTION_RATES, MAXIMUM_BASE_MULTIPLE, MINIMUM_BASE_SHARE, type ContributionCode, type RateCode,
} from './rules/contributions.ts';
import { MissingRuleError, requireOn, type Dated, type RuleStatus } from './rules/types.ts';
import { type LabelTable, matchLabel } from './text/labels.ts';

/**
 * The contributions a self-employed person should pay for a month (RULES §10 context), and
 * a line-by-line explanation of how FURS's collective e-invoice differs from them.
 * Each kind is rounded to the cent on its own (half away from zero) and the total is the
 * sum of the rounded lines: this reproduces the published 2026 minimum (648,85 €).
 */

export interface ContributionLine {
  code: ContributionCode;
  sl: string;
  en: string;
  /** Percent of the base (24.35), or null for the flat compulsory health contribution. */
  rate: number | null;
  amount: number;
  source: string;
  status?: RuleStatus;
}

export interface ExpectedContributions {
  month: IsoMonth;
  /** The base the percentages were applied to, after the minimum/maximum. */
  base: number;
  minimumBase: number;
  maximumBase: number;
  lines: ContributionLine[];
  total: number;
  trace: TraceStep[];
  /** `BASE_BELOW_MINIMUM`, `BASE_ABOVE_MAXIMUM`, `NO_LONG_TERM_CARE_FOR_MONTH`. */
  warnings: string[];
}

export interface ContributionsInput {
  month: IsoMonth;
  /** The person's insurance base; default the minimum base of the month. */
  base?: number | string;
  /** Include long-term care; default: when the month has the contribution (from 2025-07). */
  longTermCare?: boolean;
}

const n2 = (v: Dec | number): string => formatNumber(v, 2, 'sl');

export function expectedContributions(input: ContributionsInput): ExpectedContributions {
  const { month } = input;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`Mesec mora biti v obliki LLLL-MM, najdeno »${month}«.`);
  const date = `${month}-01`;
  const trace: TraceStep[] = [];
  const warnings: string[] = [];

  // ---- base ----
  // Only January's lag is unconfirmed: February onwards using last year's average is
  // what FURS and the published minimums show.
  const january = Number(month.slice(5)) === 1;
  const lag = january ? AVERAGE_WAGE_YEAR_LAG.value.january : AVERAGE_WAGE_YEAR_LAG.value.otherMonths;
  const wageYear = Number(month.slice(0, 4)) - lag;
  const wage = requireOn(AVERAGE_WAGE_FOR_BASES, `${wageYear}-07-01`, `povprečna letna plača ${wageYear}`);
  const share = requireOn(MINIMUM_BASE_SHARE, date, 'najnižja zavarovalna osnova');
  const multiple = requireOn(MAXIMUM_BASE_MULTIPLE, date, 'najvišja zavarovalna osnova');
  const average = Dec.from(wage.value);
  const minimumBase = average.mul(Dec.from(share.value)).round(2);
  const maximumBase = average.mul(Dec.from(multiple.value)).round(2);
  let base = input.base === undefined ? minimumBase : Dec.from(input.base).round(2);
  const chosen = base;
  if (base.cmp(minimumBase) < 0) { warnings.push('BASE_BELOW_MINIMUM'); base = minimumBase; }
  if (base.cmp(maximumBase) > 0) { warnings.push('BASE_ABOVE_MAXIMUM'); base = maximumBase; }
  const baseStatus = worst(wage.status, january ? AVERAGE_WAGE_YEAR_LAG.status : undefined);
  trace.push({
    step: 'BASE',
    ref: `${share.source}; ${multiple.source}; ${wage.source}; ${AVERAGE_WAGE_YEAR_LAG.source}`,
    sl: `Povprečna letna plača ${wageYear}: ${eur(average, 'sl')}. Najnižja osnova ${formatNumber(Dec.from(share.value).mul(100), null, 'sl')} % = ${eur(minimumBase, 'sl')}, `
      + `najvišja ${formatNumber(Dec.from(multiple.value), null, 'sl')} × = ${eur(maximumBase, 'sl')}. `
      + (input.base === undefined ? `Uporabljena najnižja osnova ${eur(base, 'sl')}.`
        : base.cmp(chosen) === 0 ? `Uporabljena izbrana osnova ${eur(base, 'sl')}.`
          : `Izbrana osnova ${eur(chosen, 'sl')} je zunaj meja; uporabljena ${eur(base, 'sl')}.`),
    en: `Average annual wage ${wageYear}: ${eur(average, 'en')}. Minimum base ${Dec.from(share.value).mul(100).toString()} % = ${eur(minimumBase, 'en')}, `
      + `maximum ${multiple.value} × = ${eur(maximumBase, 'en')}. `
      + (input.base === undefined ? `Using the minimum base ${eur(base, 'en')}.`
        : base.cmp(chosen) === 0 ? `Using the chosen base ${eur(base, 'en')}.`
          : `The chosen base ${eur(chosen, 'en')} is outside the limits; using ${eur(base, 'en')}.`),
    numbers: { averageWage: money(average), wageYear, minimumBase: money(minimumBase), maximumBase: money(maximumBase), base: money(base) },
    ...(baseStatus ? { status: baseStatus } : {}),
  });

  // ---- lines ----
  const lines: ContributionLine[] = [];
  const amounts: Dec[] = [];
  for (const code of CONTRIBUTION_ORDER) {
    if (code === 'OZP') {
      const row = optionalOn(COMPULSORY_HEALTH_CONTRIBUTION, date);
      if (!row) continue;
      const amount = Dec.from(row.value);
      amounts.push(amount);
      lines.push(lineOf(code, null, amount, row));
      trace.push({
        step: 'CONTRIBUTION', ref: row.source,
        sl: `${capital(CONTRIBUTION_NAMES.OZP.sl)}: pavšal ${eur(amount, 'sl')} na mesec.`,
        en: `${capital(CONTRIBUTION_NAMES.OZP.en)}: flat ${eur(amount, 'en')} a month.`,
        numbers: { code, amount: money(amount) },
        ...(row.status ? { status: row.status } : {}),
      });
      continue;
    }
    const row = optionalOn(CONTRIBUTION_RATES[code], date);
    if (code === 'DO') {
      if (!row) {
        if (input.longTermCare === true) warnings.push('NO_LONG_TERM_CARE_FOR_MONTH');
        continue;
      }
      if (input.longTermCare === false) {
        trace.push({
          step: 'CONTRIBUTION', ref: row.source,
          sl: 'Prispevek za dolgotrajno oskrbo je po izbiri uporabnika izpuščen.',
          en: 'Long-term care is left out at the user’s choice.',
          numbers: { code },
        });
        continue;
      }
    }
    if (!row) throw new MissingRuleError(CONTRIBUTION_NAMES[code].sl, date);
    const percent = sum(row.value.map((p) => Dec.from(p.percent)));
    const amount = base.mul(percent).div(100).round(2);
    amounts.push(amount);
    lines.push(lineOf(code, percent, amount, row));
    const parts = row.value.map((p) => `${p.sl} ${n2(Dec.from(p.percent))} %`).join(' + ');
    const partsEn = row.value.map((p) => `${p.en} ${Dec.from(p.percent).toFixed(2)} %`).join(' + ');
    trace.push({
      step: 'CONTRIBUTION', ref: row.source,
      sl: `${capital(CONTRIBUTION_NAMES[code].sl)}: ${n2(percent)} % (${parts}) od ${eur(base, 'sl')} = ${eur(amount, 'sl')}.`,
      en: `${capital(CONTRIBUTION_NAMES[code].en)}: ${percent.toFixed(2)} % (${partsEn}) of ${eur(base, 'en')} = ${eur(amount, 'en')}.`,
      numbers: { code, rate: percent.toNumber(2), base: money(base), amount: money(amount) },
      ...(row.status ? { status: row.status } : {}),
    });
  }
  const total = sum(amounts);
  trace.push({
    step: 'TOTAL', ref: 'vsota zaokroženih vrstic',
    sl: `Skupaj za ${month}: ${eur(total, 'sl')}.`,
    en: `Total for ${month}: ${eur(total, 'en')}.`,
    numbers: { total: money(total) },
  });
  return { month, base: money(base), minimumBase: money(minimumBase), maximumBase: money(maximumBase), lines, total: money(total), trace, warnings };
}

function lineOf<T>(code: ContributionCode, percent: Dec | null, amount: Dec, row: Dated<T>): ContributionLine {
  return {
    code, sl: CONTRIBUTION_NAMES[code].sl, en: CONTRIBUTION_NAMES[code].en,
    rate: percent === null ? null : percent.toNumber(2), amount: money(amount), source: row.source,
    ...(row.status ? { status: row.status } : {}),
  };
}

function optionalOn<T>(rows: readonly Dated<T>[], date: string): Dated<T> | null {
  return rows.find((r) => r.from <= date && (r.to === undefined || date <= r.to)) ?? null;
}

function worst(...statuses: Array<RuleStatus | undefined>): RuleStatus | undefined {
  return statuses.includes('UNCONFIRMED') ? 'UNCONFIRMED' : statuses.includes('CONVENTION') ? 'CONVENTION' : undefined;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------------------------------
// Comparing FURS's invoice with the expectation

/** What an invoice line is about: a contribution kind, late-payment interest, or unknown. */
export type InvoiceLineKind = ContributionCode | 'INTEREST';

/**
 * Invoice line descriptions → kinds (matched by `matchLabel`: folded, whole words, the
 * longest synonym wins, so "zamudne obresti od PIZ" is interest and "obvezni zdravstveni
 * prispevek" is not health insurance).
 */
export const INVOICE_LINE_LABELS: LabelTable<InvoiceLineKind> = {
  PIZ: ['pokojninsko in invalidsko zavarovanje', 'pokojninsko in invalidsko', 'pokojninsko', 'invalidsko', 'PIZ', 'pension'],
  ZZ: ['zdravstveno zavarovanje', 'zdravstveno', 'poškodbe pri delu', 'poklicne bolezni', 'ZZ', 'health insurance'],
  STV: ['starševsko varstvo', 'starševsko', 'porodniško varstvo', 'parental'],
  ZAP: ['zaposlovanje', 'brezposelnost', 'primer brezposelnosti', 'unemployment', 'employment'],
  DO: ['dolgotrajna oskrba', 'dolgotrajno oskrbo', 'dolgotrajne oskrbe', 'dolgotrajno', 'long term care'],
  OZP: ['obvezni zdravstveni prispevek', 'zdravstveni prispevek', 'OZP', 'compulsory health contribution'],
  INTEREST: ['zamudne obresti', 'obresti', 'zamudni', 'interest'],
};

export interface InvoiceLineMatch {
  description: string;
  amount: number;
  kind: InvoiceLineKind | null;
}

export interface InvoiceComparison {
  /** Invoice total − expected total. */
  difference: number;
  explanation: { sl: string; en: string }[];
  lines: InvoiceLineMatch[];
}

export interface ComparableInvoice {
  total: number;
  lines: readonly { description: string; amount: number }[];
}

/** A per-kind difference this small is what rounding shares instead of kinds gives. */
const ROUNDING_TOLERANCE = Dec.from('0.02');
/** Bases estimated back from rounded amounts agree to about this much. */
const BASE_TOLERANCE = Dec.from('0.10');

export function compareInvoice(invoice: ComparableInvoice, expected: ExpectedContributions): InvoiceComparison {
  const matches: InvoiceLineMatch[] = invoice.lines.map((l) => ({ description: l.description, amount: l.amount, kind: matchLabel(l.description, INVOICE_LINE_LABELS) }));
  const invoiced = new Map<InvoiceLineKind, Dec>();
  for (const m of matches) if (m.kind) invoiced.set(m.kind, (invoiced.get(m.kind) ?? Dec.ZERO).add(Dec.from(m.amount)));
  const wanted = new Map<ContributionCode, ContributionLine>(expected.lines.map((l) => [l.code, l]));
  const invoiceTotal = Dec.from(invoice.total);
  const difference = invoiceTotal.sub(Dec.from(expected.total)).round(2);
  const out: { sl: string; en: string }[] = [];
  const base = Dec.from(expected.base);

  if (!difference.isZero()) {
    out.push({
      sl: `Račun (${eur(invoiceTotal, 'sl')}) se od izračuna (${eur(expected.total, 'sl')}) razlikuje za ${signed(difference, 'sl')}.`,
      en: `The invoice (${eur(invoiceTotal, 'en')}) differs from the expectation (${eur(expected.total, 'en')}) by ${signed(difference, 'en')}.`,
    });
  }

  const implied = impliedBase(invoiced, wanted);
  const otherBase = implied !== null && absolute(implied.sub(base)).cmp(BASE_TOLERANCE) > 0;
  if (implied && otherBase) {
    out.push({
      sl: `Odstotni prispevki na računu ustrezajo osnovi približno ${eur(implied, 'sl')}, izračun pa uporablja ${eur(base, 'sl')} — račun je verjetno obračunan od druge osnove (npr. lanske najnižje ali osnove iz odločbe FURS).`,
      en: `The percentage contributions on the invoice correspond to a base of about ${eur(implied, 'en')}, the expectation uses ${eur(base, 'en')} — the invoice probably uses another base (e.g. last year’s minimum or the base FURS set).`,
    });
  }

  for (const code of CONTRIBUTION_ORDER) {
    const exp = wanted.get(code);
    const inv = invoiced.get(code);
    const name = CONTRIBUTION_NAMES[code];
    if (exp && inv === undefined) {
      out.push(code === 'DO'
        ? {
          sl: `Na računu ni prispevka za dolgotrajno oskrbo (pričakovano ${eur(exp.amount, 'sl')}). Plačuje se od 1. 7. 2025; preverite, ali je v obračunu za ta mesec.`,
          en: `The invoice has no long-term care line (expected ${eur(exp.amount, 'en')}). It is due from 1 July 2025; check whether the return for this month includes it.`,
        }
        : { sl: `Na računu ni vrstice »${name.sl}« (pričakovano ${eur(exp.amount, 'sl')}).`, en: `The invoice has no ${name.en} line (expected ${eur(exp.amount, 'en')}).` });
      continue;
    }
    if (!exp && inv !== undefined) {
      out.push(code === 'DO'
        ? {
          sl: `Račun vsebuje prispevek za dolgotrajno oskrbo (${eur(inv, 'sl')}), izračun pa ne (izpuščen ali mesec pred 1. 7. 2025).`,
          en: `The invoice contains long-term care (${eur(inv, 'en')}) and the expectation does not (left out, or a month before 1 July 2025).`,
        }
        : { sl: `Račun vsebuje »${name.sl}« (${eur(inv, 'sl')}), ki ga izračun ne predvideva.`, en: `The invoice contains ${name.en} (${eur(inv, 'en')}), which the expectation does not.` });
      continue;
    }
    if (!exp || inv === undefined) continue;
    const diff = inv.sub(Dec.from(exp.amount)).round(2);
    if (diff.isZero()) continue;
    let why = { sl: '', en: '' };
    if (absolute(diff).cmp(ROUNDING_TOLERANCE) <= 0) {
      why = { sl: ' To je verjetno le zaokrožitev.', en: ' This is probably just rounding.' };
    } else if (code === 'OZP') {
      why = { sl: ' Znesek se usklajuje vsako leto 1. marca; preverite, za kateri mesec je račun.', en: ' The amount is indexed every 1 March; check which month the invoice is for.' };
    } else if (exp.rate !== null && otherBase) {
      why = { sl: ' Razliko pojasni drugačna osnova (zgoraj).', en: ' The other base (above) explains it.' };
    } else if (exp.rate !== null && exp.rate >= 1) {
      const b = inv.mul(100).div(Dec.from(exp.rate)).round(2);
      why = { sl: ` To ustreza osnovi približno ${eur(b, 'sl')}.`, en: ` That corresponds to a base of about ${eur(b, 'en')}.` };
    }
    out.push({
      sl: `${capital(name.sl)}: na računu ${eur(inv, 'sl')}, pričakovano ${eur(exp.amount, 'sl')} (razlika ${signed(diff, 'sl')}).${why.sl}`,
      en: `${capital(name.en)}: invoiced ${eur(inv, 'en')}, expected ${eur(exp.amount, 'en')} (difference ${signed(diff, 'en')}).${why.en}`,
    });
  }

  const interest = invoiced.get('INTEREST');
  if (interest !== undefined) {
    out.push({
      sl: `Račun vsebuje zamudne obresti (${eur(interest, 'sl')}): to niso prispevki za ${expected.month}, temveč obresti zaradi zamude pri plačilu prejšnjih obveznosti.`,
      en: `The invoice contains late-payment interest (${eur(interest, 'en')}): not contributions for ${expected.month}, but interest on earlier obligations paid late.`,
    });
  }
  for (const m of matches.filter((x) => x.kind === null)) {
    out.push({
      sl: `Vrstice »${m.description}« (${eur(m.amount, 'sl')}) ni bilo mogoče razvrstiti med vrste prispevkov.`,
      en: `The line "${m.description}" (${eur(m.amount, 'en')}) could not be matched to a contribution kind.`,
    });
  }

  const linesSum = sum(invoice.lines.map((l) => Dec.from(l.amount)));
  const gap = invoiceTotal.sub(linesSum).round(2);
  if (!gap.isZero()) {
    out.push({
      sl: `Vrstice računa skupaj (${eur(linesSum, 'sl')}) se ne ujemajo z zneskom za plačilo (${eur(invoiceTotal, 'sl')}); razlike ${signed(gap, 'sl')} vrstice ne pojasnijo.`,
      en: `The invoice lines add up to ${eur(linesSum, 'en')}, not the amount due (${eur(invoiceTotal, 'en')}); the lines do not explain ${signed(gap, 'en')}.`,
    });
  }

  if (out.length === 0) {
    out.push({
      sl: `Račun se ujema s pričakovanimi prispevki (${eur(expected.total, 'sl')}).`,
      en: `The invoice matches the expected contributions (${eur(expected.total, 'en')}).`,
    });
  }
  return { difference: money(difference), explanation: out, lines: matches };
}

/**
 * The base the invoice's percentage lines were computed from, when they agree on one:
 * estimated from the kinds with a rate of at least 1 % (a 0,20 % line's rounding blurs the
 * base by ±2,50 €), and only if those estimates are within 0,10 € of each other.
 */
function impliedBase(invoiced: ReadonlyMap<InvoiceLineKind, Dec>, wanted: ReadonlyMap<ContributionCode, ContributionLine>): Dec | null {
  const estimates: Dec[] = [];
  for (const code of ['PIZ', 'ZZ', 'DO'] as const satisfies readonly RateCode[]) {
    const inv = invoiced.get(code);
    const rate = wanted.get(code)?.rate;
    if (inv === undefined || rate === undefined || rate === null || rate < 1) continue;
    estimates.push(inv.mul(100).div(Dec.from(rate)));
  }
  if (estimates.length < 2) return null;
  const lo = estimates.reduce((a, b) => a.min(b));
  const hi = estimates.reduce((a, b) => a.max(b));
  if (hi.sub(lo).cmp(BASE_TOLERANCE) > 0) return null;
  return (estimates[0] as Dec).round(2);
}

function absolute(v: Dec): Dec {
  return v.isNegative() ? v.mul(-1) : v;
}

function signed(v: Dec, lang: 'sl' | 'en'): string {
  return v.isNegative() ? eur(v, lang) : `+${eur(v, lang)}`;
}

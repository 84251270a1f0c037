import { addDays, yearOf, type IsoDate, type IsoMonth } from '../dates.ts';
import { countWorkingDays } from '../calendar.ts';
import { Dec, money, sum } from '../money.ts';
import {
  createRules, HOURLY_BASE_ROUNDED_TO_CENTS, NON_WORKING_DAYS_FOLLOW_PAYER, RECURRENCE_BREAK_WORKING_DAYS, ZZZS_KEEPS_ABSENCE, type Rules,
} from '../rules/index.ts';
import { absenceCertificate, chainAbsences, type Absence, type AbsenceCertificate } from './absences.ts';
import { AnnualCounter, assignDays, type EmployerPeriod, type Payer } from './days.ts';
import { segmentDays, type DaySegment } from './segments.ts';
import { employerBase, isBase, zzzsBase, type Base, type BaseFailure, type BaseKind } from './bases.ts';
import { segmentAmount, type SegmentAmount } from './amounts.ts';
import { Explainer, plainTrace, type EngineWarning, type TraceStep } from './trace.ts';
import { warningText } from './warnings.ts';
import { eur, formatNumber } from '../format.ts';
import { parseCaseInput, type CaseInput } from './input.ts';

export { parseCaseInput, CaseInputError, type CaseInput, type CaseCertificate } from './input.ts';
export type { TraceStep, EngineWarning } from './trace.ts';
export { plainTrace } from './trace.ts';
export { warningText, WARNING_TEXTS } from './warnings.ts';

export interface Segment {
  certificate: string;
  reason: string;
  from: IsoDate;
  to: IsoDate;
  payer: Payer;
  workingDays: number;
  hours: number;
  hourlyBase: number | null;
  percentage: number;
  amount: number | null;
  /** Index of the absence in `absences`. */
  absence: number;
  month: IsoMonth;
  /** hourly base × hours × percentage before a floor or cap. */
  rawAmount: number | null;
  limitApplied: 'floor' | 'cap' | 'currentPay' | null;
}

export interface BaseSummary {
  kind: BaseKind;
  months: IsoMonth[];
  paidMonths: number;
  amount: number;
  hours: number;
  excludedAllowances: number;
  valorisation: number;
  hourly: number;
  year: number | null;
}

export interface AbsenceSummary {
  index: number;
  group: string;
  from: IsoDate;
  to: IsoDate;
  certificates: string[];
  employerWorkingDays: number;
  zzzsFrom: IsoDate | null;
  employerBase: BaseSummary | null;
  zzzsBase: BaseSummary | null;
}

export interface CompensationResult {
  id: string | null;
  segments: Segment[];
  totals: { employer: number; zzzs: number };
  warnings: string[];
  warningDetails: EngineWarning[];
  absences: AbsenceSummary[];
  excluded: { certificate: string; why: 'cancelled' | 'unknownReason' | 'overlap' }[];
  trace: TraceStep[];
}

const GROUP_NAME: Record<string, { sl: string; en: string }> = {
  A: { sl: 'bolezen ali poškodba izven dela (skupina A)', en: 'illness or injury outside work (group A)' },
  B: { sl: 'poklicna bolezen ali poškodba pri delu (skupina B)', en: 'occupational disease or injury at work (group B)' },
};

function summary(b: Base): BaseSummary {
  return {
    kind: b.kind, months: b.months, paidMonths: b.paidMonths, amount: money(b.amount), hours: b.hours.toNumber(2),
    excludedAllowances: money(b.excludedAllowances), valorisation: b.valorisation.toNumber(6), hourly: money(b.hourly), year: b.year,
  };
}

function warnAll(ex: Explainer, codes: readonly string[], absence: number): void {
  for (const code of codes) ex.warn({ code, ...warningText(code), absence });
}

function traceEmployerPeriod(ex: Explainer, i: number, p: EmployerPeriod): void {
  if (!p.employerFirst) {
    ex.step(() => ({
      step: 'EMPLOYER_PERIOD', absence: i, ref: 'ZZVZZ čl. 31; ZDR-1 čl. 137',
      sl: `Za ta razlog ZZZS plača od prvega dne${p.zzzsFrom ? ` (${p.zzzsFrom})` : ''}.`,
      en: `For this reason ZZZS pays from the first day${p.zzzsFrom ? ` (${p.zzzsFrom})` : ''}.`,
      numbers: { zzzsFrom: p.zzzsFrom },
    }));
    return;
  }
  const limit = p.limit?.value ?? null;
  const base = {
    firstWorkingDay: p.firstWorkingDay, limit, employerWorkingDays: p.employerWorkingDays, zzzsFrom: p.zzzsFrom,
    annualLimit: p.annualLimit?.value ?? null, usedBefore: p.usedBefore, usedAfter: p.usedAfter,
  };
  if (p.recurrence) {
    const r = p.recurrence;
    ex.step(() => ({
      step: 'RECURRENCE', absence: i, ref: RECURRENCE_BREAK_WORKING_DAYS.source, status: 'UNCONFIRMED',
      sl: r.forcedZzzs
        ? `Potrjena ponovitev iste bolezni: ${r.previousEmployerDays} dni prejšnje odsotnosti + ${r.totalWorkingDays} delovnih dni te odsotnosti presega mejo ${limit}, zato ZZZS plača od prvega dne.`
        : `Potrjena ponovitev iste bolezni: ${r.previousEmployerDays} + ${r.totalWorkingDays} delovnih dni ne presega meje ${limit}; odsotnost se šteje kot nova.`,
      en: r.forcedZzzs
        ? `Confirmed recurrence of the same illness: ${r.previousEmployerDays} days before + ${r.totalWorkingDays} working days now exceed the limit of ${limit}, so ZZZS pays from the first day.`
        : `Confirmed recurrence: ${r.previousEmployerDays} + ${r.totalWorkingDays} working days do not exceed the limit of ${limit}; counted as a new absence.`,
      numbers: { previousEmployerDays: r.previousEmployerDays, workingDays: r.totalWorkingDays, limit },
    }));
  }
  const ended = p.endedBy === 'annualLimit'
    ? { sl: `dosežena letna meja ${p.annualLimit?.value} dni`, en: `the annual limit of ${p.annualLimit?.value} days was reached` }
    : p.endedBy === 'perAbsenceLimit'
      ? { sl: `dosežena meja ${limit} delovnih dni na odsotnost`, en: `the limit of ${limit} working days per absence was reached` }
      : null;
  ex.step(() => ({
    step: 'EMPLOYER_PERIOD', absence: i,
    ref: `${p.limit?.source ?? 'ZDR-1 čl. 137'}${p.annualLimit ? `; letna meja: ${p.annualLimit.source}` : ''}`,
    ...(p.annualLimit?.status ? { status: p.annualLimit.status } : {}),
    sl: `Delovni dnevi (pon–pet, tudi prazniki) se štejejo od ${p.firstWorkingDay ?? '—'}. Delodajalec plača ${p.employerWorkingDays} delovnih dni` +
      (ended && p.zzzsFrom ? `; ${ended.sl}, ZZZS plača od ${p.zzzsFrom} do konca odsotnosti.` : '.') +
      (p.annualLimit ? ` Letni števec: ${p.usedBefore} → ${p.usedAfter} od ${p.annualLimit.value}.` : ''),
    en: `Working days (Mon–Fri, holidays included) count from ${p.firstWorkingDay ?? '—'}. The employer pays ${p.employerWorkingDays} working days` +
      (ended && p.zzzsFrom ? `; ${ended.en}, ZZZS pays from ${p.zzzsFrom} to the end of the absence.` : '.') +
      (p.annualLimit ? ` Annual counter: ${p.usedBefore} → ${p.usedAfter} of ${p.annualLimit.value}.` : ''),
    numbers: base,
  }));
  if (p.zzzsFrom && p.employerWorkingDays > 0) {
    ex.step(() => ({
      step: 'CONVENTION', absence: i, ref: `${ZZZS_KEEPS_ABSENCE.source}; ${NON_WORKING_DAYS_FOLLOW_PAYER.source}`, status: 'CONVENTION',
      sl: 'ZZZS obdrži odsotnost do konca; sobote, nedelje in drugi dela prosti dnevi pripadajo plačniku delovnega dne pred njimi (0 ur).',
      en: 'ZZZS keeps the absence to its end; weekends and other non-working days belong to the payer of the working day before them (0 hours).',
      numbers: {},
    }));
  }
}

function traceBase(ex: Explainer, i: number, who: Payer, b: Base | BaseFailure): void {
  const ref = who === 'employer'
    ? 'ZDR-1 čl. 137 (osnova: plača preteklega meseca / 3 mesecev)'
    : 'ZZVZZ čl. 31 (osnova: plača v koledarskem letu pred letom začetka zadržanosti)';
  if (!isBase(b)) {
    ex.step(() => ({
      step: who === 'employer' ? 'EMPLOYER_BASE' : 'ZZZS_BASE', absence: i, ref,
      sl: `Osnova ${who === 'employer' ? 'delodajalca' : 'ZZZS'}: ni uporabnih podatkov${b.months.length ? ` za ${b.months.join(', ')}` : ''}.`,
      en: `${who === 'employer' ? 'Employer' : 'ZZZS'} base: no usable data${b.months.length ? ` for ${b.months.join(', ')}` : ''}.`,
      numbers: { months: b.months.join(', ') || null },
    }));
    return;
  }
  const period = b.months.length ? `${b.months[0]} – ${b.months[b.months.length - 1]}` : '';
  const excl = (lang: 'sl' | 'en'): string => (b.excludedAllowances.isZero() ? ''
    : lang === 'sl' ? ` − ${eur(b.excludedAllowances, 'sl')} izločenih dodatkov` : ` − ${eur(b.excludedAllowances, 'en')} excluded allowances`);
  const val = (lang: 'sl' | 'en'): string => (b.valorisation.cmp(1) === 0 ? ''
    : ` × ${formatNumber(b.valorisation, null, lang)} (${lang === 'sl' ? 'valorizacija' : 'valorisation'})`);
  ex.step(() => ({
    step: who === 'employer' ? 'EMPLOYER_BASE' : 'ZZZS_BASE', absence: i, ref: `${ref}; ${HOURLY_BASE_ROUNDED_TO_CENTS.source}`, status: 'CONVENTION',
    sl: `Osnova ${who === 'employer' ? 'delodajalca' : 'ZZZS'} (${period}, mesecev: ${b.months.length}): (${eur(b.amount, 'sl')}${excl('sl')}) / ${formatNumber(b.hours, null, 'sl')} h${val('sl')} = ${eur(b.hourly, 'sl')}/h (zaokroženo na cente).` +
      (b.excludedRows ? ` Vrstice vrste dohodka 1090 (${b.excludedRows}) niso štete.` : ''),
    en: `${who === 'employer' ? 'Employer' : 'ZZZS'} base (${period}, ${b.months.length} months): (${eur(b.amount, 'en')}${excl('en')}) / ${formatNumber(b.hours, null, 'en')} h${val('en')} = ${eur(b.hourly, 'en')}/h (rounded to cents).` +
      (b.excludedRows ? ` Rows of income type 1090 (${b.excludedRows}) are left out.` : ''),
    numbers: {
      amount: money(b.amount), hours: b.hours.toNumber(2), excludedAllowances: money(b.excludedAllowances),
      valorisation: b.valorisation.toNumber(6), hourly: money(b.hourly), year: b.year, kind: b.kind,
    },
  }));
}

function segmentStep(seg: DaySegment, out: Segment, calc: SegmentAmount | null, rules: Rules, i: number): TraceStep {
  const who = seg.payer === 'employer' ? { sl: 'delodajalec', en: 'employer' } : { sl: 'ZZZS', en: 'ZZZS' };
  const pctRef = seg.payer === 'employer' ? 'ZDR-1 čl. 137' : (rules.zzzsPercentages(seg.cert.reasonInfo, seg.from)?.source ?? 'ZZVZZ čl. 31');
  const limit = !calc?.applied ? null : calc.applied === 'floor' ? calc.floor! : calc.cap!;
  const limitText = (lang: 'sl' | 'en'): string => {
    if (!calc?.applied || !limit) return '';
    const what = calc.applied === 'floor'
      ? (lang === 'sl' ? 'Upoštevana spodnja meja' : 'Floor applied:')
      : calc.applied === 'cap'
        ? (lang === 'sl' ? 'Upoštevana zgornja meja' : 'Cap applied:')
        : (lang === 'sl' ? 'Omejeno na plačo, ki bi jo delavec prejel za delo:' : 'Limited to the pay the worker would have earned:');
    return ` ${what} ${limit.formula(lang)} = ${eur(money(limit.value), lang)}.`;
  };
  const figures = (lang: 'sl' | 'en'): string =>
    `${formatNumber(out.hours, null, lang)} h × ${out.hourlyBase === null ? '—' : eur(out.hourlyBase, lang)}/h × ${seg.percentage} % = ${out.rawAmount === null ? '—' : eur(out.rawAmount, lang)}.`;
  return {
    step: 'SEGMENT', absence: i,
    ref: limit ? `${pctRef}; ${limit.source}` : pctRef,
    ...(calc?.applied ? { status: 'CONVENTION' as const } : {}),
    sl: `${seg.from} – ${seg.to} (${seg.cert.number}), plača ${who.sl}: delovnih dni ${seg.workingDays}, ${figures('sl')}${limitText('sl')}`,
    en: `${seg.from} – ${seg.to} (${seg.cert.number}), paid by ${who.en}: ${seg.workingDays} working days, ${figures('en')}${limitText('en')}`,
    numbers: {
      hours: out.hours, hourlyBase: out.hourlyBase, percentage: seg.percentage, amount: out.amount,
      floor: calc?.floor ? money(calc.floor.value) : null, cap: calc?.cap ? money(calc.cap.value) : null,
    },
  };
}

function possibleRecurrence(prev: Absence | undefined, cur: Absence): boolean {
  if (!prev || prev.group !== 'A' || cur.group !== 'A') return false;
  const gap = cur.from > addDays(prev.to, 1) ? countWorkingDays(addDays(prev.to, 1), addDays(cur.from, -1)) : 0;
  return gap < RECURRENCE_BREAK_WORKING_DAYS.value;
}

/** Computes a case (CASES.md) after validation. */
export function compute(input: CaseInput, rules: Rules = createRules(input.parameters)): CompensationResult {
  const ex = new Explainer();
  const excluded: CompensationResult['excluded'] = [];
  const valid: AbsenceCertificate[] = [];
  for (const c of input.certificates) {
    if (c.status === 'cancelled') { excluded.push({ certificate: c.number, why: 'cancelled' }); continue; }
    const reasonInfo = rules.reason(c.reason);
    if (!reasonInfo) {
      excluded.push({ certificate: c.number, why: 'unknownReason' });
      ex.warn({ code: 'UNKNOWN_REASON', ...warningText('UNKNOWN_REASON'), certificate: c.number });
      continue;
    }
    valid.push(absenceCertificate(c, reasonInfo, c.from));
  }
  ex.step(() => ({
    step: 'CERTIFICATES', ref: 'ZZVZZ čl. 31; pravila eBOL',
    sl: `Potrdil v izračunu: ${valid.length}; preklicanih: ${excluded.filter((e) => e.why === 'cancelled').length}; z neznanim razlogom: ${excluded.filter((e) => e.why === 'unknownReason').length}.`,
    en: `${valid.length} certificates are computed; ${excluded.filter((e) => e.why === 'cancelled').length} cancelled, ${excluded.filter((e) => e.why === 'unknownReason').length} with an unknown reason.`,
    numbers: { certificates: valid.length, excluded: excluded.length },
  }));
  if (valid.length === 0) ex.warn({ code: 'NO_CERTIFICATES', ...warningText('NO_CERTIFICATES') });

  const { absences, overlapped } = chainAbsences(valid);
  for (const number of overlapped) {
    excluded.push({ certificate: number, why: 'overlap' });
    ex.warn({ code: 'OVERLAPPING_CERTIFICATES', ...warningText('OVERLAPPING_CERTIFICATES'), certificate: number });
  }

  const firstYear = valid.length ? yearOf(valid.reduce((m, c) => (c.from < m ? c.from : m), valid[0]!.from)) : null;
  const counter = new AnnualCounter(firstYear, input.employerDaysUsedThisYear);
  const segments: Segment[] = [];
  const summaries: AbsenceSummary[] = [];
  let prevA: Absence | undefined;

  absences.forEach((absence, i) => {
    const name = GROUP_NAME[absence.group] ?? {
      sl: absence.certificates[0]!.reasonInfo.sl, en: absence.certificates[0]!.reasonInfo.en,
    };
    ex.step(() => ({
      step: 'ABSENCE', absence: i, ref: 'RULES §4: potrdila istega sklopa brez vmesnega delovnega dne',
      sl: `Odsotnost ${i + 1}: ${name.sl}, ${absence.from} – ${absence.to}, potrdila ${absence.certificates.map((c) => c.number).join(', ')}.`,
      en: `Absence ${i + 1}: ${name.en}, ${absence.from} – ${absence.to}, certificates ${absence.certificates.map((c) => c.number).join(', ')}.`,
      numbers: { from: absence.from, to: absence.to, certificates: absence.certificates.length },
    }));
    const recurrence = i === 0 ? input.recurrence : null;
    if (absence.group === 'A') {
      if (!recurrence && possibleRecurrence(prevA, absence)) {
        ex.warn({ code: 'POSSIBLE_RECURRENCE', ...warningText('POSSIBLE_RECURRENCE'), absence: i, certificate: absence.certificates[0]!.number });
      }
      prevA = absence;
    }
    const { days, period } = assignDays(absence, input, rules, counter, recurrence);
    traceEmployerPeriod(ex, i, period);
    const daySegments = segmentDays(days);
    const needs = (p: Payer): boolean => daySegments.some((s) => s.payer === p);
    const eBase = needs('employer') ? employerBase(absence, input.employerBase) : null;
    const zBase = needs('zzzs') ? zzzsBase(absence, input.zzzsBase) : null;
    if (eBase) { traceBase(ex, i, 'employer', eBase); warnAll(ex, eBase.warnings, i); }
    if (zBase) { traceBase(ex, i, 'zzzs', zBase); warnAll(ex, zBase.warnings, i); }
    if (period.day91) {
      ex.step(() => ({
        step: 'ZZZS_DAY_91', absence: i, ref: 'ZZVZZ čl. 31 (90 koledarskih dni od prvega dne v breme ZZZS)',
        sl: `ZZZS plača od ${period.zzzsFrom}; od 91. koledarskega dne (${period.day91}) velja višji odstotek.`,
        en: `ZZZS pays from ${period.zzzsFrom}; from calendar day 91 (${period.day91}) the higher percentage applies.`,
        numbers: { zzzsFrom: period.zzzsFrom, day91: period.day91 },
      }));
    }

    for (const seg of daySegments) {
      const base = seg.payer === 'employer' ? eBase : zBase;
      const hb = base && isBase(base) ? base.hourly : null;
      const calc = hb ? segmentAmount(seg, hb, rules, input.worker.currentHourlyPay) : null;
      if (calc?.missing.length) ex.warn({ code: 'PARAMETER_MISSING', ...warningText('PARAMETER_MISSING'), absence: i });
      const hours = seg.hours.toNumber(4);
      const hourly = hb ? money(hb) : null;
      const raw = calc ? money(calc.raw) : null;
      const out: Segment = {
        certificate: seg.cert.number, reason: seg.cert.reason, from: seg.from, to: seg.to, payer: seg.payer,
        workingDays: seg.workingDays, hours, hourlyBase: hourly,
        percentage: seg.percentage, amount: calc ? money(calc.amount) : null, absence: i, month: seg.month,
        rawAmount: raw, limitApplied: calc?.applied ?? null,
      };
      segments.push(out);
      ex.step(() => segmentStep(seg, out, calc, rules, i));
    }
    summaries.push({
      index: i, group: absence.group === 'OWN' ? absence.certificates[0]!.reason : absence.group, from: absence.from, to: absence.to,
      certificates: absence.certificates.map((c) => c.number), employerWorkingDays: period.employerWorkingDays, zzzsFrom: period.zzzsFrom,
      employerBase: eBase && isBase(eBase) ? summary(eBase) : null, zzzsBase: zBase && isBase(zBase) ? summary(zBase) : null,
    });
  });

  const total = (p: Payer): number =>
    money(sum(segments.filter((s) => s.payer === p && s.amount !== null).map((s) => Dec.from(s.amount as number))));
  const totals = { employer: total('employer'), zzzs: total('zzzs') };
  ex.step(() => ({
    step: 'TOTALS', ref: 'RULES §7',
    sl: `Skupaj: delodajalec ${eur(totals.employer, 'sl')}, ZZZS ${eur(totals.zzzs, 'sl')} (refundacija).`,
    en: `Totals: employer ${eur(totals.employer, 'en')}, ZZZS ${eur(totals.zzzs, 'en')} (refund).`,
    numbers: totals,
  }));
  return {
    id: input.id, segments, totals, warnings: ex.codes(), warningDetails: ex.warnings, absences: summaries, excluded, trace: ex.steps,
  };
}

/**
 * Validates raw JSON (CASES.md input) and computes it, with the explanation written out as
 * plain data (ready for storage, messages and JSON). `compute` leaves it to be worked out
 * when read.
 */
export function computeCase(raw: unknown): CompensationResult {
  const result = compute(parseCaseInput(raw));
  return { ...result, trace: plainTrace(result.trace) };
}

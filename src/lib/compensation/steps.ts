import { HOURLY_BASE_ROUNDED_TO_CENTS, NON_WORKING_DAYS_FOLLOW_PAYER, RECURRENCE_BREAK_WORKING_DAYS, ZZZS_KEEPS_ABSENCE } from '../rules/index.ts';
import { money } from '../money.ts';
import { eur, formatNumber } from '../format.ts';
import type { Absence } from './absences.ts';
import type { EmployerPeriod, Payer } from './days.ts';
import { isBase, type Base, type BaseFailure } from './bases.ts';
import type { Limit, SegmentAmount } from './amounts.ts';
import type { Explainer, TraceStep } from './trace.ts';
import type { Segment } from './index.ts';

/**
 * The words of each step of the explanation. Each step is a plain function of one value,
 * handed to `Explainer.step` and called only when the step is read (issue 8: a closure per
 * step would keep its whole scope alive in every stored result).
 */

const GROUP_NAME: Record<string, { sl: string; en: string }> = {
  A: { sl: 'bolezen ali poškodba izven dela (skupina A)', en: 'illness or injury outside work (group A)' },
  B: { sl: 'poklicna bolezen ali poškodba pri delu (skupina B)', en: 'occupational disease or injury at work (group B)' },
};

/** The figures of a segment the trace shows. */
export type SegmentFigures = Pick<Segment,
  'certificate' | 'from' | 'to' | 'payer' | 'workingDays' | 'hours' | 'hourlyBase' | 'percentage' | 'amount' | 'rawAmount' | 'absence' | 'limitApplied'>;

export function certificatesStep(a: { valid: number; excluded: readonly { why: string }[] }): TraceStep {
  // `excluded` is read when the step is: overlapping certificates are added to it later.
  const cancelled = a.excluded.filter((e) => e.why === 'cancelled').length;
  const unknown = a.excluded.filter((e) => e.why === 'unknownReason').length;
  return {
    step: 'CERTIFICATES', ref: 'ZZVZZ čl. 31; pravila eBOL',
    sl: `Potrdil v izračunu: ${a.valid}; preklicanih: ${cancelled}; z neznanim razlogom: ${unknown}.`,
    en: `${a.valid} certificates are computed; ${cancelled} cancelled, ${unknown} with an unknown reason.`,
    numbers: { certificates: a.valid, excluded: a.excluded.length },
  };
}

export function absenceStep({ i, absence }: { i: number; absence: Absence }): TraceStep {
  const name = GROUP_NAME[absence.group] ?? { sl: absence.certificates[0]!.reasonInfo.sl, en: absence.certificates[0]!.reasonInfo.en };
  const numbers = absence.certificates.map((c) => c.number).join(', ');
  return {
    step: 'ABSENCE', absence: i, ref: 'RULES §4: potrdila istega sklopa brez vmesnega delovnega dne',
    sl: `Odsotnost ${i + 1}: ${name.sl}, ${absence.from} – ${absence.to}, potrdila ${numbers}.`,
    en: `Absence ${i + 1}: ${name.en}, ${absence.from} – ${absence.to}, certificates ${numbers}.`,
    numbers: { from: absence.from, to: absence.to, certificates: absence.certificates.length },
  };
}

interface PeriodArg { i: number; p: EmployerPeriod }

function zzzsFromStartStep({ i, p }: PeriodArg): TraceStep {
  return {
    step: 'EMPLOYER_PERIOD', absence: i, ref: 'ZZVZZ čl. 31; ZDR-1 čl. 137',
    sl: `Za ta razlog ZZZS plača od prvega dne${p.zzzsFrom ? ` (${p.zzzsFrom})` : ''}.`,
    en: `For this reason ZZZS pays from the first day${p.zzzsFrom ? ` (${p.zzzsFrom})` : ''}.`,
    numbers: { zzzsFrom: p.zzzsFrom },
  };
}

function recurrenceStep({ i, p }: PeriodArg): TraceStep {
  const r = p.recurrence!;
  const limit = p.limit?.value ?? null;
  return {
    step: 'RECURRENCE', absence: i, ref: RECURRENCE_BREAK_WORKING_DAYS.source, status: 'UNCONFIRMED',
    sl: r.forcedZzzs
      ? `Potrjena ponovitev iste bolezni: ${r.previousEmployerDays} dni prejšnje odsotnosti + ${r.totalWorkingDays} delovnih dni te odsotnosti presega mejo ${limit}, zato ZZZS plača od prvega dne.`
      : `Potrjena ponovitev iste bolezni: ${r.previousEmployerDays} + ${r.totalWorkingDays} delovnih dni ne presega meje ${limit}; odsotnost se šteje kot nova.`,
    en: r.forcedZzzs
      ? `Confirmed recurrence of the same illness: ${r.previousEmployerDays} days before + ${r.totalWorkingDays} working days now exceed the limit of ${limit}, so ZZZS pays from the first day.`
      : `Confirmed recurrence: ${r.previousEmployerDays} + ${r.totalWorkingDays} working days do not exceed the limit of ${limit}; counted as a new absence.`,
    numbers: { previousEmployerDays: r.previousEmployerDays, workingDays: r.totalWorkingDays, limit },
  };
}

function employerPeriodStep({ i, p }: PeriodArg): TraceStep {
  const limit = p.limit?.value ?? null;
  const ended = p.endedBy === 'annualLimit'
    ? { sl: `dosežena letna meja ${p.annualLimit?.value} dni`, en: `the annual limit of ${p.annualLimit?.value} days was reached` }
    : p.endedBy === 'perAbsenceLimit'
      ? { sl: `dosežena meja ${limit} delovnih dni na odsotnost`, en: `the limit of ${limit} working days per absence was reached` }
      : null;
  return {
    step: 'EMPLOYER_PERIOD', absence: i,
    ref: `${p.limit?.source ?? 'ZDR-1 čl. 137'}${p.annualLimit ? `; letna meja: ${p.annualLimit.source}` : ''}`,
    ...(p.annualLimit?.status ? { status: p.annualLimit.status } : {}),
    sl: `Delovni dnevi (pon–pet, tudi prazniki) se štejejo od ${p.firstWorkingDay ?? '—'}. Delodajalec plača ${p.employerWorkingDays} delovnih dni` +
      (ended && p.zzzsFrom ? `; ${ended.sl}, ZZZS plača od ${p.zzzsFrom} do konca odsotnosti.` : '.') +
      (p.annualLimit ? ` Letni števec: ${p.usedBefore} → ${p.usedAfter} od ${p.annualLimit.value}.` : ''),
    en: `Working days (Mon–Fri, holidays included) count from ${p.firstWorkingDay ?? '—'}. The employer pays ${p.employerWorkingDays} working days` +
      (ended && p.zzzsFrom ? `; ${ended.en}, ZZZS pays from ${p.zzzsFrom} to the end of the absence.` : '.') +
      (p.annualLimit ? ` Annual counter: ${p.usedBefore} → ${p.usedAfter} of ${p.annualLimit.value}.` : ''),
    numbers: {
      firstWorkingDay: p.firstWorkingDay, limit, employerWorkingDays: p.employerWorkingDays, zzzsFrom: p.zzzsFrom,
      annualLimit: p.annualLimit?.value ?? null, usedBefore: p.usedBefore, usedAfter: p.usedAfter,
    },
  };
}

function conventionStep({ i }: PeriodArg): TraceStep {
  return {
    step: 'CONVENTION', absence: i, ref: `${ZZZS_KEEPS_ABSENCE.source}; ${NON_WORKING_DAYS_FOLLOW_PAYER.source}`, status: 'CONVENTION',
    sl: 'ZZZS obdrži odsotnost do konca; sobote, nedelje in drugi dela prosti dnevi pripadajo plačniku delovnega dne pred njimi (0 ur).',
    en: 'ZZZS keeps the absence to its end; weekends and other non-working days belong to the payer of the working day before them (0 hours).',
    numbers: {},
  };
}

export function traceEmployerPeriod(ex: Explainer, i: number, p: EmployerPeriod): void {
  const arg: PeriodArg = { i, p };
  if (!p.employerFirst) {
    ex.step(zzzsFromStartStep, arg);
    return;
  }
  if (p.recurrence) ex.step(recurrenceStep, arg);
  ex.step(employerPeriodStep, arg);
  if (p.zzzsFrom && p.employerWorkingDays > 0) ex.step(conventionStep, arg);
}

function day91Step({ i, p }: PeriodArg): TraceStep {
  return {
    step: 'ZZZS_DAY_91', absence: i, ref: 'ZZVZZ čl. 31 (90 koledarskih dni od prvega dne v breme ZZZS)',
    sl: `ZZZS plača od ${p.zzzsFrom}; od 91. koledarskega dne (${p.day91}) velja višji odstotek.`,
    en: `ZZZS pays from ${p.zzzsFrom}; from calendar day 91 (${p.day91}) the higher percentage applies.`,
    numbers: { zzzsFrom: p.zzzsFrom, day91: p.day91 },
  };
}

export function traceDay91(ex: Explainer, i: number, p: EmployerPeriod): void {
  if (p.day91) ex.step(day91Step, { i, p });
}

interface BaseArg { i: number; who: Payer; b: Base | BaseFailure }

function baseStep({ i, who, b }: BaseArg): TraceStep {
  const ref = who === 'employer'
    ? 'ZDR-1 čl. 137 (osnova: plača preteklega meseca / 3 mesecev)'
    : 'ZZVZZ čl. 31 (osnova: plača v koledarskem letu pred letom začetka zadržanosti)';
  if (!isBase(b)) {
    return {
      step: who === 'employer' ? 'EMPLOYER_BASE' : 'ZZZS_BASE', absence: i, ref,
      sl: `Osnova ${who === 'employer' ? 'delodajalca' : 'ZZZS'}: ni uporabnih podatkov${b.months.length ? ` za ${b.months.join(', ')}` : ''}.`,
      en: `${who === 'employer' ? 'Employer' : 'ZZZS'} base: no usable data${b.months.length ? ` for ${b.months.join(', ')}` : ''}.`,
      numbers: { months: b.months.join(', ') || null },
    };
  }
  const period = b.months.length ? `${b.months[0]} – ${b.months[b.months.length - 1]}` : '';
  const excl = (lang: 'sl' | 'en'): string => (b.excludedAllowances.isZero() ? ''
    : lang === 'sl' ? ` − ${eur(b.excludedAllowances, 'sl')} izločenih dodatkov` : ` − ${eur(b.excludedAllowances, 'en')} excluded allowances`);
  const val = (lang: 'sl' | 'en'): string => (b.valorisation.cmp(1) === 0 ? ''
    : ` × ${formatNumber(b.valorisation, null, lang)} (${lang === 'sl' ? 'valorizacija' : 'valorisation'})`);
  return {
    step: who === 'employer' ? 'EMPLOYER_BASE' : 'ZZZS_BASE', absence: i, ref: `${ref}; ${HOURLY_BASE_ROUNDED_TO_CENTS.source}`, status: 'CONVENTION',
    sl: `Osnova ${who === 'employer' ? 'delodajalca' : 'ZZZS'} (${period}, mesecev: ${b.months.length}): (${eur(b.amount, 'sl')}${excl('sl')}) / ${formatNumber(b.hours, null, 'sl')} h${val('sl')} = ${eur(b.hourly, 'sl')}/h (zaokroženo na cente).` +
      (b.excludedRows ? ` Vrstice vrste dohodka 1090 (${b.excludedRows}) niso štete.` : ''),
    en: `${who === 'employer' ? 'Employer' : 'ZZZS'} base (${period}, ${b.months.length} months): (${eur(b.amount, 'en')}${excl('en')}) / ${formatNumber(b.hours, null, 'en')} h${val('en')} = ${eur(b.hourly, 'en')}/h (rounded to cents).` +
      (b.excludedRows ? ` Rows of income type 1090 (${b.excludedRows}) are left out.` : ''),
    numbers: {
      amount: money(b.amount), hours: b.hours.toNumber(2), excludedAllowances: money(b.excludedAllowances),
      valorisation: b.valorisation.toNumber(6), hourly: money(b.hourly), year: b.year, kind: b.kind,
    },
  };
}

export function traceBase(ex: Explainer, i: number, who: Payer, b: Base | BaseFailure): void {
  ex.step(baseStep, { i, who, b });
}

export interface SegmentArg {
  out: SegmentFigures;
  /** Source of the percentage applied. */
  pctRef: string;
  floor: number | null;
  cap: number | null;
  /** The floor or cap that set the amount (`out.limitApplied` says which). */
  limit: Limit | null;
}

export function segmentStep({ out, pctRef, floor, cap, limit }: SegmentArg): TraceStep {
  const who = out.payer === 'employer' ? { sl: 'delodajalec', en: 'employer' } : { sl: 'ZZZS', en: 'ZZZS' };
  const applied = out.limitApplied;
  const limitText = (lang: 'sl' | 'en'): string => {
    if (!applied || !limit) return '';
    const what = applied === 'floor'
      ? (lang === 'sl' ? 'Upoštevana spodnja meja' : 'Floor applied:')
      : applied === 'cap'
        ? (lang === 'sl' ? 'Upoštevana zgornja meja' : 'Cap applied:')
        : (lang === 'sl' ? 'Omejeno na plačo, ki bi jo delavec prejel za delo:' : 'Limited to the pay the worker would have earned:');
    return ` ${what} ${limit.formula(lang)} = ${eur(money(limit.value), lang)}.`;
  };
  const figures = (lang: 'sl' | 'en'): string =>
    `${formatNumber(out.hours, null, lang)} h × ${out.hourlyBase === null ? '—' : eur(out.hourlyBase, lang)}/h × ${out.percentage} % = ${out.rawAmount === null ? '—' : eur(out.rawAmount, lang)}.`;
  return {
    step: 'SEGMENT', absence: out.absence,
    ref: limit ? `${pctRef}; ${limit.source}` : pctRef,
    ...(applied ? { status: 'CONVENTION' as const } : {}),
    sl: `${out.from} – ${out.to} (${out.certificate}), plača ${who.sl}: delovnih dni ${out.workingDays}, ${figures('sl')}${limitText('sl')}`,
    en: `${out.from} – ${out.to} (${out.certificate}), paid by ${who.en}: ${out.workingDays} working days, ${figures('en')}${limitText('en')}`,
    numbers: { hours: out.hours, hourlyBase: out.hourlyBase, percentage: out.percentage, amount: out.amount, floor, cap },
  };
}

/** What the step of a segment keeps of its amount: figures, and the limit only when it was applied. */
export function segmentArg(out: SegmentFigures, pctRef: string, calc: SegmentAmount | null): SegmentArg {
  return {
    out, pctRef,
    floor: calc?.floor ? money(calc.floor.value) : null, cap: calc?.cap ? money(calc.cap.value) : null,
    limit: !calc?.applied ? null : calc.applied === 'floor' ? calc.floor : calc.cap,
  };
}

export function totalsStep(totals: { employer: number; zzzs: number }): TraceStep {
  return {
    step: 'TOTALS', ref: 'RULES §7',
    sl: `Skupaj: delodajalec ${eur(totals.employer, 'sl')}, ZZZS ${eur(totals.zzzs, 'sl')} (refundacija).`,
    en: `Totals: employer ${eur(totals.employer, 'en')}, ZZZS ${eur(totals.zzzs, 'en')} (refund).`,
    numbers: totals,
  };
}

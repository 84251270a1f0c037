import type { LabelTable } from '../../lib/text/labels.ts';
import { formatNumber } from '../../lib/format.ts';
import type { Claim } from '../../lib/refund.ts';
import type { FillStep } from './fill.ts';
import type { FieldValue } from './setValue.ts';
import { slovenianDate } from './setValue.ts';

/** SPOT's refund form ("Zahtevek za refundacijo nadomestila plače", eNDM): its ONE label table. */
export const REFUND_LABELS = {
  certificateNumber: ['Številka e-potrdila', 'Številka potrdila', 'Številka eBOL', 'Št. e-potrdila'],
  from: ['Obdobje od', 'Od', 'Datum od'],
  to: ['Obdobje do', 'Do', 'Datum do'],
  hours: ['Število ur', 'Ure', 'Št. ur'],
  baseYear: ['Leto osnove'],
  baseMonths: ['Število mesecev izplačila', 'Število mesecev'],
  baseAmount: ['Skupni znesek bruto osnove', 'Znesek bruto osnove', 'Bruto osnova'],
  baseHours: ['Skupno število ur osnove', 'Število ur osnove'],
  valorisation: ['Količnik valorizacije', 'Valorizacijski količnik'],
  hourlyBase: ['Osnova na uro', 'Urna osnova'],
  percentage: ['Odstotek nadomestila', 'Odstotek'],
  amount: ['Znesek nadomestila', 'Znesek refundacije'],
  paymentDate: ['Datum izplačila', 'Datum izplačila nadomestila'],
  monthlyObligation: ['Povprečna mesečna obveznost (ure)', 'Povprečna mesečna obveznost', 'Mesečna obveznost'],
} as const satisfies LabelTable<string>;

export type RefundField = keyof typeof REFUND_LABELS;

/** Buttons that add a claim line. */
export const REFUND_ADD_LINE = ['Dodaj', 'Dodaj vrstico', 'Dodaj postavko', 'Nova vrstica'] as const;

const num = (value: number, places?: number): FieldValue => ({ kind: 'number', value, ...(places !== undefined ? { places } : {}) });
const show = (value: number, places?: number): string => formatNumber(value, places ?? null, 'sl');

/** The values of a claim, field by field and line by line, for the review step and the fill. */
export function refundPlan(claim: Claim): FillStep<RefundField>[] {
  const steps: FillStep<RefundField>[] = [];
  claim.lines.forEach((l, line) => {
    const add = (field: RefundField, value: FieldValue, display: string): void => { steps.push({ field, line, value, display }); };
    add('certificateNumber', { kind: 'text', text: l.certificate }, l.certificate);
    add('from', { kind: 'date', iso: l.from }, slovenianDate(l.from));
    add('to', { kind: 'date', iso: l.to }, slovenianDate(l.to));
    add('hours', num(l.hours), show(l.hours));
    if (l.baseYear !== null) add('baseYear', { kind: 'text', text: String(l.baseYear) }, String(l.baseYear));
    if (l.baseMonths !== null) add('baseMonths', num(l.baseMonths), show(l.baseMonths));
    if (l.baseAmount !== null) add('baseAmount', num(l.baseAmount, 2), show(l.baseAmount, 2));
    if (l.baseHours !== null) add('baseHours', num(l.baseHours), show(l.baseHours));
    if (l.valorisation !== null) add('valorisation', num(l.valorisation), show(l.valorisation));
    if (l.hourlyBase !== null) add('hourlyBase', num(l.hourlyBase, 2), show(l.hourlyBase, 2));
    add('percentage', num(l.percentage), `${l.percentage} %`);
    if (l.amount !== null) add('amount', num(l.amount, 2), show(l.amount, 2));
  });
  if (claim.paymentDate) steps.push({ field: 'paymentDate', line: null, value: { kind: 'date', iso: claim.paymentDate }, display: slovenianDate(claim.paymentDate) });
  steps.push({ field: 'monthlyObligation', line: null, value: num(claim.monthlyObligation), display: show(claim.monthlyObligation) });
  return steps;
}

import type { Dated } from './types.ts';

/**
 * Work-free days (ZPDPD). Easter Sunday and Monday are computed (calendar.ts); Whit Sunday
 * is Easter + 49 days. Fixed dates are data so that changes in the law are a data change.
 */
export interface FixedHoliday {
  month: number;
  day: number;
  sl: string;
  valid: readonly Dated<true>[];
}

const ZPDPD = 'ZPDPD (Zakon o praznikih in dela prostih dnevih)';
const always = (source = ZPDPD): Dated<true>[] => [{ from: '1991-01-01', value: true, source }];

export const FIXED_HOLIDAYS: readonly FixedHoliday[] = [
  { month: 1, day: 1, sl: 'novo leto', valid: always() },
  {
    month: 1, day: 2, sl: 'novo leto',
    valid: [
      { from: '1991-01-01', to: '2012-12-31', value: true, source: ZPDPD },
      { from: '2017-01-01', value: true, source: `${ZPDPD}; 2. januar ni bil dela prost 2013–2016` },
    ],
  },
  { month: 2, day: 8, sl: 'Prešernov dan', valid: always() },
  { month: 4, day: 27, sl: 'dan upora proti okupatorju', valid: always() },
  { month: 5, day: 1, sl: 'praznik dela', valid: always() },
  { month: 5, day: 2, sl: 'praznik dela', valid: always() },
  { month: 6, day: 25, sl: 'dan državnosti', valid: always() },
  { month: 8, day: 15, sl: 'Marijino vnebovzetje', valid: always() },
  { month: 10, day: 31, sl: 'dan reformacije', valid: always() },
  { month: 11, day: 1, sl: 'dan spomina na mrtve', valid: always() },
  { month: 12, day: 25, sl: 'božič', valid: always() },
  { month: 12, day: 26, sl: 'dan samostojnosti in enotnosti', valid: always() },
];

/** Movable work-free days as offsets from Easter Sunday. Whit Monday and Corpus Christi are not work-free. */
export const EASTER_HOLIDAYS: readonly { offset: number; sl: string }[] = [
  { offset: 0, sl: 'velikonočna nedelja' },
  { offset: 1, sl: 'velikonočni ponedeljek' },
  { offset: 49, sl: 'binkoštna nedelja' },
];

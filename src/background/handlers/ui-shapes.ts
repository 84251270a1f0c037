/**
 * Payload validators of the `ui:` messages that carry domain objects (certificates and
 * disclosures read in the popup, computation options, column mappings, employers).
 */
import type { Certificate } from '../../lib/certificates.ts';
import { DISCLOSURE_WARNING_ORDER } from '../../lib/disclosure/builder.ts';
import { MAPPABLE_FIELDS, type ColumnMapping } from '../../lib/disclosure/mapping.ts';
import type { Disclosure } from '../../lib/disclosure/model.ts';
import { validateTaxNumber } from '../../lib/identifiers.ts';
import type { ComputationOptions } from '../../shared/protocol/ui.ts';
import type { EmployerRow } from '../../shared/rows.ts';
import { array, boolean, literal, nullable, number, object, optional, string, type Validator } from '../validate.ts';

const at = (path: string) => (path ? `${path}: ` : '');

export const isoDate = string({ max: 10, pattern: /^\d{4}-\d{2}-\d{2}$/ });

const eightDigits = string({ max: 12, pattern: /^\d{8}$/ });

/** A valid Slovenian tax number (8 digits, check digit). */
export const taxNumber: Validator<string> = {
  check(value, path) {
    const problem = eightDigits.check(value, path);
    if (problem) return problem;
    const r = validateTaxNumber(value as string);
    return r.ok ? null : `${at(path)}${r.message}`;
  },
};

/** A plain object with up to `max` keys, every key and value checked. */
export function record<T>(key: Validator<string>, value: Validator<T>, opts: { max: number }): Validator<Record<string, T>> {
  return {
    check(v, path) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${at(path)}pričakovan objekt`;
      const entries = Object.entries(v);
      if (entries.length > opts.max) return `${at(path)}preveč vnosov (največ ${opts.max})`;
      for (const [k, x] of entries) {
        if (key.check(k, '') !== null || value.check(x, '') !== null) return key.check(k, `${path}.${k}`) ?? value.check(x, `${path}.${k}`);
      }
      return null;
    },
  };
}

const idText = (max: number) => nullable(string({ max }));

export const certificateShape = object({
  number: string({ max: 20, min: 1, pattern: /^\d+$/ }),
  kind: literal('eBOL', 'ePODK'),
  worker: object({ name: idText(200), zzzsNumber: idText(20), emso: idText(20) }),
  reason: string({ max: 2, pattern: /^\d{2}$/ }),
  from: isoDate,
  to: isoDate,
  hoursPerDay: nullable(number({ min: 0, max: 24 })),
  status: literal('issued', 'cancelled'),
  issuedOn: nullable(isoDate),
  employerTaxNumber: optional(idText(20)),
  employerName: optional(nullable(string({ max: 200 }))),
}) as Validator<Certificate>;

const disclosureRow = object({
  month: string({ max: 7, pattern: /^\d{4}-\d{2}$/ }),
  source: string({ max: 60 }),
  incomeType: string({ max: 60 }),
  amount: nullable(number()),
  hours: nullable(number()),
  sourceRaw: optional(string({ max: 120 })),
});

export const disclosureShape = object({
  type: literal('disclosure'),
  queryNumber: idText(100),
  employerTaxNumber: idText(20),
  workerTaxNumber: idText(20),
  preparedOn: nullable(isoDate),
  validUntil: nullable(isoDate),
  sections: array(object({
    basePeriod: object({ from: nullable(isoDate), to: nullable(isoDate) }),
    payer: nullable(literal('zzzs', 'employer')),
    noData: boolean(),
    rows: array(disclosureRow, { max: 2000 }),
    totals: object({ amount: number(), hours: number() }),
  }), { max: 50 }),
  warnings: array(literal(...DISCLOSURE_WARNING_ORDER), { max: 10 }),
}) as Validator<Disclosure>;

const money = (max = 1_000_000) => optional(nullable(number({ min: 0, max })));

export const computationOptionsShape = object({
  recurrence: optional(boolean()),
  excludedAllowances: money(),
  valorisation: optional(nullable(number({ min: 0, max: 100 }))),
  weeklyHours: optional(nullable(number({ min: 0, max: 60 }))),
  currentHourlyPay: money(10_000),
  calendar: optional(nullable(record(isoDate, number({ min: 0, max: 24 }), { max: 800 }))),
  minimumWage: money(),
  averageWage: money(),
  paymentDate: optional(nullable(isoDate)),
}) as Validator<ComputationOptions>;

export const columnMappingShape = record(string({ max: 200, min: 1 }), literal(...MAPPABLE_FIELDS), { max: 60 }) as Validator<ColumnMapping>;

export const employerShape = object({
  taxNumber,
  name: string({ max: 200, min: 1 }),
  registrationNumber: optional(string({ max: 20 })),
  seat: optional(string({ max: 300 })),
  phone: optional(string({ max: 60 })),
  email: optional(string({ max: 200 })),
}) as Validator<EmployerRow>;

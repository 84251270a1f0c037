/**
 * Handlers of the content scripts that read SPOT (issue 4). The registry already refuses these
 * `content:` messages unless they come from a SPOT tab; here every payload is checked for
 * shape and size (numbers are digits, dates real ISO dates, strings short, at most
 * `MAX_CERTIFICATES_PER_MESSAGE` certificates) before one transaction stores it.
 */
import { validateCertificate, type Certificate } from '../../lib/certificates.ts';
import { isIsoDate } from '../../lib/dates.ts';
import type { Disclosure } from '../../lib/disclosure/model.ts';
import { validateTaxNumber } from '../../lib/identifiers.ts';
import { EBOL_LIST_LABELS, type EbolCells, type EbolField } from '../../shared/pages/ebolList.ts';
import { dateMemo, readEbolRow } from '../../shared/pages/ebolRow.ts';
import { diagnosticsText } from '../../shared/pages/registry.ts';
import type { PageDiagnostics } from '../../shared/pages/types.ts';
import {
  MAX_CELL_CHARS, MAX_CERTIFICATES_PER_MESSAGE, MAX_DIAGNOSTIC_LABELS, MAX_NUMBERS_PER_MESSAGE, MAX_ROWS_PER_MESSAGE,
} from '../../shared/protocol/spot.ts';
import type { SpotDb } from '../db.ts';
import { defineHandlers } from '../registry.ts';
import { storeCertificates } from '../store/certificates.ts';
import {
  chooseEmployer, disclosureOutcome, employersAndCurrent, storedNumbers, storeDisclosureFromPage,
} from '../store/spotReading.ts';
import {
  array, boolean, empty, literal, nullable, number, object, optional, string, type Validator,
} from '../validate.ts';

export interface SpotDeps {
  db: () => SpotDb;
  now?: () => Date;
}

const at = (path: string) => (path ? `${path}: ` : '');

/** Adds a check to a validator: `extra` runs only when the base check passed. */
function refine<T>(base: Validator<T>, extra: (value: T, path: string) => string | null): Validator<T> {
  return { check: (value, path) => base.check(value, path) ?? extra(value as T, path) };
}

const digits = (min: number, max: number) => string({ min, max, pattern: /^\d+$/ });

export const isoDate: Validator<string> = refine(string({ max: 10 }), (v, path) =>
  isIsoDate(v) ? null : `${at(path)}pričakovan datum v obliki LLLL-MM-DD`);

export const taxNumber: Validator<string> = refine(string({ max: 8 }), (v, path) => {
  const r = validateTaxNumber(v);
  return r.ok && /^\d{8}$/.test(v) ? null : `${at(path)}${r.ok ? 'davčna številka mora imeti 8 števk' : r.message}`;
});

const certificateShape: Validator<Certificate> = refine(
  object({
    number: digits(1, 20),
    kind: literal('eBOL', 'ePODK'),
    worker: object({ name: nullable(string({ max: 200 })), zzzsNumber: nullable(digits(9, 9)), emso: nullable(digits(13, 13)) }),
    reason: digits(2, 2),
    from: isoDate,
    to: isoDate,
    hoursPerDay: nullable(number({ min: 0, max: 24 })),
    status: literal('issued', 'cancelled'),
    issuedOn: nullable(isoDate),
    employerTaxNumber: optional(nullable(digits(8, 8))),
    employerName: optional(nullable(string({ max: 200 }))),
  }),
  (c, path) => {
    const problems = validateCertificate(c);
    return problems.length ? `${at(path)}${problems.join(' ')}` : null;
  },
);

const disclosureShape: Validator<Disclosure> = object({
  type: literal('disclosure'),
  queryNumber: nullable(string({ max: 100 })),
  employerTaxNumber: nullable(digits(8, 8)),
  workerTaxNumber: nullable(digits(8, 8)),
  preparedOn: nullable(isoDate),
  validUntil: nullable(isoDate),
  sections: array(object({
    basePeriod: object({ from: nullable(isoDate), to: nullable(isoDate) }),
    payer: literal('zzzs', 'employer', null),
    noData: boolean(),
    rows: array(object({
      month: string({ max: 7, pattern: /^\d{4}-(0[1-9]|1[0-2])$/ }),
      source: string({ max: 40 }),
      incomeType: string({ max: 40 }),
      amount: nullable(number({ min: -1e9, max: 1e9 })),
      hours: nullable(number({ min: -1e6, max: 1e6 })),
      sourceRaw: optional(string({ max: 40 })),
    }), { max: 2000 }),
    totals: object({ amount: number(), hours: number() }),
  }), { max: 20 }),
  warnings: array(string({ max: 40, pattern: /^[A-Z0-9_]+$/ }), { max: 20 }),
}) as Validator<Disclosure>;

const employerName = nullable(string({ max: 200 }));

/** A row's cell texts: only fields of the eBOL list, each a short text. */
const ebolCells = object(Object.fromEntries(
  (Object.keys(EBOL_LIST_LABELS) as EbolField[]).map((f) => [f, optional(string({ max: MAX_CELL_CHARS }))]),
)) as Validator<EbolCells>;

const labels = array(string({ max: 200 }), { max: MAX_DIAGNOSTIC_LABELS });
const diagnostics = object({
  expectedPage: literal('ebolList', 'disclosureList'),
  hints: labels, foundLabels: labels, expectedLabels: labels, missingLabels: labels, headings: labels,
  url: string({ max: 2048 }),
}) as Validator<PageDiagnostics>;

export function spotHandlers({ db, now = () => new Date() }: SpotDeps) {
  return defineHandlers({
    'content:readEbolRows': {
      validate: object({ rows: array(ebolCells, { max: MAX_ROWS_PER_MESSAGE }) }),
      // 100 rows of 13 texts of 200 characters, 3 bytes each at most in UTF-8.
      maxBytes: 1024 * 1024,
      handle({ rows }) {
        const dates = dateMemo();
        return { rows: rows.map((cells) => readEbolRow(cells, dates)) };
      },
    },
    'content:diagnosticsText': {
      validate: object({ diagnostics, version: string({ max: 40 }), at: string({ max: 40 }) }),
      handle: ({ diagnostics: d, version, at }) => ({ text: diagnosticsText(d, { version, at }) }),
    },
    'content:storeCertificates': {
      validate: object({
        employerTax: taxNumber,
        employerName,
        certificates: array(certificateShape, { max: MAX_CERTIFICATES_PER_MESSAGE }),
        source: literal('spot-page', 'spot-download'),
      }),
      maxBytes: 512 * 1024,
      async handle({ employerTax, employerName: name, certificates, source }) {
        return storeCertificates(db(), {
          employerTax, employerName: name, source, now: now().toISOString(),
          // The employer comes from the message (the page or the user's choice), not from each row.
          certificates: certificates.map(({ employerTaxNumber: _e, employerName: _n, ...c }) => c),
        });
      },
    },
    'content:storeDisclosure': {
      validate: object({
        employerTax: taxNumber,
        disclosure: disclosureShape,
        certificateNumber: nullable(digits(1, 20)),
        workerName: nullable(string({ max: 200 })),
        fileName: nullable(string({ max: 255 })),
      }),
      maxBytes: 1024 * 1024,
      async handle(input) {
        const d = db();
        const stored = await storeDisclosureFromPage(d, { ...input, source: 'spot-download', now: now().toISOString() });
        const outcome = await disclosureOutcome(d, input.employerTax, stored, input.disclosure);
        return { ...outcome, workerName: outcome.workerName ?? input.workerName };
      },
    },
    'content:listStoredNumbers': {
      validate: object({ employerTax: taxNumber, numbers: array(digits(1, 20), { max: MAX_NUMBERS_PER_MESSAGE }) }),
      async handle({ employerTax, numbers }) {
        return { stored: await storedNumbers(db(), employerTax, numbers) };
      },
    },
    'content:employers': {
      validate: empty(),
      async handle() {
        return employersAndCurrent(db());
      },
    },
    'content:setEmployer': {
      validate: object({ taxNumber, name: employerName }),
      async handle({ taxNumber: tax, name }) {
        return chooseEmployer(db(), tax, name?.trim() || null);
      },
    },
  });
}

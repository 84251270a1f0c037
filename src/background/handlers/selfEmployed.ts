/**
 * The self-employed view's messages (src/shared/protocol/selfEmployed.ts): a person's
 * certificates up to the end of a month, and the inputs the user keeps per person and month.
 * The worker must belong to the employer named in the request (a view never reads another
 * employer's people by a stale id).
 */
import { lastOfMonth } from '../../lib/dates.ts';
import { MessageError, errorText } from '../../shared/messages.ts';
import {
  SELF_EMPLOYED_MAX_CERTIFICATES, selfEmployedInputsKey, type SelfEmployedInputs, type SelfEmployedMonth,
} from '../../shared/protocol/selfEmployed.ts';
import type { WorkerRow } from '../../shared/rows.ts';
import type { SpotDb } from '../db.ts';
import { defineHandlers } from '../registry.ts';
import { compareByFrom } from '../store/certificateList.ts';
import { boolean, nullable, number, object, optional, string } from '../validate.ts';
import { taxNumber } from './ui-shapes.ts';

export interface SelfEmployedDeps {
  db: () => SpotDb;
}

const workerId = string({ max: 200, min: 1 });
const month = string({ max: 7, pattern: /^\d{4}-(0[1-9]|1[0-2])$/ });
/** Hours or euros: never negative, never absurd. */
const amount = optional(nullable(number({ min: 0, max: 100_000_000 })));

export const selfEmployedInputsShape = object({
  field120: amount,
  field150: amount,
  field160: amount,
  base: amount,
  longTermCare: optional(nullable(boolean())),
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const numberOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);

/** Stored inputs as the popup uses them: unknown or damaged values dropped. */
function inputsOf(value: unknown): SelfEmployedInputs {
  if (!isRecord(value)) return {};
  const out: SelfEmployedInputs = {};
  for (const k of ['field120', 'field150', 'field160', 'base'] as const) {
    const v = numberOrNull(value[k]);
    if (v !== null) out[k] = v;
  }
  if (typeof value.longTermCare === 'boolean') out.longTermCare = value.longTermCare;
  return out;
}

async function workerOf(db: SpotDb, employerTax: string, id: string): Promise<WorkerRow> {
  const worker = await db.workers.get(id);
  if (!worker || worker.employerTax !== employerTax) throw new MessageError('NOT_FOUND', errorText('NOT_FOUND', id));
  return worker;
}

/** The base of the nearest earlier month with one, of the same person. */
async function earlierBase(db: SpotDb, id: string, before: string): Promise<SelfEmployedMonth['earlierBase']> {
  const prefix = selfEmployedInputsKey(id, '');
  const rows = await db.settings.where('key').between(prefix, `${prefix}${before}`, false, false).reverse().toArray();
  for (const row of rows) {
    const m = row.key.slice(prefix.length);
    if (!/^\d{4}-\d{2}$/.test(m)) continue;
    const base = inputsOf(row.value).base;
    if (typeof base === 'number') return { month: m, base };
  }
  return null;
}

export function selfEmployedHandlers({ db }: SelfEmployedDeps) {
  return defineHandlers({
    'ui:selfEmployedMonth': {
      validate: object({ employerTax: taxNumber, workerId, month }),
      async handle({ employerTax, workerId: id, month: m }) {
        const d = db();
        return d.transaction('r', [d.workers, d.certificates, d.settings], async () => {
          const worker = await workerOf(d, employerTax, id);
          const end = lastOfMonth(m);
          const all = (await d.certificates.where('[employerTax+workerId]').equals([employerTax, id]).toArray())
            .filter((c) => c.from <= end)
            .sort(compareByFrom);
          const truncated = all.length > SELF_EMPLOYED_MAX_CERTIFICATES;
          const certificates = truncated ? all.slice(all.length - SELF_EMPLOYED_MAX_CERTIFICATES) : all;
          const stored = await d.settings.get(selfEmployedInputsKey(id, m));
          const inputs = inputsOf(stored?.value);
          return {
            worker, certificates, truncated, inputs,
            earlierBase: typeof inputs.base === 'number' ? null : await earlierBase(d, id, m),
          };
        });
      },
    },
    'ui:saveSelfEmployedInputs': {
      validate: object({ employerTax: taxNumber, workerId, month, inputs: selfEmployedInputsShape }),
      async handle({ employerTax, workerId: id, month: m, inputs }) {
        const d = db();
        return d.transaction('rw', [d.workers, d.settings], async () => {
          await workerOf(d, employerTax, id);
          const clean = inputsOf(inputs);
          const key = selfEmployedInputsKey(id, m);
          // Nothing entered: no row (so "earlier base" never finds an empty month).
          if (Object.keys(clean).length === 0) await d.settings.delete(key);
          else await d.settings.put({ key, value: clean });
          return clean;
        });
      },
    },
  });
}

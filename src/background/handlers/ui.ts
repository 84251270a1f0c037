/**
 * The popup app's messages (`ui:`, declared in src/shared/protocol/ui.ts): employers and
 * settings, paged lists, disclosures and their link to a worker, computations, imports.
 * Every handler reads or writes through the store functions; every write is a transaction.
 */
import type { Certificate } from '../../lib/certificates.ts';
import { validateCertificate } from '../../lib/certificates.ts';
import { validateTaxNumber } from '../../lib/identifiers.ts';
import { MessageError, errorText } from '../../shared/messages.ts';
import { IMPORT_CERTIFICATES_PER_MESSAGE, MAX_PAGE, type UiContext } from '../../shared/protocol/ui.ts';
import type { SpotDb } from '../db.ts';
import { defineHandlers } from '../registry.ts';
import { storeCertificates } from '../store/certificates.ts';
import { computeAbsence, listAbsences, listClaims, listSegments } from '../store/computations.ts';
import { storeDisclosure } from '../store/disclosures.ts';
import { CURRENT_EMPLOYER, currentEmployer } from '../store/employers.ts';
import { kept } from '../store/kept.ts';
import {
  countCertificates, countWorkerRecords, disclosureSummary, disclosuresOf, listCertificates, listDisclosures, listEmployers, listWorkers,
} from '../store/queries.ts';
import { readColumnMappings, readUiSettings, saveColumnMapping, writeUiSettings } from '../store/settings.ts';
import { array, boolean, empty, literal, nullable, number, object, optional, string } from '../validate.ts';
import {
  certificateShape, columnMappingShape, computationOptionsShape, disclosureShape, employerShape, taxNumber,
} from './ui-shapes.ts';

export interface UiDeps {
  db: () => SpotDb;
  now?: () => Date;
}

const tax = string({ max: 12, min: 1 });
const page = { offset: number({ min: 0, integer: true }), limit: number({ min: 1, max: MAX_PAGE, integer: true }) };
const id = string({ max: 200, min: 1 });

/**
 * Employers, the selected one and the settings: what the popup needs first. Kept between
 * messages until employers or settings are written (store/kept.ts): every popup asks for it.
 */
export async function uiContext(db: SpotDb): Promise<UiContext> {
  const context = await kept(db, ['employers', 'settings'], 'uiContext', async () => {
    const [employers, stored, settings] = await Promise.all([listEmployers(db), currentEmployer(db), readUiSettings(db)]);
    const current = stored && employers.some((e) => e.taxNumber === stored) ? stored : (employers[0]?.taxNumber ?? null);
    return { employers, current, settings };
  });
  // A copy: the kept one must not change with what a caller does to its answer.
  return structuredClone(context);
}

/**
 * Selects an employer unless one is selected already. Call inside a transaction with `settings`.
 * `storing`: employers this transaction is storing, counted as existing even before they are.
 */
async function selectIfNone(db: SpotDb, taxNumber: string, storing: ReadonlySet<string> = new Set()): Promise<void> {
  const stored = await currentEmployer(db);
  if (!stored || !(storing.has(stored) || (await db.employers.get(stored)))) await db.settings.put({ key: CURRENT_EMPLOYER, value: taxNumber });
}

function noEmployer(number: string): MessageError {
  return new MessageError('INVALID_PAYLOAD', `Potrdilo ${number} nima davčne številke delodajalca. Izberite ali dodajte delodajalca in datoteko uvozite znova.`);
}

export function uiHandlers({ db, now = () => new Date() }: UiDeps) {
  return defineHandlers({
    'ui:getContext': {
      validate: empty(),
      handle: () => uiContext(db()),
    },
    'ui:selectEmployer': {
      validate: object({ taxNumber: tax }),
      async handle({ taxNumber }) {
        const d = db();
        if (!(await d.employers.get(taxNumber))) throw new MessageError('NOT_FOUND', errorText('NOT_FOUND', taxNumber));
        await d.settings.put({ key: CURRENT_EMPLOYER, value: taxNumber });
        return uiContext(d);
      },
    },
    'ui:saveEmployer': {
      validate: object({ employer: employerShape, select: optional(boolean()) }),
      async handle({ employer, select }) {
        const d = db();
        await d.transaction('rw', d.employers, d.settings, async () => {
          // The whole profile as the form has it: a field the user emptied is removed.
          const clean = Object.fromEntries(Object.entries(employer)
            .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])
            .filter(([k, v]) => k === 'name' || k === 'taxNumber' || (typeof v === 'string' && v !== '')));
          await d.employers.put(clean as typeof employer);
          if (select) await d.settings.put({ key: CURRENT_EMPLOYER, value: employer.taxNumber });
          else await selectIfNone(d, employer.taxNumber);
        });
        return uiContext(d);
      },
    },
    'ui:saveSettings': {
      validate: object({
        retentionDays: optional(number({ min: 1, max: 3650, integer: true })),
        parameterOverrides: optional(object({
          minimumWage: optional(nullable(number({ min: 0, max: 1_000_000 }))),
          averageWage: optional(nullable(number({ min: 0, max: 1_000_000 }))),
        })),
        exportDialect: optional(literal('excel-si', 'csv')),
      }),
      async handle(patch) {
        const d = db();
        await writeUiSettings(d, patch);
        return uiContext(d);
      },
    },
    'ui:deleteAllData': {
      validate: object({ confirm: literal(true) }),
      async handle() {
        const d = db();
        await d.transaction('rw', d.tables, async () => {
          for (const table of d.tables) await table.clear();
        });
        return uiContext(d);
      },
    },

    'ui:listWorkers': {
      validate: object({ employerTax: tax, ...page, search: optional(string({ max: 100 })) }),
      handle: ({ employerTax, offset, limit, search }) => listWorkers(db(), employerTax, offset, limit, search),
    },
    'ui:countWorkerRecords': {
      validate: object({ employerTax: tax, workerIds: array(id, { max: MAX_PAGE }) }),
      handle: ({ employerTax, workerIds }) => countWorkerRecords(db(), employerTax, workerIds),
    },
    'ui:getWorker': {
      validate: object({ workerId: id }),
      async handle({ workerId }) {
        const d = db();
        const worker = await d.workers.get(workerId);
        if (!worker) throw new MessageError('NOT_FOUND', errorText('NOT_FOUND', workerId));
        const certificates = await d.certificates.where('[employerTax+workerId]').equals([worker.employerTax, workerId]).toArray();
        certificates.sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
        const disclosures = await disclosuresOf(d, workerId, certificates.map((c) => c.number));
        return { worker, certificates, disclosures: disclosures.map(disclosureSummary) };
      },
    },
    'ui:listCertificates': {
      validate: object({
        employerTax: tax, ...page,
        filter: optional(object({
          month: optional(string({ max: 7 })),
          reason: optional(string({ max: 2 })),
          status: optional(literal('issued', 'cancelled')),
          kind: optional(literal('eBOL', 'ePODK')),
          search: optional(string({ max: 100 })),
        })),
      }),
      handle: ({ employerTax, offset, limit, filter }) => listCertificates(db(), employerTax, offset, limit, filter),
    },
    'ui:countCertificates': {
      validate: object({ employerTax: tax }),
      handle: ({ employerTax }) => countCertificates(db(), employerTax),
    },
    'ui:listAbsences': {
      validate: object({ workerId: id }),
      handle: ({ workerId }) => listAbsences(db(), workerId),
    },
    'ui:listDisclosures': {
      validate: object({ employerTax: tax, unlinked: optional(boolean()) }),
      handle: ({ employerTax, unlinked }) => listDisclosures(db(), employerTax, unlinked === true),
    },
    'ui:linkDisclosure': {
      validate: object({ id: number({ min: 1, integer: true }), workerId: id }),
      async handle({ id: disclosureId, workerId }) {
        const d = db();
        return d.transaction('rw', d.disclosures, d.workers, async () => {
          const row = await d.disclosures.get(disclosureId);
          const worker = await d.workers.get(workerId);
          if (!row) throw new MessageError('NOT_FOUND', errorText('NOT_FOUND', String(disclosureId)));
          if (!worker) throw new MessageError('NOT_FOUND', errorText('NOT_FOUND', workerId));
          if (worker.employerTax !== row.employerTax) {
            throw new MessageError('INVALID_PAYLOAD', 'Podatki FURS in delavec pripadajo različnim delodajalcem.');
          }
          await d.disclosures.update(disclosureId, { workerId });
          // The worker's tax number is now known: link the same person's other disclosures too.
          const workerTax = row.workerTaxNumber ?? row.data.workerTaxNumber;
          if (workerTax) {
            if (!worker.taxNumber) await d.workers.update(workerId, { taxNumber: workerTax });
            if (!worker.taxNumber || worker.taxNumber === workerTax) {
              await d.disclosures.where('employerTax').equals(row.employerTax)
                .filter((x) => x.workerId === null && (x.workerTaxNumber ?? x.data.workerTaxNumber) === workerTax)
                .modify({ workerId });
            }
          }
          return disclosureSummary((await d.disclosures.get(disclosureId))!);
        });
      },
    },

    'ui:compute': {
      validate: object({ certificateNumber: string({ max: 20, min: 1 }), options: optional(computationOptionsShape) }),
      handle: ({ certificateNumber, options }) =>
        computeAbsence(db(), { certificateNumber, ...(options ? { options } : {}), now: now().toISOString() }),
    },
    'ui:listSegments': {
      validate: object({ employerTax: tax }),
      handle: ({ employerTax }) => listSegments(db(), employerTax),
    },
    'ui:listClaims': {
      validate: object({ employerTax: tax, ...page }),
      handle: ({ employerTax, offset, limit }) => listClaims(db(), employerTax, offset, limit),
    },
    'ui:listPostings': {
      validate: object({ employerTax: tax }),
      async handle({ employerTax }) {
        const d = db();
        const rows = await d.postings.where('employerTax').equals(employerTax).sortBy('start');
        const workers = await d.workers.bulkGet([...new Set(rows.map((r) => r.workerId))]);
        const names = new Map(workers.filter((w) => w).map((w) => [w!.id, w!.name]));
        return rows.map((r) => ({ ...r, workerName: names.get(r.workerId) ?? null }));
      },
    },

    'ui:importCertificates': {
      validate: object({ certificates: array(certificateShape, { max: IMPORT_CERTIFICATES_PER_MESSAGE }), fallbackEmployerTax: nullable(taxNumber) }),
      maxBytes: 4 * 1024 * 1024,
      async handle({ certificates, fallbackEmployerTax }) {
        const groups = new Map<string, Certificate[]>();
        for (const c of certificates) {
          const problems = validateCertificate(c);
          if (problems.length) throw new MessageError('INVALID_PAYLOAD', `Potrdilo ${c.number}: ${problems.join(' ')}`);
          const employerTax = c.employerTaxNumber ?? fallbackEmployerTax;
          if (!employerTax) throw noEmployer(c.number);
          const group = groups.get(employerTax);
          if (group) group.push(c);
          else groups.set(employerTax, [c]);
        }
        const d = db();
        const at = now().toISOString();
        const total = { employers: [...groups.keys()], added: 0, updated: 0, cancelled: 0, unchanged: 0 };
        // One transaction for the whole file: all of it is stored, or nothing.
        await d.transaction('rw', [d.certificates, d.workers, d.employers, d.history, d.settings], async () => {
          // The selected employer is settled beside the storing, not after it (one wait less):
          // a stored choice naming an employer that exists or that this file stores is kept,
          // else the file's first employer is chosen.
          const first = total.employers[0];
          await Promise.all([
            first ? selectIfNone(d, first, new Set(groups.keys())) : undefined,
            (async () => {
              for (const [employerTax, list] of groups) {
                const employerName = list.find((c) => c.employerTaxNumber === employerTax && c.employerName)?.employerName ?? null;
                const r = await storeCertificates(d, { employerTax, employerName, certificates: list, source: 'import', now: at });
                total.added += r.added.length;
                total.updated += r.updated.length;
                total.cancelled += r.cancelled.length;
                total.unchanged += r.unchanged.length;
              }
            })(),
          ]);
        });
        return total;
      },
    },
    'ui:importDisclosure': {
      validate: object({ disclosure: disclosureShape, fallbackEmployerTax: nullable(taxNumber), fileName: string({ max: 260 }) }),
      maxBytes: 2 * 1024 * 1024,
      async handle({ disclosure, fallbackEmployerTax, fileName }) {
        const employerTax = disclosure.employerTaxNumber ?? fallbackEmployerTax;
        if (!employerTax) {
          throw new MessageError('INVALID_PAYLOAD', 'Podatki FURS nimajo davčne številke delodajalca (vlagatelja). Izberite ali dodajte delodajalca in datoteko uvozite znova.');
        }
        const check = validateTaxNumber(employerTax);
        if (!check.ok) throw new MessageError('INVALID_PAYLOAD', `Davčna številka vlagatelja v podatkih FURS ni veljavna: ${check.message}`);
        const d = db();
        return d.transaction('rw', [d.disclosures, d.certificates, d.workers, d.employers, d.history, d.settings], async () => {
          const r = await storeDisclosure(d, { employerTax, disclosure, fileName, source: 'import', now: now().toISOString() });
          await selectIfNone(d, employerTax);
          return { employerTax, status: r.status, workerId: r.workerId };
        });
      },
    },
    'ui:getColumnMapping': {
      validate: object({ signature: string({ max: 2000, min: 1 }) }),
      async handle({ signature }) {
        return (await readColumnMappings(db()))[signature] ?? null;
      },
    },
    'ui:saveColumnMapping': {
      validate: object({ signature: string({ max: 2000, min: 1 }), mapping: columnMappingShape }),
      async handle({ signature, mapping }) {
        await saveColumnMapping(db(), signature, mapping);
        return mapping;
      },
    },
  });
}

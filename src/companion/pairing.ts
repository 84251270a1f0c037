import { basename } from 'node:path';
import type { ExportWorker, PairingMethod } from '../lib/exports.ts';
import type { ReadCertificate, ReadDisclosure } from './inputs.ts';
import type { WorkerListEntry } from './workerList.ts';

/**
 * Which FURS disclosures belong to which worker's certificates.
 *
 * The files do not share an identifier: a disclosure names the employer and the worker by
 * **tax number**; an eBOL/ePODK XML names the worker by **EMŠO and/or ZZZS number** and
 * (usually) the employer by tax number. On SPOT the link is the disclosure list's
 * "Številka e-potrdila" column, which the downloaded file does not carry. So, in order:
 *
 * 0. Certificates are grouped into people by EMŠO or ZZZS number (either shared links
 *    them), and a person's certificates per employer form one *worker*. A certificate
 *    without an employer takes the employer of the person's other certificates, or the
 *    only employer in all the input; otherwise the employer stays unknown (warning).
 *    Disclosures are grouped by (employer tax number, worker tax number): one *taxpayer*.
 * 1. **Certificate number in the file name** — a disclosure whose file name contains a
 *    certificate's number (as a whole run of digits, e.g. `osnova-ZZZS_2025000101.csv`)
 *    belongs to that certificate's worker, and so do all disclosures of its taxpayer.
 * 2. **Worker list** — a payroll export with tax number and EMŠO/ZZZS number columns
 *    (see workerList.ts) among the inputs links a taxpayer to the worker with that EMŠO
 *    or ZZZS number at the same employer.
 * 3. **The only one left** — when, at one employer, exactly one worker and exactly one
 *    taxpayer are still unlinked, they are linked, with the warning PAIRED_AS_ONLY_WORKER
 *    (the common case of one sick worker per client folder; the user must check it).
 *
 * Never by name, never across employers, never guessed between two candidates. A link
 * that contradicts another (two tax numbers for one worker, a file naming a certificate
 * of another employer) is refused and reported. What stays unlinked is reported: workers
 * are still computed (without bases: NO_DISCLOSURE), disclosures without a worker are
 * listed in the summary.
 */

export interface Worker {
  employerTaxNumber: string | null;
  worker: ExportWorker;
  certificates: ReadCertificate[];
  disclosures: ReadDisclosure[];
  pairing: PairingMethod | null;
  /** Warning codes of the pairing itself (texts in PAIRING_WARNINGS). */
  warnings: string[];
}

export interface UnpairedDisclosures {
  employerTaxNumber: string | null;
  workerTaxNumber: string | null;
  files: string[];
  reason: string;
}

export const PAIRING_WARNINGS: Readonly<Record<string, { sl: string; en: string }>> = {
  NO_DISCLOSURE: {
    sl: 'Med datotekami ni razkritja FURS, ki bi ga bilo mogoče povezati s tem delavcem: osnove ni mogoče izračunati. Dodajte razkritje s številko potrdila v imenu datoteke ali seznam delavcev.',
    en: 'No FURS disclosure among the files could be linked to this worker: no base can be computed. Add the disclosure with the certificate number in its file name, or a worker list.',
  },
  PAIRED_AS_ONLY_WORKER: {
    sl: 'Razkritje FURS je povezano s tem delavcem le zato, ker je edini preostali delavec delodajalca in edina preostala davčna številka v razkritjih. Preverite, da gre za isto osebo.',
    en: 'The FURS disclosure is linked to this worker only because they are the employer\'s only remaining worker and tax number. Check that it is the same person.',
  },
  EMPLOYER_UNKNOWN: {
    sl: 'Potrdilo ne navaja delodajalca in ga ni bilo mogoče določiti iz drugih datotek; razkritja FURS zato niso povezana.',
    en: 'The certificate does not name the employer and no other file tells it; FURS disclosures are therefore not linked.',
  },
};

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) { p = this.find(p); this.parent.set(x, p); }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a), rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

const idsOf = (w: { emso: string | null; zzzsNumber: string | null }): string[] =>
  [w.emso ? `E:${w.emso}` : null, w.zzzsNumber ? `Z:${w.zzzsNumber}` : null].filter((x): x is string => x !== null);

interface Taxpayer {
  key: string;
  employerTaxNumber: string | null;
  workerTaxNumber: string | null;
  disclosures: ReadDisclosure[];
  linked: Worker | null;
  refused: string | null;
}

const unique = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

export function pairWorkers(certificates: readonly ReadCertificate[], disclosures: readonly ReadDisclosure[], list: readonly WorkerListEntry[] = []): { workers: Worker[]; unpaired: UnpairedDisclosures[] } {
  // 0. People and workers.
  const people = new UnionFind();
  for (const { certificate: c } of certificates) {
    const ids = idsOf(c.worker);
    const own = ids[0] ?? `C:${c.number}`;
    people.find(own);
    for (const id of ids.slice(1)) people.union(own, id);
  }
  const personOf = (c: ReadCertificate['certificate']): string => people.find(idsOf(c.worker)[0] ?? `C:${c.number}`);
  const allEmployers = unique([
    ...certificates.map((c) => c.certificate.employerTaxNumber).filter((e): e is string => !!e),
    ...disclosures.map((d) => d.disclosure.employerTaxNumber).filter((e): e is string => !!e),
  ]);
  const employersOfPerson = new Map<string, Set<string>>();
  for (const { certificate: c } of certificates) {
    if (!c.employerTaxNumber) continue;
    const set = employersOfPerson.get(personOf(c)) ?? new Set<string>();
    set.add(c.employerTaxNumber);
    employersOfPerson.set(personOf(c), set);
  }
  const workers = new Map<string, Worker & { person: string }>();
  for (const item of certificates) {
    const c = item.certificate;
    const person = personOf(c);
    const own = employersOfPerson.get(person);
    const employer = c.employerTaxNumber
      ?? (own?.size === 1 ? [...own][0]! : null)
      ?? (allEmployers.length === 1 ? allEmployers[0]! : null);
    const key = `${employer ?? '?'}|${person}`;
    let w = workers.get(key);
    if (!w) {
      w = { person, employerTaxNumber: employer, worker: { name: null, emso: null, zzzsNumber: null, taxNumber: null }, certificates: [], disclosures: [], pairing: null, warnings: employer ? [] : ['EMPLOYER_UNKNOWN'] };
      workers.set(key, w);
    }
    w.certificates.push(item);
    w.worker.name ??= c.worker.name;
    w.worker.emso ??= c.worker.emso;
    w.worker.zzzsNumber ??= c.worker.zzzsNumber;
  }

  const taxpayers = new Map<string, Taxpayer>();
  for (const d of disclosures) {
    const e = d.disclosure.employerTaxNumber, t = d.disclosure.workerTaxNumber;
    const key = t ? `${e ?? '?'}|${t}` : `file|${d.file}`;
    const tp = taxpayers.get(key) ?? { key, employerTaxNumber: e, workerTaxNumber: t, disclosures: [], linked: null, refused: null };
    tp.disclosures.push(d);
    taxpayers.set(key, tp);
  }

  const link = (tp: Taxpayer, w: Worker, how: PairingMethod): void => {
    if (tp.linked === w) return;
    if (tp.linked) {
      // Files of one taxpayer naming certificates of two workers: trust neither link.
      tp.refused = 'datoteke kažejo na dva različna delavca';
      tp.linked.pairing = null;
      tp.linked.worker.taxNumber = null;
      tp.linked = null;
      return;
    }
    if (w.pairing && w.worker.taxNumber !== tp.workerTaxNumber) { tp.refused = `delavec ${w.worker.name ?? ''} je že povezan z davčno številko ${w.worker.taxNumber}`; return; }
    if (tp.employerTaxNumber && w.employerTaxNumber && tp.employerTaxNumber !== w.employerTaxNumber) {
      tp.refused = `potrdilo je za delodajalca ${w.employerTaxNumber}, razkritje za ${tp.employerTaxNumber}`;
      return;
    }
    tp.linked = w;
    w.pairing = how;
    w.worker.taxNumber = tp.workerTaxNumber;
  };

  // 1. A certificate number in the file name.
  const byNumber = new Map<string, Worker>();
  for (const w of workers.values()) for (const c of w.certificates) byNumber.set(c.certificate.number, w);
  for (const tp of taxpayers.values()) {
    for (const d of tp.disclosures) {
      for (const run of basename(d.file).match(/\d{5,}/g) ?? []) {
        const w = byNumber.get(run);
        if (w) link(tp, w, 'certificateNumber');
      }
    }
  }

  // 2. The worker list.
  for (const tp of taxpayers.values()) {
    if (tp.linked || tp.refused || !tp.workerTaxNumber) continue;
    const entries = list.filter((e) => e.taxNumber === tp.workerTaxNumber && (!e.employerTaxNumber || !tp.employerTaxNumber || e.employerTaxNumber === tp.employerTaxNumber));
    const ids = new Set(entries.flatMap((e) => idsOf(e)).map((id) => people.find(id)));
    const candidates = [...workers.values()].filter((w) => ids.has(w.person) && (!tp.employerTaxNumber || w.employerTaxNumber === tp.employerTaxNumber));
    if (candidates.length === 1) link(tp, candidates[0]!, 'workerList');
    else if (candidates.length > 1) tp.refused = 'seznam delavcev ustreza več delavcem';
  }

  // 3. The only ones left at one employer.
  const freeWorkers = groupBy([...workers.values()].filter((w) => !w.pairing), (w) => w.employerTaxNumber);
  const freeTaxpayers = groupBy([...taxpayers.values()].filter((tp) => !tp.linked && !tp.refused && tp.workerTaxNumber), (tp) => tp.employerTaxNumber);
  for (const employer of allEmployers) {
    const ws = freeWorkers.get(employer) ?? [];
    const tps = freeTaxpayers.get(employer) ?? [];
    if (ws.length === 1 && tps.length === 1) {
      link(tps[0]!, ws[0]!, 'onlyWorker');
      if (ws[0]!.pairing === 'onlyWorker') ws[0]!.warnings.push('PAIRED_AS_ONLY_WORKER');
    }
  }

  const unpaired: UnpairedDisclosures[] = [];
  const freeAt = new Map<string | null, number>();
  for (const w of workers.values()) if (!w.pairing) freeAt.set(w.employerTaxNumber, (freeAt.get(w.employerTaxNumber) ?? 0) + 1);
  for (const tp of taxpayers.values()) {
    if (tp.linked) { tp.linked.disclosures.push(...tp.disclosures); continue; }
    const others = freeAt.get(tp.employerTaxNumber) ?? 0;
    unpaired.push({
      employerTaxNumber: tp.employerTaxNumber,
      workerTaxNumber: tp.workerTaxNumber,
      files: tp.disclosures.map((d) => d.file),
      reason: tp.refused
        ?? (!tp.workerTaxNumber ? 'razkritje nima davčne številke delavca in njegovo ime ne vsebuje številke potrdila'
          : others === 0 ? 'med datotekami ni potrdila eBOL/ePODK tega delavca'
            : `pri delodajalcu je več nepovezanih delavcev (${others}); dodajte številko potrdila v ime datoteke ali seznam delavcev`),
    });
  }
  const out = [...workers.values()].map(({ person: _person, ...w }) => {
    if (!w.pairing && !w.warnings.includes('EMPLOYER_UNKNOWN')) w.warnings.push('NO_DISCLOSURE');
    w.certificates.sort((a, b) => (a.certificate.from < b.certificate.from ? -1 : a.certificate.from > b.certificate.from ? 1 : 0));
    return w;
  });
  out.sort((a, b) => compareText(a.employerTaxNumber, b.employerTaxNumber) || compareText(a.worker.name, b.worker.name)
    || compareText(a.certificates[0]?.certificate.from ?? null, b.certificates[0]?.certificate.from ?? null));
  return { workers: out, unpaired };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item); else out.set(key(item), [item]);
  }
  return out;
}

function compareText(a: string | null, b: string | null): number {
  return (a ?? '').localeCompare(b ?? '', 'sl');
}

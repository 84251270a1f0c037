/**
 * Synthetic certificates for tests and benchmarks (not shipped): N certificates of one
 * employer spread over workers and the last years, deterministic for a given seed.
 *
 *   const { employer, workers, certificates } = syntheticCertificates(10_000);
 *   await seedCertificates(db, 10_000);           // straight into a SpotDb (one transaction)
 *
 * Rows are written directly (bulkPut), not through `storeCertificates`, so that seeding 10 000
 * rows takes a moment; the rows have the shape `storeCertificates` writes. The plain data
 * (`syntheticCertificates`) can also be written from a browser page with raw IndexedDB.
 */
import type { SpotDb } from '../../src/background/db.ts';
import type { CertificateRow, EmployerRow, WorkerRow } from '../../src/shared/rows.ts';

export interface SeedOptions {
  employerTax?: string;
  employerName?: string;
  /** Default: one worker per 8 certificates. */
  workers?: number;
  /** First year certificates start in; they run to the end of the year after it. */
  fromYear?: number;
  seed?: number;
  /** Added to the generated certificate numbers, to seed a second employer without overwriting. */
  numberOffset?: number;
}

export interface SeedData {
  employer: EmployerRow;
  workers: WorkerRow[];
  certificates: CertificateRow[];
}

const SURNAMES = ['Novak', 'Horvat', 'Kovačič', 'Krajnc', 'Zupančič', 'Potočnik', 'Kovač', 'Mlakar', 'Kos', 'Vidmar', 'Golob', 'Turk', 'Božič', 'Kralj', 'Zupan', 'Čeh', 'Šuštar', 'Žagar', 'Bizjak', 'Hribar'];
const NAMES = ['Ana', 'Marko', 'Maja', 'Luka', 'Nina', 'Jure', 'Eva', 'Žiga', 'Špela', 'Matej', 'Urška', 'Čarli', 'Tina', 'Rok', 'Sara', 'Blaž'];
const REASONS = ['01', '01', '01', '01', '02', '06', '03', '04', '12'];

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
function isoOfDay(day: number): string {
  const d = new Date(Date.UTC(1970, 0, 1) + day * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
const dayOf = (y: number, m: number, d: number): number => Math.round(Date.UTC(y, m - 1, d) / 86_400_000);

export function syntheticCertificates(count: number, options: SeedOptions = {}): SeedData {
  const employerTax = options.employerTax ?? '12345679';
  const rnd = random(options.seed ?? 1);
  const fromYear = options.fromYear ?? 2024;
  const workerCount = Math.max(1, options.workers ?? Math.ceil(count / 8));
  const workers: WorkerRow[] = Array.from({ length: workerCount }, (_, i) => {
    const name = `${SURNAMES[i % SURNAMES.length]} ${NAMES[Math.floor(i / SURNAMES.length) % NAMES.length]}${i >= SURNAMES.length * NAMES.length ? ` ${i}` : ''}`;
    const zzzs = pad(100_000_000 + i, 9);
    return { id: `${employerTax}:Z${zzzs}`, employerTax, name, emso: null, zzzsNumber: zzzs, taxNumber: null };
  });
  const first = dayOf(fromYear, 1, 1);
  const span = dayOf(fromYear + 2, 1, 1) - first;
  const certificates: CertificateRow[] = [];
  for (let i = 0; i < count; i++) {
    const worker = workers[Math.floor(rnd() * workerCount)]!;
    const reason = REASONS[Math.floor(rnd() * REASONS.length)]!;
    const start = first + Math.floor(rnd() * span);
    const length = reason === '12' ? 0 : Math.floor(rnd() * 20);
    const kind = reason === '12' ? 'ePODK' : 'eBOL';
    const n = i + (options.numberOffset ?? 0);
    const number = kind === 'ePODK' ? String(100_000_000_000 + n) : String(3_000_000_000 + n);
    const from = isoOfDay(start);
    certificates.push({
      number, kind, employerTax, workerId: worker.id, reason, from, to: isoOfDay(start + length),
      hoursPerDay: rnd() < 0.05 ? 4 : null, status: rnd() < 0.04 ? 'cancelled' : 'issued', issuedOn: from,
      workerName: worker.name, source: 'spot-page', firstSeenAt: `${from}T08:00:00.000Z`, updatedAt: `${from}T08:00:00.000Z`,
    });
  }
  return { employer: { taxNumber: employerTax, name: options.employerName ?? 'PRIMER d.o.o.' }, workers, certificates };
}

/** Writes N synthetic certificates (with their employer and workers) in one transaction. */
export async function seedCertificates(db: SpotDb, count: number, options: SeedOptions = {}): Promise<SeedData> {
  const data = syntheticCertificates(count, options);
  await db.transaction('rw', db.employers, db.workers, db.certificates, async () => {
    await db.employers.put(data.employer);
    await db.workers.bulkPut(data.workers);
    await db.certificates.bulkPut(data.certificates);
  });
  return data;
}

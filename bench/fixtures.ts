import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addMonths } from '../src/lib/dates.ts';

/** Deterministic pseudo-random numbers, so every run reads the same files. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** A check digit for an 8-digit tax number (weights 8..2, 11 − sum mod 11; 10 → 0), or null when none exists. */
function taxNumber(seven: number): string | null {
  const digits = String(seven).padStart(7, '0');
  const sum = [...digits].reduce((s, d, i) => s + Number(d) * (8 - i), 0);
  const k = 11 - (sum % 11);
  if (k === 11) return null;
  return `${digits}${k === 10 ? 0 : k}`;
}

const slNumber = (v: number): string => v.toFixed(2).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/**
 * A folder like an accounting office's downloads: per worker one eBOL XML and two FURS
 * disclosure CSVs (ZZZS base: the previous year; employer base: the previous month), named
 * with the certificate number as SPOT's download does, so the companion can pair them.
 */
export function writeOfficeFolder(dir: string, workers: number, seed = 20261121): { disclosures: number; certificates: number } {
  mkdirSync(dir, { recursive: true });
  const rand = prng(seed);
  const employer = taxNumber(5123456) ?? '51234564';
  let made = 0;
  for (let i = 0; i < workers; i++) {
    const number = String(2025_000_000 + i);
    const workerTax = taxNumber(2000000 + i * 7) ?? taxNumber(2000001 + i * 7)!;
    const month = `2025-${String(1 + (i % 11)).padStart(2, '0')}`;
    writeFileSync(join(dir, `eBOL_${number}.xml`), `<?xml version="1.0" encoding="UTF-8"?>
<ep:ePotrdilo xmlns:ep="http://www.zzzs.si/ePotrdilo/v1">
  <ep:Stevilka>${number}</ep:Stevilka>
  <ep:Zavarovanec><ep:Priimek>Delavec${i}</ep:Priimek><ep:Ime>Ime${i}</ep:Ime><ep:ZZZSStevilka>${String(100000000 + i)}</ep:ZZZSStevilka></ep:Zavarovanec>
  <ep:Delodajalec><ep:Naziv>Pisarna d.o.o.</ep:Naziv><ep:DavcnaStevilka>${employer}</ep:DavcnaStevilka></ep:Delodajalec>
  <ep:Zadrzanost><ep:RazlogZadrzanosti>01</ep:RazlogZadrzanosti><ep:ZadrzanOd>${month}-03</ep:ZadrzanOd><ep:ZadrzanDo>${month}-26</ep:ZadrzanDo></ep:Zadrzanost>
  <ep:Status>Izdan</ep:Status>
</ep:ePotrdilo>
`);
    const header = (kind: string, period: string) => [
      `Enolična številka poizvedbe;P-2025-${String(100000 + i * 2 + (kind === 'ZZZS' ? 0 : 1)).padStart(9, '0')}`,
      `Davčna številka vlagatelja;${employer}`,
      `Davčna številka prejemnika dohodka;${workerTax}`,
      'Datum priprave podatkov;15.03.2025',
      'Datum veljavnosti podatkov;14.03.2025',
      `Obdobje osnove;${period}`,
      `Vrsta osnove;Osnova v breme ${kind}`,
      '',
      'Leto;Mesec;Vir;Vrsta dohodka / zavarovalna podlaga;Znesek;Ure',
    ];
    const rows = Array.from({ length: 12 }, (_, m) => `2024;${m + 1};REK-O;1001;${slNumber(1500 + Math.round(rand() * 200000) / 100)};${160 + 8 * Math.floor(rand() * 3)}`);
    writeFileSync(join(dir, `osnova_${number}_ZZZS.csv`), `${[...header('ZZZS', '01.01.2024 - 31.12.2024'), ...rows].join('\r\n')}\r\n`);
    const prev = addMonths(month, -1);
    const employerRow = `${prev.slice(0, 4)};${Number(prev.slice(5))};REK-O;1001;${slNumber(1600 + Math.round(rand() * 150000) / 100)};168`;
    writeFileSync(join(dir, `osnova_${number}_delodajalec.csv`), `${[...header('delodajalca', `01.${prev.slice(5)}.${prev.slice(0, 4)} - 28.${prev.slice(5)}.${prev.slice(0, 4)}`), employerRow].join('\r\n')}\r\n`);
    made += 2;
  }
  return { disclosures: made, certificates: workers };
}

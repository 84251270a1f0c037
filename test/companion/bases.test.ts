import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { CLAIM_COLUMNS } from '../../src/lib/exports.ts';
import { ROOT, runCli } from './run.ts';
import { main } from '../../src/companion/cli.ts';

/**
 * `spot-companion bases` on the example folder, through the real binary: two employers,
 * four workers, each paired a different way (examples/README.md).
 */
const EXAMPLES = join(ROOT, 'examples');

type Row = Record<string, string>;

function parseCsv(text: string, delimiter: string): Row[] {
  const parsed = Papa.parse<Row>(text.replace(/^\ufeff/, ''), { header: true, delimiter, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

const byWorker = (rows: Row[]): Record<string, Row> => Object.fromEntries(rows.map((r) => [r['Delavec']!, r]));

describe('spot-companion bases', () => {
  it('prints one line per worker and absence with the hourly bases, months, hours and warnings', async () => {
    const r = await runCli(['bases', 'examples/', '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout, ',');
    expect(rows).toHaveLength(4);
    const w = byWorker(rows);

    // Illness crossing to ZZZS: employer base = March 2025, ZZZS base = calendar year 2024.
    expect(w['Novak Ana']).toMatchObject({
      'Davčna številka delodajalca': '51234564', 'EMŠO': '2509915505012', 'Davčna številka delavca': '44567898',
      'Povezava z razkritji FURS': 'po številki potrdila v imenu datoteke',
      'Potrdila': '2025040101, 2025050201', 'Odsotnost od': '2025-04-01', 'Odsotnost do': '2025-05-23',
      'Delovni dnevi v breme delodajalca': '30', 'V breme ZZZS od': '2025-05-13',
      'Osnova ZZZS na uro (EUR)': '13.90', 'Osnova ZZZS: leto': '2024', 'Osnova ZZZS: meseci': '2024-01 – 2024-12',
      'Osnova ZZZS: mesecev izplačila': '12', 'Osnova ZZZS: znesek (EUR)': '29130.18', 'Osnova ZZZS: ure': '2096',
      'Osnova delodajalca na uro (EUR)': '14.58', 'Osnova delodajalca: meseci': '2025-03',
      'Osnova delodajalca: znesek (EUR)': '2450.00', 'Osnova delodajalca: ure': '168',
      'Nadomestilo v breme delodajalca (EUR)': '2799.36', 'Nadomestilo v breme ZZZS (EUR)': '800.64',
      'Opozorila': '',
    });
    expect(w['Novak Ana']!['Datoteke razkritij']).toContain('podatki-osnova_2025040101_ZZZS.xml');

    // Care of a family member: ZZZS from the first day, no employer base needed.
    expect(w['Kranjc Bojan']).toMatchObject({
      'Povezava z razkritji FURS': 'po seznamu delavcev', 'Razlog': '06 – nega družinskega člana',
      'V breme ZZZS od': '2025-10-06', 'Osnova ZZZS na uro (EUR)': '11.09', 'Osnova ZZZS: ure': '2096',
      'Osnova delodajalca na uro (EUR)': '', 'Nadomestilo v breme ZZZS (EUR)': '354.88', 'Opozorila': '',
    });

    // Blood donation (ePODK, Windows-1250 disclosure): ZZZS at 100 % for the day.
    expect(w['Zupan Cvetka']).toMatchObject({
      'Potrdila': '100000012345', 'Razlog': '12 – darovanje krvi', 'Osnova ZZZS na uro (EUR)': '12.17',
      'Osnova ZZZS: znesek (EUR)': '25508.16', 'Nadomestilo v breme ZZZS (EUR)': '97.36',
    });

    // Blank cells and NI PODATKOV; paired only because nobody else is left: said so.
    const darko = w['Mlakar Darko']!;
    expect(darko).toMatchObject({
      'Povezava z razkritji FURS': 'edini preostali delavec delodajalca – preverite',
      'Osnova delodajalca na uro (EUR)': '12.76', 'Osnova delodajalca: meseci': '2025-02',
      'Osnova delodajalca: znesek (EUR)': '1939.20', 'Osnova delodajalca: ure': '152', 'Osnova ZZZS na uro (EUR)': '',
    });
    expect(darko['Opozorila']!.split(', ').sort()).toEqual(['AMOUNT_WITHOUT_HOURS', 'BLANK_CELLS', 'NO_DATA_IN_DISCLOSURE', 'PAIRED_AS_ONLY_WORKER']);
    expect(darko['Opozorila (besedilo)']).toContain('»NI PODATKOV«');
    expect(darko['Opozorila (besedilo)']).toContain('Preverite, da gre za isto osebo');

    // The summary names what was passed over, and nothing failed.
    expect(r.stderr).toContain('Prebrano: razkritij FURS 5, datotek eBOL/ePODK 5, seznamov delavcev 1; delavcev 4, vrstic 4.');
    expect(r.stderr).toMatch(/primer-delna-zadrzanost\.case\.json — datoteka JSON/);
    expect(r.stderr).not.toContain('Neuspešno');
    expect(r.stderr).not.toContain('\r'); // piped: no progress bar
  });

  it('draws a progress bar on stderr when it is a terminal, and clears it', async () => {
    let out = '';
    let err = '';
    const code = await main(['bases', EXAMPLES, '--format', 'csv'], { out: (s) => { out += s; }, err: (s) => { err += s; }, errIsTTY: true });
    expect(code).toBe(0);
    expect(err).toMatch(/\rBerem \[#{30}\] 11\/11/);
    expect(err).toContain('\r\u001b[2K');
    expect(out).not.toContain('Berem');
  });

  it('writes the Excel (SI) table to --out and nothing to stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spot-bases-'));
    const out = join(dir, 'osnove.csv');
    const r = await runCli(['bases', EXAMPLES, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`→ ${out}`);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const ana = byWorker(parseCsv(text, ';'))['Novak Ana']!;
    expect(ana['Osnova ZZZS na uro (EUR)']).toBe('13,90');
    expect(ana['Odsotnost od']).toBe('01.04.2025');
  });

  it('reports a broken file and skips duplicates while the rest are processed; formulas stay text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spot-bases-'));
    cpSync(EXAMPLES, dir, { recursive: true });
    const broken = join(dir, 'bilanca', 'furs', 'pokvarjen.csv');
    writeFileSync(broken, 'Enolična številka poizvedbe;P-2025-000999999\nObdobje osnove;01.01.2024 - 31.12.2024\n\nDatum;Opis;Vrednost;Količina\n1.1.2024;plača;100;1\n');
    cpSync(join(dir, 'bilanca', 'ebol', 'eBOL_2025031001.xml'), join(dir, 'bilanca', 'kopija.xml'));
    // A worker whose name would run as a spreadsheet formula.
    const ebol = readFileSync(join(dir, 'mizarstvo-hrast', 'ebol', 'eBOL_2025100601.xml'), 'utf8')
      .replace('2025100601', '2025111101').replace('<ep:Priimek>Kranjc</ep:Priimek>', '<ep:Priimek>=HYPERLINK("x")</ep:Priimek>')
      .replace('0207870500231', '0512968500148').replace('031456789', '061789012');
    writeFileSync(join(dir, 'mizarstvo-hrast', 'ebol', 'eBOL_2025111101.xml'), ebol);

    const r = await runCli(['bases', dir, '--format', 'csv']);
    expect(r.code).toBe(1);
    const rows = parseCsv(r.stdout, ',');
    expect(rows.map((x) => x['Delavec']).sort()).toEqual(["'=HYPERLINK(\"x\") Bojan", 'Kranjc Bojan', 'Mlakar Darko', 'Novak Ana', 'Zupan Cvetka']);
    const formula = rows.find((x) => x['Delavec']!.includes('HYPERLINK'))!;
    expect(formula['Povezava z razkritji FURS']).toBe('ni razkritja');
    expect(formula['Opozorila']).toContain('NO_DISCLOSURE');
    expect(byWorker(rows)['Novak Ana']!['Osnova ZZZS na uro (EUR)']).toBe('13.90');

    expect(r.stderr).toMatch(/Neuspešno \(1\):\n {2}.*pokvarjen\.csv — Tabela nima stolpcev/);
    expect(r.stderr).toMatch(/kopija\.xml — enaka vsebina kot ».*eBOL_2025031001\.xml«/);
  });

  it('--format json gives the same rows as data', async () => {
    const r = await runCli(['bases', 'examples/mizarstvo-hrast', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const ana = out.rows.find((x: { worker: { name: string } }) => x.worker.name === 'Novak Ana');
    expect(ana.zzzsBase).toMatchObject({ hourly: 13.9, year: 2024, hours: 2096, paidMonths: 12 });
    expect(ana.employerBase).toMatchObject({ hourly: 14.58, months: ['2025-03'], hours: 168 });
    expect(ana.pairing).toBe('certificateNumber');
    expect(out.unpaired).toEqual([]);
    expect(out.files.failed).toEqual([]);
  });

  it('refuses unknown options and missing inputs with the usage line', async () => {
    const r = await runCli(['bases', '--format', 'xlsx', 'examples']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--format: pričakovano excel-si | csv | json, najdeno »xlsx«');
    const missing = await runCli(['bases', 'ni-te-mape']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/ni-te-mape — ni mogoče odpreti \(ENOENT\)/);
  });
});

describe('spot-companion export', () => {
  it('writes refund claim lines from files with the extension\'s columns', async () => {
    const r = await runCli(['export', 'examples/', '--what', 'claims', '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout, ',');
    expect(Object.keys(rows[0]!)).toEqual(CLAIM_COLUMNS.map((c) => c.header));
    // One line per ZZZS-paid segment: Ana's last days, Bojan's care, Cvetka's donation; Darko has none.
    expect(rows.map((x) => x['Delavec'])).toEqual(['Kranjc Bojan', 'Novak Ana', 'Zupan Cvetka']);
    expect(byWorker(rows)['Novak Ana']).toMatchObject({
      'Številka e-potrdila': '2025050201', 'Obdobje od': '2025-05-13', 'Obdobje do': '2025-05-23', 'Število ur': '72',
      'Leto osnove': '2024', 'Število mesecev izplačila': '12', 'Skupni znesek bruto osnove (EUR)': '29130.18',
      'Skupno število ur osnove': '2096', 'Osnova na uro (EUR)': '13.90', 'Odstotek nadomestila': '80',
      'Znesek nadomestila (EUR)': '800.64', 'Popolna vrstica': 'da',
    });
  });

  it('needs --what', async () => {
    const r = await runCli(['export', 'examples/']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Manjka --what');
  });
});

import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli } from './run.ts';

const furs = join(ROOT, 'test/fixtures/furs');
const ebol = join(ROOT, 'test/fixtures/ebol');

describe('spot-companion parse', () => {
  it('prints a disclosure CSV in the FORMATS.md shape', async () => {
    const csv = readdirSync(furs).find((f) => f.endsWith('.csv'))!;
    const r = await runCli(['parse', join(furs, csv)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.type).toBe('disclosure');
    expect(Object.keys(out)).toEqual(['type', 'queryNumber', 'employerTaxNumber', 'workerTaxNumber', 'preparedOn', 'validUntil', 'sections', 'warnings']);
    for (const s of out.sections) {
      expect(Object.keys(s)).toEqual(['basePeriod', 'payer', 'noData', 'rows', 'totals']);
      for (const row of s.rows) {
        expect(row.month).toMatch(/^\d{4}-\d{2}$/);
        expect(['REK', 'OPSV']).toContain(row.source);
      }
    }
  });

  it('prints the certificates of an eBOL XML', async () => {
    const r = await runCli(['parse', join(ebol, 'ebol-signed.xml')]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.type).toBe('certificates');
    expect(Object.keys(out.certificates[0])).toEqual(expect.arrayContaining(['number', 'kind', 'worker', 'reason', 'from', 'to', 'hoursPerDay', 'status', 'issuedOn']));
  });

  it('refuses an XXE file with a clear error and nothing on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spot-parse-'));
    const xxe = join(dir, 'xxe.xml');
    writeFileSync(xxe, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><PodatkiZaIzracunOsnove><Glava><StevilkaPoizvedbe>&e;</StevilkaPoizvedbe></Glava></PodatkiZaIzracunOsnove>');
    const r = await runCli(['parse', xxe]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/DTD|DOCTYPE|entitet/i);
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { opsvzCommand } from '../../src/companion/commands/opsvz.ts';
import { UsageError } from '../../src/companion/errors.ts';
import { ReadError } from '../../src/lib/errors.ts';

const dir = fileURLToPath(new URL('../fixtures/ebol/opsvz/', import.meta.url));
const f = (name: string): string => join(dir, name);

interface OpsvzOutput {
  type: string;
  month: string;
  fields: {
    field090: { certificate: string; reason: string; from: string; to: string }[];
    field110: number;
    field130: number;
    field140: number;
  };
  trace: { step: string; sl: string }[];
  warnings: string[];
  files: { file: string; certificates: { number: string; status: string; hoursPerDay: number | null }[] }[];
}

const run = async (args: string[]): Promise<OpsvzOutput> => (await opsvzCommand(args)) as OpsvzOutput;

async function rejection(args: string[]): Promise<Error> {
  try { await opsvzCommand(args); } catch (e) { return e as Error; }
  throw new Error('no error thrown');
}

describe('spot-companion opsvz', () => {
  it('March 2025: own burden ends on the 30th working day (21 March), ZZZS from Monday 24 March', async () => {
    const r = await run(['--month', '2025-03', f('bolezen-2025-02.xml'), f('bolezen-2025-03.xml')]);
    expect(r.type).toBe('opsvz');
    expect(r.month).toBe('2025-03');
    expect(r.fields).toEqual({
      field090: [{ certificate: '2025000412', reason: '01', from: '2025-03-01', to: '2025-03-31' }],
      field110: 168, // 21 working days × 8
      field130: 120, // 3–21 March: working days 16–30 of the absence
      field140: 48, // 24–31 March: 6 working days
    });
    expect(r.trace.some((t) => t.sl.includes('ZZZS plača od 2025-03-24'))).toBe(true);
    expect(r.trace.at(-1)!.sl).toContain('130 = 120 h');
    expect(r.files.map((x) => x.certificates.map((c) => c.number))).toEqual([['2025000311'], ['2025000412']]);
  });

  it('February 2025 of the same absence is all own burden (working days 1–15)', async () => {
    const r = await run(['--month=2025-02', f('bolezen-2025-02.xml'), f('bolezen-2025-03.xml')]);
    expect(r.fields).toMatchObject({ field110: 160, field130: 120, field140: 0 });
    expect(r.fields.field090).toEqual([{ certificate: '2025000311', reason: '01', from: '2025-02-10', to: '2025-02-28' }]);
  });

  it('without the February certificate the count starts on 1 March (why all certificates must be given)', async () => {
    const r = await run(['--month', '2025-03', f('bolezen-2025-03.xml')]);
    expect(r.fields).toMatchObject({ field130: 168, field140: 0 });
  });

  it('a part-time (20 h/week) person counts 4 hours a day', async () => {
    const r = await run(['--month', '2025-03', '--weekly-hours', '20', f('bolezen-2025-02.xml'), f('bolezen-2025-03.xml')]);
    expect(r.fields).toMatchObject({ field110: 168, field130: 60, field140: 24 });
  });

  it('June 2025: a certificate across the month end is clipped, a partial absence counts 4 h/day, a cancelled one is ignored', async () => {
    const r = await run(['--month', '2025-06', f('poskodba-2025-05-06.xml'), f('delna-2025-06.xml'), f('preklicano-2025-06.xml')]);
    expect(r.fields.field090).toEqual([
      { certificate: '2025000733', reason: '02', from: '2025-06-01', to: '2025-06-06' },
      { certificate: '2025000871', reason: '01', from: '2025-06-16', to: '2025-06-20' },
    ]);
    expect(r.fields).toMatchObject({ field110: 168, field130: 40 + 5 * 4, field140: 0 });
    // Two group-A absences 5 working days apart: the user is asked whether it is the same illness.
    expect(r.warnings).toContain('POSSIBLE_RECURRENCE');
    expect(r.files[1]!.certificates[0]).toMatchObject({ number: '2025000871', hoursPerDay: 4 });
    expect(r.files[2]!.certificates[0]).toMatchObject({ number: '2025000902', status: 'cancelled' });
  });

  it('May 2025 gets the first part of the certificate that crosses into June', async () => {
    const r = await run(['--month', '2025-05', f('poskodba-2025-05-06.xml')]);
    expect(r.fields.field090).toEqual([{ certificate: '2025000733', reason: '02', from: '2025-05-26', to: '2025-05-31' }]);
    expect(r.fields).toMatchObject({ field110: 176, field130: 40, field140: 0 });
  });

  it('a month without absence gives zero hours and says so', async () => {
    const r = await run(['--month', '2025-08', f('delna-2025-06.xml')]);
    expect(r.fields).toEqual({ field090: [], field110: 168, field130: 0, field140: 0 });
    expect(r.warnings).toContain('NO_ABSENCE_IN_MONTH');
  });

  it('the same certificate given twice counts once', async () => {
    const r = await run(['--month', '2025-03', f('bolezen-2025-02.xml'), f('bolezen-2025-03.xml'), f('bolezen-2025-03.xml')]);
    expect(r.fields).toMatchObject({ field130: 120, field140: 48 });
    expect(r.warnings).toContain('DUPLICATE_CERTIFICATE');
  });

  it('refuses bad arguments with a Slovenian usage line', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[f('bolezen-2025-03.xml')], /Manjka --month/],
      [['--month', '03/2025', f('bolezen-2025-03.xml')], /LLLL-MM.*»03\/2025«/],
      [['--month', '2025-13', f('bolezen-2025-03.xml')], /LLLL-MM/],
      [['--month', '2025-03'], /vsaj eno datoteko/],
      [['--month'], /--month potrebuje vrednost/],
      [['--month', '2025-03', '--weekly-hours', 'veliko', f('bolezen-2025-03.xml')], /--weekly-hours: pričakovano število/],
      [['--month', '2025-03', '--own-days-used', '2.5', f('bolezen-2025-03.xml')], /celo število/],
      [['--month', '2025-03', '--frobnicate', f('bolezen-2025-03.xml')], /Neznana možnost »--frobnicate«/],
    ];
    for (const [args, message] of cases) {
      const e = await rejection(args);
      expect(e).toBeInstanceOf(UsageError);
      expect(e.message).toMatch(message);
    }
    expect((await rejection(['--month', '2025-03'])).message).toMatch(/Uporaba: spot-companion opsvz --month LLLL-MM/);
  });

  it('says which file could not be opened or read', async () => {
    const missing = await rejection(['--month', '2025-03', f('ni-ga.xml')]);
    expect(missing).toBeInstanceOf(UsageError);
    expect(missing.message).toMatch(/ni-ga\.xml.*ni mogoče odpreti/);

    const invoice = fileURLToPath(new URL('../fixtures/eslog/furs-2025-05.xml', import.meta.url));
    const notEbol = await rejection(['--month', '2025-03', f('bolezen-2025-03.xml'), invoice]);
    expect(notEbol).toBeInstanceOf(ReadError);
    expect((notEbol as ReadError).code).toBe('NOT_RECOGNISED');
    expect((notEbol as ReadError).fileName).toBe(invoice);
    expect(notEbol.message).toMatch(/furs-2025-05\.xml«: XML ni prepoznan kot e-potrdilo/);
  });

  it('refuses certificates of two different people (OPSVZ is one person’s return)', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'spot-opsvz-'));
    const other = join(tmp, 'drug.xml');
    writeFileSync(other, readFileSync(f('bolezen-2025-03.xml'), 'utf8')
      .replace('<ep:Stevilka>2025000412</ep:Stevilka>', '<ep:Stevilka>2025000999</ep:Stevilka>')
      .replace('1503983505142', '0101985500011')
      .replace('023456789', '012345678')
      .replace('<ep:Priimek>Kovač</ep:Priimek>', '<ep:Priimek>Novak</ep:Priimek>'));
    const e = await rejection(['--month', '2025-03', f('bolezen-2025-03.xml'), other]);
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toMatch(/2 različne osebe \(Kovač Mojca, Novak Mojca\)/);
  });
});

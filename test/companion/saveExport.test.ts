import { describe, expect, it } from 'vitest';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveExport } from '../../src/companion/native/save.ts';
import { exportFileNameProblem, FILE_NAME_PROBLEMS } from '../../src/shared/protocol/native.ts';

/** The native host's `saveExport`: into the configured folder and nowhere else, never overwriting. */
function folders() {
  const root = mkdtempSync(join(tmpdir(), 'spot-save-'));
  const exportDir = join(root, 'izvozi');
  const outside = join(root, 'drugje');
  mkdirSync(exportDir);
  mkdirSync(outside);
  return { root, exportDir, outside };
}

const listing = (dir: string): string[] => readdirSync(dir).sort();

describe('saveExport', () => {
  it('saves into the export folder and never overwrites: (2), (3) …', async () => {
    const { exportDir } = folders();
    const first = await saveExport(exportDir, 'osnove.csv', 'a;b\r\n');
    const second = await saveExport(exportDir, 'osnove.csv', 'c;d\r\n');
    const third = await saveExport(exportDir, 'osnove.csv', 'e;f\r\n');
    expect([first.fileName, second.fileName, third.fileName]).toEqual(['osnove.csv', 'osnove (2).csv', 'osnove (3).csv']);
    expect(readFileSync(join(exportDir, 'osnove.csv'), 'utf8')).toBe('a;b\r\n');
    expect(readFileSync(second.path, 'utf8')).toBe('c;d\r\n');
    // Nothing else is left behind (no temporary files), and the files are the user's only.
    expect(listing(exportDir)).toEqual(['osnove (2).csv', 'osnove (3).csv', 'osnove.csv']);
    expect(lstatSync(first.path).mode & 0o077).toBe(0);
  });

  it.each([
    ['../x.csv', 'poti'],
    ['..\\x.csv', 'poti'],
    ['/etc/x.csv', 'poti'],
    ['podmapa/x.csv', 'poti'],
    ['..', 'nadrejeno'],
    ['x\0.csv', 'NUL'],
    ['C:x.csv', 'dvopičja'],
    ['osnove.csv:tok', 'dvopičja'],
    ['CON.csv', 'rezervirano'],
    ['lpt1.txt', 'rezervirano'],
    ['.bashrc', 'piko'],
    ['.skrita.csv', 'piko'],
    ['osnove.csv.', 'končati'],
    ['program.sh', 'končnice'],
    ['', 'prazno'],
    [`${'a'.repeat(250)}.csv`, 'predolgo'],
  ])('refuses %j and writes nothing', async (name, why) => {
    const { root, exportDir, outside } = folders();
    await expect(saveExport(exportDir, name, 'x')).rejects.toMatchObject({ code: 'UNSAFE_NAME', message: expect.stringContaining(why) });
    expect(listing(exportDir)).toEqual([]);
    expect(listing(outside)).toEqual([]);
    expect(listing(root)).toEqual(['drugje', 'izvozi']);
    expect(FILE_NAME_PROBLEMS[exportFileNameProblem(name)!]).toContain(why);
  });

  it('does not write through a symbolic link that points out of the folder', async () => {
    const { exportDir, outside } = folders();
    const target = join(outside, 'tajno.csv');
    writeFileSync(target, 'izvirnik');
    symlinkSync(target, join(exportDir, 'osnove.csv'));
    symlinkSync(join(outside, 'ni-je.csv'), join(exportDir, 'visi.csv')); // dangling
    const saved = await saveExport(exportDir, 'osnove.csv', 'novo');
    const dangling = await saveExport(exportDir, 'visi.csv', 'novo');
    expect(saved.fileName).toBe('osnove (2).csv');
    expect(dangling.fileName).toBe('visi (2).csv');
    expect(readFileSync(target, 'utf8')).toBe('izvirnik');
    expect(existsSync(join(outside, 'ni-je.csv'))).toBe(false);
    expect(listing(outside)).toEqual(['tajno.csv']);
  });

  it('accepts Slovenian letters and spaces in a plain name', async () => {
    const { exportDir } = folders();
    const saved = await saveExport(exportDir, 'Zahtevki za refundacijo – marec 2025 (Hrast).csv', 'x');
    expect(saved.path).toBe(join(exportDir, 'Zahtevki za refundacijo – marec 2025 (Hrast).csv'));
  });

  it('says clearly when no folder is configured or it is gone', async () => {
    await expect(saveExport(undefined, 'osnove.csv', 'x')).rejects.toMatchObject({ code: 'NO_EXPORT_DIR', message: expect.stringContaining('spot-companion config --export-dir') });
    const { root } = folders();
    await expect(saveExport(join(root, 'ni-je'), 'osnove.csv', 'x')).rejects.toMatchObject({ code: 'NO_EXPORT_DIR', message: expect.stringContaining('ne obstaja') });
  });
});

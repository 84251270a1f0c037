import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenCases, requiredSegmentFields } from '../shared-cases.ts';
import { runCli } from './run.ts';

describe('spot-companion compute', () => {
  for (const c of goldenCases()) {
    it(`reproduces ${c.name}`, async () => {
      const { code, stdout, stderr } = await runCli(['compute', c.casePath]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const result = JSON.parse(stdout);
      const keys = Object.keys(c.expected.segments[0] ?? {});
      expect(result.segments.map((s: Record<string, unknown>) => requiredSegmentFields(s, keys))).toEqual(c.expected.segments);
      expect(result.totals).toEqual(c.expected.totals);
      for (const w of c.expected.warnings) expect(result.warnings).toContain(w);
    });
  }

  it('refuses bad input with a clear message on stderr, nothing on stdout, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spot-cli-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"certificates": [{"number": "1", "reason": "01", "from": "2025-13-01", "to": "2025-03-01"}]}');
    const r = await runCli(['compute', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/certificates\[0\]\.from/);

    const notJson = join(dir, 'x.json');
    writeFileSync(notJson, 'not json');
    const r2 = await runCli(['compute', notJson]);
    expect(r2).toMatchObject({ code: 1, stdout: '' });
    expect(r2.stderr).toMatch(/ni veljaven JSON/);

    const r3 = await runCli(['compute', join(dir, 'missing.json')]);
    expect(r3).toMatchObject({ code: 1, stdout: '' });
    expect(r3.stderr).toMatch(/ni mogoče odpreti/);

    const r4 = await runCli(['frobnicate']);
    expect(r4.code).toBe(1);
    expect(r4.stderr).toMatch(/Neznan ukaz/);
  });
});

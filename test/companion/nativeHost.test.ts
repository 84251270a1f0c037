import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { FrameReader } from '../../src/companion/native/framing.ts';
import { ROOT, startCli } from './run.ts';

/**
 * `spot-companion native-host` spoken to as a browser does: 32-bit native-endian length +
 * UTF-8 JSON each way. The host is the real binary; frames are built and read here by hand.
 */
const frame = (json: string): Buffer => {
  const body = Buffer.from(json, 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32LE(body.length, 0); // this machine is little-endian (x86/ARM Linux)
  return Buffer.concat([head, body]);
};

interface Host {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the next `n` answers. */
  answers(n: number): Promise<Record<string, unknown>[]>;
  stdout(): Buffer;
  stderr(): string;
}

const running: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const c of running.splice(0)) c.kill();
});

function setup(config: Record<string, string> = {}): { dir: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'spot-host-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  return { dir, env: { SPOT_COMPANION_CONFIG: join(dir, 'config.json') } };
}

function startHost(env: Record<string, string>): Host {
  const child = startCli(['native-host', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/'], { env });
  running.push(child);
  const out: Buffer[] = [];
  let err = '';
  const parsed: Record<string, unknown>[] = [];
  let waiting: { n: number; resolve: (v: Record<string, unknown>[]) => void } | null = null;
  let pending = Buffer.alloc(0);
  const check = (): void => {
    if (waiting && parsed.length >= waiting.n) { const w = waiting; waiting = null; w.resolve(parsed.splice(0, w.n)); }
  };
  child.stdout.on('data', (chunk: Buffer) => {
    out.push(chunk);
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 4 && pending.length >= 4 + pending.readUInt32LE(0)) {
      const length = pending.readUInt32LE(0);
      expect(length).toBeLessThanOrEqual(1024 * 1024);
      parsed.push(JSON.parse(pending.toString('utf8', 4, 4 + length)));
      pending = pending.subarray(4 + length);
    }
    check();
  });
  child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
  return {
    child,
    answers: (n) => new Promise((resolve) => { waiting = { n, resolve }; check(); }),
    stdout: () => Buffer.concat(out),
    stderr: () => err,
  };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('FrameReader', () => {
  it('reassembles frames split anywhere and several in one chunk', () => {
    const bytes = Buffer.concat([frame('{"a":1}'), frame('"š"'), frame('[]')]);
    for (const size of [1, 3, 5, bytes.length]) {
      const reader = new FrameReader();
      const texts: string[] = [];
      for (let i = 0; i < bytes.length; i += size) {
        for (const f of reader.push(bytes.subarray(i, i + size))) if (f.kind === 'message') texts.push(f.text);
      }
      expect(texts).toEqual(['{"a":1}', '"š"', '[]']);
      expect(reader.pending).toBe(false);
    }
  });

  it('skips an oversized frame without keeping it and reads the next one', () => {
    const reader = new FrameReader(10);
    const head = Buffer.alloc(4);
    head.writeUInt32LE(25, 0);
    expect(reader.push(Buffer.concat([head, Buffer.alloc(5)]))).toEqual([{ kind: 'tooLarge', length: 25 }]);
    expect(reader.push(Buffer.alloc(15))).toEqual([]);
    expect(reader.push(Buffer.concat([Buffer.alloc(5), frame('{}')]))).toEqual([{ kind: 'message', text: '{}' }]);
  });
});

describe('spot-companion native-host', () => {
  it('answers frames split byte by byte and frames sent together, in order, with their ids; stdout holds frames only', async () => {
    const { env } = setup();
    const host = startHost(env);
    const one = frame(JSON.stringify({ id: 1, command: 'status' }));
    for (const byte of one) { host.child.stdin.write(Buffer.from([byte])); await tick(); }
    host.child.stdin.write(Buffer.concat([frame(JSON.stringify({ id: 'b', command: 'status' })), frame(JSON.stringify({ id: 3, command: 'status' }))]));
    const answers = await host.answers(3);
    expect(answers.map((a) => a.id)).toEqual([1, 'b', 3]);
    expect(answers[0]).toMatchObject({ ok: true, value: { version: expect.stringMatching(/^\d+\.\d+\.\d+/), exportDir: null } });

    host.child.stdin.end();
    await new Promise((r) => host.child.on('close', r));
    // Every byte on stdout belongs to a frame.
    const all = host.stdout();
    let at = 0;
    while (at < all.length) at += 4 + all.readUInt32LE(at);
    expect(at).toBe(all.length);
  });

  it('answers garbage, unknown commands and extra fields with an error and keeps serving', async () => {
    const { env } = setup();
    const host = startHost(env);
    host.child.stdin.write(Buffer.concat([
      frame('{"command": "status"'),
      frame('[1,2]'),
      frame(JSON.stringify({ command: 'deleteAll' })),
      frame(JSON.stringify({ command: 'saveExport', fileName: 'a.csv', text: 'x', path: '/etc' })),
      frame(JSON.stringify({ command: 'saveExport', fileName: 5, text: 'x' })),
      frame(JSON.stringify({ command: 'status' })),
    ]));
    const answers = await host.answers(6);
    expect(answers.map((a) => (a.ok ? 'ok' : (a.error as { code: string }).code))).toEqual(['BAD_JSON', 'BAD_REQUEST', 'BAD_REQUEST', 'BAD_REQUEST', 'BAD_REQUEST', 'ok']);
    expect((answers[2]!.error as { message: string }).message).toContain('Neznan ukaz "deleteAll"');
    expect((answers[3]!.error as { message: string }).message).toContain('Nepričakovano polje »path«');
  });

  it('refuses a message over 64 MB as soon as its length arrives, drops its bytes, and reads the next message', async () => {
    const { env } = setup();
    const host = startHost(env);
    const size = 64 * 1024 * 1024 + 1;
    const head = Buffer.alloc(4);
    head.writeUInt32LE(size, 0);
    host.child.stdin.write(head);
    const [refused] = await host.answers(1);
    expect(refused).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', message: expect.stringContaining('64 MB') } });
    const chunk = Buffer.alloc(1024 * 1024, 0x7b);
    for (let sent = 0; sent < size; sent += chunk.length) {
      const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
      if (!host.child.stdin.write(part)) await new Promise((r) => host.child.stdin.once('drain', r));
    }
    host.child.stdin.write(frame(JSON.stringify({ id: 'after', command: 'status' })));
    const [after] = await host.answers(1);
    expect(after).toMatchObject({ id: 'after', ok: true });
  });

  it('saves an export into the configured folder only', async () => {
    const { dir, env } = setup();
    const exportDir = join(dir, 'izvozi');
    mkdirSync(exportDir);
    writeFileSync(env.SPOT_COMPANION_CONFIG!, JSON.stringify({ exportDir }));
    const host = startHost(env);
    host.child.stdin.write(Buffer.concat([
      frame(JSON.stringify({ command: 'saveExport', fileName: 'osnove.csv', text: 'Delavec;Osnova\r\nNovak Ana;13,90\r\n' })),
      frame(JSON.stringify({ command: 'saveExport', fileName: '../osnove.csv', text: 'x' })),
      frame(JSON.stringify({ command: 'status' })),
    ]));
    const [saved, refused, status] = await host.answers(3);
    expect(saved).toMatchObject({ ok: true, value: { path: join(exportDir, 'osnove.csv'), fileName: 'osnove.csv' } });
    expect(readFileSync(join(exportDir, 'osnove.csv'), 'utf8')).toBe('Delavec;Osnova\r\nNovak Ana;13,90\r\n');
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNSAFE_NAME', message: expect.stringContaining('ne sme vsebovati poti') } });
    expect(existsSync(join(dir, 'osnove.csv'))).toBe(false);
    expect(status).toMatchObject({ ok: true, value: { exportDir } });
    expect(host.stderr()).toContain('izvoz shranjen');
  });

  it('hands over new FURS files from the download folder, in pages under 1 MB', async () => {
    const { dir, env } = setup();
    const downloads = join(dir, 'Prenosi');
    mkdirSync(downloads);
    writeFileSync(env.SPOT_COMPANION_CONFIG!, JSON.stringify({ downloadDir: downloads }));
    const old = new Date('2025-01-01T10:00:00Z');
    const at = (name: string, iso: string): void => utimesSync(join(downloads, name), new Date(iso), new Date(iso));
    copyFileSync(join(ROOT, 'examples/bilanca/furs/osnova_100000012345.csv'), join(downloads, 'staro.csv'));
    at('staro.csv', '2024-12-01T10:00:00Z');
    copyFileSync(join(ROOT, 'examples/bilanca/furs/osnova_100000012345.csv'), join(downloads, 'osnova.csv'));
    at('osnova.csv', '2025-06-13T08:00:00Z');
    copyFileSync(join(ROOT, 'examples/bilanca/ebol/ePODK_100000012345.xml'), join(downloads, 'ePODK.xml'));
    at('ePODK.xml', '2025-06-13T08:01:00Z');
    writeFileSync(join(downloads, 'izpisek-banke.csv'), 'Datum;Opis;Znesek\n1.1.2025;nakazilo;10,00\n');
    at('izpisek-banke.csv', '2025-06-13T08:02:00Z');
    writeFileSync(join(downloads, 'racun.pdf'), '%PDF-1.4');
    // Three big disclosures (≈ 400 kB each): two fit in one answer, the third comes on the next page.
    const header = readFileSync(join(ROOT, 'examples/bilanca/furs/osnova_100000012345.csv'), 'latin1').split('\r\n\r\n')[0];
    const big = (rows: number): string => `${header}\r\n\r\nLeto;Mesec;Vir;Vrsta dohodka;Znesek;Ure\r\n${'2024;1;REK-O;1001;1.234,56;168\r\n'.repeat(rows)}`;
    for (const [i, name] of ['velika-1.csv', 'velika-2.csv', 'velika-3.csv'].entries()) {
      writeFileSync(join(downloads, name), big(13_000), 'latin1');
      at(name, `2025-06-14T0${i}:00:00Z`);
    }
    writeFileSync(join(downloads, 'prevelika.csv'), big(40_000), 'latin1');
    at('prevelika.csv', '2025-06-15T00:00:00Z');

    const host = startHost(env);
    host.child.stdin.write(frame(JSON.stringify({ command: 'listNewFurs', since: old.toISOString() })));
    const [first] = await host.answers(1);
    const page1 = first!.value as { files: { name: string; type: string; text: string }[]; ignored: number; next?: string; tooLarge: unknown[]; checkedAt: string };
    expect(page1.files.map((f) => [f.name, f.type])).toEqual([['osnova.csv', 'disclosure'], ['ePODK.xml', 'certificates'], ['velika-1.csv', 'disclosure'], ['velika-2.csv', 'disclosure']]);
    expect(page1.files[0]!.text).toContain('Davčna številka vlagatelja;62345672'); // decoded from Windows-1250
    expect(page1.ignored).toBe(1);
    expect(page1.next).toEqual(expect.any(String));

    host.child.stdin.write(frame(JSON.stringify({ command: 'listNewFurs', since: old.toISOString(), cursor: page1.next })));
    const [second] = await host.answers(1);
    const page2 = second!.value as typeof page1;
    expect(page2.files.map((f) => f.name)).toEqual(['velika-3.csv']);
    expect(page2.tooLarge).toEqual([{ name: 'prevelika.csv', size: expect.any(Number), message: expect.stringContaining('prevelika za prenos') }]);
    expect(page2.next).toBeUndefined();

    // `since` leaves out what was seen before; a bad `since` is refused.
    host.child.stdin.write(Buffer.concat([
      frame(JSON.stringify({ command: 'listNewFurs', since: '2025-06-14T12:00:00Z' })),
      frame(JSON.stringify({ command: 'listNewFurs', since: 'včeraj' })),
    ]));
    const [later, bad] = await host.answers(2);
    expect((later!.value as typeof page1).files.map((f) => f.name)).toEqual([]);
    expect((later!.value as typeof page1).tooLarge).toHaveLength(1);
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(readdirSync(downloads)).toContain('racun.pdf');
  });
});

import type { Readable, Writable } from 'node:stream';
import { NATIVE_LIMITS, type NativeRequest, type NativeResponse, type NativeValues } from '../../shared/protocol/native.ts';
import { companionVersion, configFile, downloadDir, readConfig, type Env } from '../config.ts';
import { describeError } from '../errors.ts';
import { NativeError } from './errors.ts';
import { encodeFrame, FrameReader } from './framing.ts';
import { listNewFurs } from './furs.ts';
import { saveExport } from './save.ts';

/**
 * `spot-companion native-host`: the program a browser starts for `runtime.sendNativeMessage`
 * / `connectNative`. Nothing but protocol frames goes to stdout; logs go to stderr (the
 * browser's log). Requests are answered one at a time, in order, each with its `id`.
 *
 * Commands (validated: exact fields and types, anything else is BAD_REQUEST):
 *   status                           → { version, exportDir, downloadDir }
 *   saveExport { fileName, text }    → { path, fileName }  (save.ts: only into the export folder)
 *   listNewFurs { since?, cursor? }  → NativeNewFurs       (furs.ts)
 *
 * The configuration is read anew for every request, so `spot-companion config` takes
 * effect without restarting anything.
 */
export interface HostOptions {
  input: Readable;
  output: Writable;
  log: (line: string) => void;
  env: Env;
  now?: () => Date;
}

type Fields = Record<string, 'string' | 'string?'>;
const COMMANDS: Record<NativeRequest['command'], Fields> = {
  status: {},
  saveExport: { fileName: 'string', text: 'string' },
  listNewFurs: { since: 'string?', cursor: 'string?' },
};

function parseRequest(text: string): NativeRequest & { id?: string | number } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new NativeError('BAD_JSON', 'Sporočilo ni veljaven JSON.');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new NativeError('BAD_REQUEST', 'Sporočilo mora biti objekt JSON.');
  const r = json as Record<string, unknown>;
  const fields = typeof r.command === 'string' && Object.hasOwn(COMMANDS, r.command) ? COMMANDS[r.command as NativeRequest['command']] : null;
  if (!fields) throw new NativeError('BAD_REQUEST', `Neznan ukaz ${JSON.stringify(r.command ?? null)}; znani so ${Object.keys(COMMANDS).join(', ')}.`);
  for (const key of Object.keys(r)) {
    if (key !== 'command' && key !== 'id' && !Object.hasOwn(fields, key)) throw new NativeError('BAD_REQUEST', `Nepričakovano polje »${key}« pri ukazu ${r.command}.`);
  }
  if (r.id !== undefined && typeof r.id !== 'string' && typeof r.id !== 'number') throw new NativeError('BAD_REQUEST', '»id« mora biti besedilo ali število.');
  for (const [key, type] of Object.entries(fields)) {
    if (r[key] === undefined && type === 'string?') continue;
    if (typeof r[key] !== 'string') throw new NativeError('BAD_REQUEST', `Polje »${key}« mora biti besedilo.`);
  }
  return r as unknown as NativeRequest;
}

async function handle(request: NativeRequest, options: HostOptions): Promise<NativeValues[NativeRequest['command']]> {
  const config = await readConfig(configFile(options.env));
  switch (request.command) {
    case 'status':
      return { version: companionVersion(), exportDir: config.exportDir ?? null, downloadDir: downloadDir(config, options.env) };
    case 'saveExport': {
      const saved = await saveExport(config.exportDir, request.fileName, request.text);
      options.log(`izvoz shranjen: ${saved.path} (${Buffer.byteLength(request.text)} B)`);
      return saved;
    }
    case 'listNewFurs':
      return listNewFurs(downloadDir(config, options.env), {
        ...(request.since !== undefined ? { since: request.since } : {}),
        ...(request.cursor !== undefined ? { cursor: request.cursor } : {}),
        ...(options.now ? { now: options.now() } : {}),
      });
  }
}

/** The answer as a frame; an answer over the 1 MB limit becomes an error answer. */
function frameOf(response: NativeResponse): Buffer {
  const json = JSON.stringify(response);
  if (Buffer.byteLength(json, 'utf8') <= NATIVE_LIMITS.toExtensionBytes) return encodeFrame(json);
  const error: NativeResponse = {
    ...(response.id !== undefined ? { id: response.id } : {}),
    ok: false, error: { code: 'RESPONSE_TOO_LARGE', message: 'Odgovor bi presegel 1 MB, kolikor ga brskalnik sprejme.' },
  };
  return encodeFrame(JSON.stringify(error));
}

function write(output: Writable, frame: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    output.write(frame, (e) => (e ? reject(e) : resolve()));
  });
}

/** Serves requests until the input ends; resolves when every answer is written. */
export function runNativeHost(options: HostOptions): Promise<void> {
  const reader = new FrameReader();
  let queue = Promise.resolve();
  const answer = (response: NativeResponse): void => {
    queue = queue.then(() => write(options.output, frameOf(response)));
  };
  const serve = (text: string): void => {
    queue = queue.then(async () => {
      let id: string | number | undefined;
      let response: NativeResponse;
      try {
        const request = parseRequest(text);
        id = request.id;
        response = { ...(id !== undefined ? { id } : {}), ok: true, value: await handle(request, options) };
      } catch (e) {
        if (!(e instanceof NativeError)) options.log(`napaka: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        const error = e instanceof NativeError ? { code: e.code, message: e.message } : { code: 'FAILED' as const, message: describeError(e) };
        response = { ...(id !== undefined ? { id } : {}), ok: false, error };
      }
      await write(options.output, frameOf(response));
    });
  };
  return new Promise((resolve, reject) => {
    options.input.on('data', (chunk: Buffer) => {
      for (const frame of reader.push(chunk)) {
        if (frame.kind === 'message') serve(frame.text);
        else {
          options.log(`zavrnjeno sporočilo: ${frame.length} B > ${NATIVE_LIMITS.toHostBytes} B`);
          answer({ ok: false, error: { code: 'TOO_LARGE', message: `Sporočilo ima ${frame.length} bajtov; pomočnik sprejme največ ${NATIVE_LIMITS.toHostBytes} bajtov (64 MB).` } });
        }
      }
    });
    options.input.on('end', () => {
      if (reader.pending) options.log('vhod se je končal sredi sporočila');
      queue.then(resolve, reject);
    });
    options.input.on('error', reject);
  });
}

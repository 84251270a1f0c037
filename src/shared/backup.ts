/**
 * Encrypted backup files (issue 9): the user's passphrase → PBKDF2-SHA-256 (600 000 rounds, a
 * random 16-byte salt) → AES-256-GCM (a random 12-byte IV) over the gzip-compressed JSON of
 * every table. GCM's tag authenticates the content AND the clear header (format, version,
 * date, KDF parameters: the additional data), so a wrong passphrase, a damaged file or an
 * edited header is refused before anything is read, let alone restored. Nothing but the
 * header is readable without the passphrase — not even how many records the file holds.
 *
 * WebCrypto and Compression Streams only: the same code runs in the extension's background
 * (Chrome and Firefox) and in Node (tests).
 */
import { MAX_INPUT_BYTES } from '../lib/limits.ts';

export const BACKUP_FORMAT = 'spot-pomocnik-backup';
/** 2: gzip inside, the header authenticated. (1 was never released.) */
export const BACKUP_VERSION = 2;
/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
export const DEFAULT_ITERATIONS = 600_000;
export const MIN_PASSPHRASE = 10;
/** A backup file is a file the user gives us: the same 20 MB limit as every other input. */
export const MAX_BACKUP_BYTES = MAX_INPUT_BYTES;
/** What the compressed data may grow to when it is unpacked (authenticated data only). */
const MAX_PLAIN_BYTES = 512 * 1024 * 1024;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  compression: 'gzip';
}

export interface BackupEnvelope extends BackupHeader {
  data: string;
}

export type BackupErrorCode =
  | 'WEAK_PASSPHRASE'
  | 'TOO_LARGE'
  | 'NOT_A_BACKUP'
  | 'UNSUPPORTED_VERSION'
  | 'WRONG_PASSPHRASE_OR_DAMAGED'
  | 'INCOMPLETE'
  | 'NEWER_SCHEMA';

/** A backup that cannot be made or read. `message` is Slovenian; the popup shows `backup_error_<code>` in its language. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(readonly code: BackupErrorCode, message: string) {
    super(message);
  }
}

const b64 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};
const unb64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'],
  );
}

/** The header as authenticated data: always the same fields in the same order. */
function headerBytes(h: BackupHeader): Uint8Array {
  return new TextEncoder().encode(JSON.stringify([
    h.format, h.version, h.createdAt, h.kdf.name, h.kdf.hash, h.kdf.iterations, h.kdf.salt, h.cipher.name, h.cipher.iv, h.compression,
  ]));
}

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new BackupError('TOO_LARGE', 'Varnostna kopija je prevelika.');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** How strong a passphrase looks, 0–4 (a hint for the user, not a rule beyond MIN_PASSPHRASE). */
export function passphraseStrength(passphrase: string): 0 | 1 | 2 | 3 | 4 {
  const p = passphrase.normalize('NFC');
  if (p.length < MIN_PASSPHRASE) return 0;
  const classes = [/[a-zčšžđć]/, /[A-ZČŠŽĐĆ]/, /\d/, /[^\p{L}\d]/u].filter((r) => r.test(p)).length;
  const distinct = new Set(p).size;
  if (distinct < 5) return 1;
  let score = 1;
  if (p.length >= 14) score++;
  if (p.length >= 20 || (p.length >= 14 && classes >= 3)) score++;
  if (classes >= 3 && p.length >= 12) score++;
  return Math.min(4, score) as 1 | 2 | 3 | 4;
}

export async function encryptBackup(payload: unknown, passphrase: string, options: { iterations?: number; now?: Date } = {}): Promise<string> {
  if (passphrase.normalize('NFC').length < MIN_PASSPHRASE) {
    throw new BackupError('WEAK_PASSPHRASE', `Geslo mora imeti vsaj ${MIN_PASSPHRASE} znakov.`);
  }
  const header: BackupHeader = {
    format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: (options.now ?? new Date()).toISOString(),
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: options.iterations ?? DEFAULT_ITERATIONS, salt: b64(crypto.getRandomValues(new Uint8Array(16))) },
    cipher: { name: 'AES-GCM', iv: b64(crypto.getRandomValues(new Uint8Array(12))) },
    compression: 'gzip',
  };
  const key = await deriveKey(passphrase, unb64(header.kdf.salt), header.kdf.iterations);
  const plain = await pipe(new TextEncoder().encode(JSON.stringify(payload)), new CompressionStream('gzip'), MAX_PLAIN_BYTES);
  const sealed = new Uint8Array(await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: unb64(header.cipher.iv) as BufferSource, additionalData: headerBytes(header) as BufferSource }, key, plain as BufferSource,
  ));
  const envelope: BackupEnvelope = { ...header, data: b64(sealed) };
  const text = JSON.stringify(envelope);
  if (text.length > MAX_BACKUP_BYTES) {
    throw new BackupError('TOO_LARGE', 'Podatkov je preveč za eno varnostno kopijo (več kot 20 MB): take datoteke ne bi mogli obnoviti. Najprej izbrišite stare podatke.');
  }
  return text;
}

const notABackup = () => new BackupError('NOT_A_BACKUP', 'Datoteka ni varnostna kopija SPOT pomočnika.');

/** Reads and checks the clear header only (no passphrase needed). */
export function readBackupHeader(fileText: string): BackupEnvelope {
  if (fileText.length > MAX_BACKUP_BYTES) {
    throw new BackupError('TOO_LARGE', 'Datoteka je prevelika za varnostno kopijo (največ 20 MB).');
  }
  let env: Partial<BackupEnvelope>;
  try {
    env = JSON.parse(fileText) as Partial<BackupEnvelope>;
  } catch {
    throw notABackup();
  }
  if (typeof env !== 'object' || env === null || env.format !== BACKUP_FORMAT) throw notABackup();
  if (env.version !== BACKUP_VERSION) {
    throw new BackupError('UNSUPPORTED_VERSION', `Različica varnostne kopije (${String(env.version)}) ni podprta.`);
  }
  const iterations = env.kdf?.iterations;
  if (typeof env.data !== 'string' || typeof env.createdAt !== 'string' || env.kdf?.name !== 'PBKDF2' || env.kdf.hash !== 'SHA-256'
    || typeof env.kdf.salt !== 'string' || env.cipher?.name !== 'AES-GCM' || typeof env.cipher.iv !== 'string' || env.compression !== 'gzip'
    || typeof iterations !== 'number' || !Number.isInteger(iterations) || iterations < 10_000 || iterations > 10_000_000) {
    throw notABackup();
  }
  return env as BackupEnvelope;
}

/** Decrypts, verifies and parses; throws `BackupError` for anything that is not a sound backup with this passphrase. */
export async function decryptBackup(fileText: string, passphrase: string): Promise<unknown> {
  const env = readBackupHeader(fileText);
  let sealed: Uint8Array, salt: Uint8Array, iv: Uint8Array;
  try {
    sealed = unb64(env.data);
    salt = unb64(env.kdf.salt);
    iv = unb64(env.cipher.iv);
  } catch {
    throw new BackupError('WRONG_PASSPHRASE_OR_DAMAGED', 'Napačno geslo ali poškodovana datoteka: nič ni bilo obnovljeno.');
  }
  let compressed: Uint8Array;
  try {
    const key = await deriveKey(passphrase, salt, env.kdf.iterations);
    compressed = new Uint8Array(await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: iv as BufferSource, additionalData: headerBytes(env) as BufferSource }, key, sealed as BufferSource,
    ));
  } catch {
    throw new BackupError('WRONG_PASSPHRASE_OR_DAMAGED', 'Napačno geslo ali poškodovana datoteka: nič ni bilo obnovljeno.');
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await pipe(compressed, new DecompressionStream('gzip'), MAX_PLAIN_BYTES)));
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError('INCOMPLETE', 'Varnostna kopija je nepopolna ali poškodovana: nič ni bilo obnovljeno.');
  }
}

/**
 * Encrypted backup files (issue 9): the user's passphrase → PBKDF2-SHA-256 → AES-256-GCM.
 * GCM's tag authenticates the whole content, so a wrong passphrase or a damaged file is
 * refused before anything is restored. WebCrypto only: the same code runs in the
 * extension and in Node (tests, companion).
 */

export const BACKUP_FORMAT = 'spot-pomocnik-backup';
export const BACKUP_VERSION = 1;
/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
export const DEFAULT_ITERATIONS = 600_000;
const MIN_PASSPHRASE = 8;

export interface BackupEnvelope {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  data: string;
}

export class BackupError extends Error {
  constructor(readonly code: 'WEAK_PASSPHRASE' | 'NOT_A_BACKUP' | 'UNSUPPORTED_VERSION' | 'WRONG_PASSPHRASE_OR_DAMAGED', message: string) {
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

export async function encryptBackup(payload: unknown, passphrase: string, options: { iterations?: number; now?: Date } = {}): Promise<string> {
  if (passphrase.length < MIN_PASSPHRASE) {
    throw new BackupError('WEAK_PASSPHRASE', `Geslo mora imeti vsaj ${MIN_PASSPHRASE} znakov.`);
  }
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(passphrase, salt, iterations);
  const plain = new TextEncoder().encode(JSON.stringify(payload));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv as BufferSource }, key, plain as BufferSource));
  const envelope: BackupEnvelope = {
    format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: (options.now ?? new Date()).toISOString(),
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: b64(salt) },
    cipher: { name: 'AES-GCM', iv: b64(iv) },
    data: b64(sealed),
  };
  return JSON.stringify(envelope);
}

/** Decrypts and parses; throws `BackupError` for anything that is not a sound backup with this passphrase. */
export async function decryptBackup(fileText: string, passphrase: string): Promise<unknown> {
  let env: BackupEnvelope;
  try {
    env = JSON.parse(fileText) as BackupEnvelope;
  } catch {
    throw new BackupError('NOT_A_BACKUP', 'Datoteka ni varnostna kopija SPOT pomočnika.');
  }
  if (env?.format !== BACKUP_FORMAT || typeof env.data !== 'string' || typeof env.kdf?.salt !== 'string' || typeof env.cipher?.iv !== 'string') {
    throw new BackupError('NOT_A_BACKUP', 'Datoteka ni varnostna kopija SPOT pomočnika.');
  }
  if (env.version !== BACKUP_VERSION || env.kdf.name !== 'PBKDF2' || env.cipher.name !== 'AES-GCM') {
    throw new BackupError('UNSUPPORTED_VERSION', `Različica varnostne kopije (${String(env.version)}) ni podprta.`);
  }
  const iterations = Number(env.kdf.iterations);
  if (!Number.isInteger(iterations) || iterations < 10_000 || iterations > 10_000_000) {
    throw new BackupError('NOT_A_BACKUP', 'Varnostna kopija ima neveljavne parametre šifriranja.');
  }
  try {
    const key = await deriveKey(passphrase, unb64(env.kdf.salt), iterations);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: unb64(env.cipher.iv) as BufferSource }, key, unb64(env.data) as BufferSource);
    return JSON.parse(new TextDecoder().decode(plain));
  } catch {
    throw new BackupError('WRONG_PASSPHRASE_OR_DAMAGED', 'Napačno geslo ali poškodovana datoteka: nič ni bilo obnovljeno.');
  }
}

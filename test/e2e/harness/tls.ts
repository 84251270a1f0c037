/**
 * A throw-away self-signed certificate for spot.gov.si, made at test time with openssl, so the
 * fake SPOT is served over HTTPS like the real one (content scripts only match https://).
 * Never committed; lives in a temp dir for the duration of one server.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CERT_HOSTS = ['spot.gov.si', '*.spot.gov.si', 'localhost'];

export function makeCertificate(dir: string, hosts: readonly string[] = CERT_HOSTS): { key: Buffer; cert: Buffer } {
  const keyPath = join(dir, 'spot.key');
  const certPath = join(dir, 'spot.crt');
  const san = [...hosts.map((h) => `DNS:${h}`), 'IP:127.0.0.1'].join(',');
  execFileSync(
    'openssl',
    [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2',
      '-keyout', keyPath, '-out', certPath,
      '-subj', `/CN=${hosts[0]}/O=SPOT pomocnik e2e`,
      '-addext', `subjectAltName=${san}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return { key: readFileSync(keyPath), cert: readFileSync(certPath) };
}

/**
 * A fake SPOT over HTTPS. Serves routes you give it, then files from test/fixtures/spot/,
 * and records every request (to prove what the extension did, or did not, fetch).
 *
 * The browsers send every host name to this server (Chromium: --host-resolver-rules;
 * Firefox: network.dns.forceResolve), so pages are addressed by their real-looking URL:
 * `server.url('/ebol-seznam.html')` → `https://spot.gov.si/ebol-seznam.html`,
 * `server.url('/x', 'evil-spot.gov.si.example')` → a host the extension must ignore.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { FIXTURES } from './paths.ts';
import { makeCertificate } from './tls.ts';
import { tempDir } from './tmp.ts';

export interface CapturedRequest {
  method: string;
  host: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Route =
  /** a file under the fixtures folder, e.g. 'ebol-seznam.html' */
  | { file: string; status?: number }
  /** a literal answer */
  | { body: string | Buffer; type?: string; status?: number; headers?: Record<string, string> }
  /** full control */
  | ((req: IncomingMessage, res: ServerResponse, body: string) => void | Promise<void>);

export interface SpotServer {
  /** The port it listens on (443 for Firefox, a free one for Chromium). */
  readonly port: number;
  /** `https://<host><path>`: the address the browser uses (its resolver maps it here). */
  url(path?: string, host?: string): string;
  /** Adds or replaces a route for an exact path (without query string). */
  route(path: string, route: Route): void;
  /** Every request so far, oldest first. */
  readonly requests: readonly CapturedRequest[];
  close(): Promise<void>;
}

export interface SpotServerOptions {
  /** 0 = any free port (default). Firefox needs 443 (it cannot remap ports). */
  port?: number;
  routes?: Record<string, Route>;
  /** Folder of fixture files served by path; default test/fixtures/spot. */
  fixtures?: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

function sendFile(res: ServerResponse, path: string, status = 200) {
  res.writeHead(status, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(path).pipe(res);
}

export async function startSpotServer(options: SpotServerOptions = {}): Promise<SpotServer> {
  const fixtures = options.fixtures ?? FIXTURES;
  const routes = new Map<string, Route>(Object.entries(options.routes ?? {}));
  const requests: CapturedRequest[] = [];
  const certDir = await tempDir('tls');
  let server: Server;
  try {
    server = createServer(makeCertificate(certDir.path));
  } catch (error) {
    await certDir.remove();
    throw error;
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'https://spot.gov.si');
      requests.push({ method: req.method ?? 'GET', host: req.headers.host ?? '', path: url.pathname + url.search, headers: req.headers, body });
      void answer(req, res, url.pathname, body).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
    });
  });

  async function answer(req: IncomingMessage, res: ServerResponse, path: string, body: string) {
    const route = routes.get(path) ?? (path === '/' ? routes.get('/index.html') : undefined);
    if (typeof route === 'function') return route(req, res, body);
    if (route && 'file' in route) return sendFile(res, join(fixtures, route.file), route.status);
    if (route) {
      res.writeHead(route.status ?? 200, { 'content-type': route.type ?? 'text/html; charset=utf-8', 'cache-control': 'no-store', ...route.headers });
      res.end(route.body);
      return;
    }
    const file = normalize(join(fixtures, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (file.startsWith(normalize(fixtures)) && existsSync(file) && statSync(file).isFile()) return sendFile(res, file);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Ni najdeno');
  }

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  }).catch(async (error: NodeJS.ErrnoException) => {
    await certDir.remove();
    if (error.code === 'EACCES') {
      throw new Error(`Cannot listen on port ${options.port}: Firefox e2e tests need port 443, so they run as root (npm test in CI does).`);
    }
    throw error;
  });

  return {
    port,
    url: (path = '/', host = 'spot.gov.si') => `https://${host}${path.startsWith('/') ? path : `/${path}`}`,
    route: (path, route) => void routes.set(path, route),
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await certDir.remove();
    },
  };
}

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../companion/run.ts';

/**
 * Trust (issue 9): these tests fail if the extension gains a permission or a host, allows
 * remote code or inline script, or if any source file talks to a host other than SPOT.
 * Changing an allow-list here is a security decision: say why in SECURITY.md.
 */
const PERMISSIONS = ['storage', 'unlimitedStorage', 'alarms'];
const OPTIONAL_PERMISSIONS = ['nativeMessaging'];
const SPOT_PATTERNS = ['https://spot.gov.si/*', 'https://*.spot.gov.si/*'];
/** URL literals allowed in source besides SPOT: XML namespaces are names, not requests. */
const NON_REQUEST_URLS = [/^https?:\/\/www\.w3\.org\//, /^urn:/];

type Manifest = {
  permissions?: string[]; optional_permissions?: string[]; host_permissions?: string[]; optional_host_permissions?: string[];
  content_scripts?: { matches?: string[]; js?: string[] }[]; content_security_policy?: { extension_pages?: string };
  web_accessible_resources?: unknown; externally_connectable?: unknown; background?: { scripts?: string[]; service_worker?: string };
};

function manifests(): [string, Manifest][] {
  const list: [string, string][] = [['manifest.json', join(ROOT, 'manifest.json')]];
  for (const b of ['chrome', 'firefox']) {
    const p = join(ROOT, 'dist', b, 'manifest.json');
    if (existsSync(p)) list.push([`dist/${b}/manifest.json`, p]);
  }
  return list.map(([name, p]) => [name, JSON.parse(readFileSync(p, 'utf8')) as Manifest]);
}

function walk(dir: string, exts: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p, exts));
    else if (exts.test(name)) out.push(p);
  }
  return out;
}

describe('the shipped manifests', () => {
  it('is checked in both built extensions when they exist (npm test builds first)', () => {
    if (process.env.CI) expect(manifests().map(([n]) => n)).toEqual(['manifest.json', 'dist/chrome/manifest.json', 'dist/firefox/manifest.json']);
  });

  for (const [name, m] of manifests()) {
    it(`${name} asks only for storage, SPOT and what SECURITY.md justifies`, () => {
      expect((m.permissions ?? []).filter((p) => !PERMISSIONS.includes(p))).toEqual([]);
      expect((m.optional_permissions ?? []).filter((p) => !OPTIONAL_PERMISSIONS.includes(p))).toEqual([]);
      expect(m.optional_host_permissions ?? []).toEqual([]);
      expect([...(m.host_permissions ?? [])].sort()).toEqual([...SPOT_PATTERNS].sort());
      for (const cs of m.content_scripts ?? []) for (const match of cs.matches ?? []) expect(SPOT_PATTERNS).toContain(match);
      expect(m.externally_connectable).toBeUndefined();
      expect(m.web_accessible_resources).toBeUndefined();
    });

    it(`${name} allows no remote code, eval or inline script`, () => {
      const csp = m.content_security_policy?.extension_pages ?? '';
      expect(csp).toMatch(/script-src 'self'/);
      expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|wasm-unsafe-eval|\*/);
    });
  }

  it('built HTML pages load only their own scripts, never inline or remote ones', () => {
    const dist = join(ROOT, 'dist');
    if (!existsSync(dist)) return expect(process.env.CI).toBeFalsy();
    for (const file of walk(dist, /\.html$/)) {
      const html = readFileSync(file, 'utf8');
      for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
        expect(tag, relative(ROOT, file)).toMatch(/\bsrc="(\.\/|\/)?[\w./-]+\.js"/);
        expect(tag.replace(/^<script\b[^>]*>/i, '').replace(/<\/script>$/i, '').trim()).toBe('');
      }
      expect(html).not.toMatch(/\bon[a-z]+="/i); // inline event handlers
      expect(html).not.toMatch(/(src|href)="https?:/i);
    }
  });
});

describe('the sources', () => {
  const files = walk(join(ROOT, 'src'), /\.(ts|tsx|html|css)$/);

  it('name no host but SPOT (or XML namespace names)', () => {
    const offenders: string[] = [];
    for (const f of files) {
      for (const url of readFileSync(f, 'utf8').match(/\b(?:https?|wss?|ftp):\/\/[^\s'"`)<>\\]+/g) ?? []) {
        let host = '';
        try { host = new URL(url).hostname; } catch { /* a template like https://${host} */ }
        const spot = host === 'spot.gov.si' || host.endsWith('.spot.gov.si');
        if (!spot && !NON_REQUEST_URLS.some((r) => r.test(url))) offenders.push(`${relative(ROOT, f)}: ${url}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('make network requests only through code that checks the URL is SPOT', () => {
    const offenders: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const requests = text.match(/\bfetch\s*\(|new\s+XMLHttpRequest|new\s+WebSocket|new\s+EventSource|sendBeacon\s*\(|importScripts\s*\(/g) ?? [];
      if (requests.length && !/\bisSpotUrl\s*\(/.test(text)) offenders.push(`${relative(ROOT, f)}: ${requests.join(', ')}`);
      if (/\bimport\s*\(\s*['"`]https?:/.test(text)) offenders.push(`${relative(ROOT, f)}: remote import()`);
    }
    expect(offenders).toEqual([]);
  });

  it('never write raw HTML or evaluate strings', () => {
    const sinks = /\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write\s*\(|\beval\s*\(|new\s+Function\s*\(/;
    expect(files.filter((f) => sinks.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f))).toEqual([]);
  });
});

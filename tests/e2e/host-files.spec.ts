// The host files the build writes for Netlify and Cloudflare Pages: security headers and
// redirects, in the format those hosts read.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { distDir } from './built-site.ts';

/** Parses the Netlify/Cloudflare `_headers` format: a path line, then indented `Name: value` lines. */
function parseHeaders(text: string): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = new Map();
      rules.set(line.trim(), current);
      continue;
    }
    const match = /^\s+([A-Za-z-]+):\s*(.+)$/.exec(line);
    if (!match || !current) throw new Error(`_headers: cannot read line "${line}"`);
    current.set(match[1].toLowerCase(), match[2].trim());
  }
  return rules;
}

describe('_headers', () => {
  const rules = parseHeaders(readFileSync(path.join(distDir(), '_headers'), 'utf8'));

  it('sends the security headers on every path', () => {
    const all = rules.get('/*')!;
    expect(all.get('strict-transport-security')).toMatch(/max-age=\d{8,}/);
    expect(all.get('x-content-type-options')).toBe('nosniff');
    expect(all.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(all.get('permissions-policy')).toMatch(/camera=\(\)/);
    expect(all.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
  });

  it('keeps the CMS out of search engines and caches, with its own policy', () => {
    const admin = rules.get('/admin/*')!;
    expect(admin.get('x-robots-tag')).toMatch(/noindex/);
    expect(admin.get('cache-control')).toBe('no-store');
    expect(admin.get('content-security-policy')).toMatch(/frame-ancestors 'none'.*script-src 'self' 'unsafe-eval'/);
  });

  it('rejects a malformed file (the parser can fail)', () => {
    expect(() => parseHeaders('/*\n  not a header line\n')).toThrow(/cannot read line/);
  });
});

describe('_redirects', () => {
  const lines = readFileSync(path.join(distDir(), '_redirects'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'));

  it('has "from to 301" lines whose targets exist in the build', () => {
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const [from, to, status, ...rest] = line.split(/\s+/);
      expect(rest).toEqual([]);
      expect(from).toMatch(/^\/articles\/[a-z0-9-]+\/?$/);
      expect(status).toBe('301');
      expect(existsSync(path.join(distDir(), to, 'index.html')), to).toBe(true);
    }
  });
});

describe('deployment config samples', () => {
  it('point the hosts at the same build command and output folder', () => {
    for (const file of ['docs/deploy/netlify.toml', 'docs/deploy/wrangler.toml']) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).toMatch(/dist/);
      expect(text, file).toMatch(/NODE_VERSION = "24"/);
    }
    expect(readFileSync('docs/deploy/netlify.toml', 'utf8')).toMatch(/command = "npm run build"/);
  });
});

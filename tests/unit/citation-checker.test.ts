// The citation checker against a real local HTTP server on 127.0.0.1: 200, a 301 chain,
// 404, 429 then 200, a 403, and a server that never answers in time.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCitation, checkCitations } from '../../src/lib/io/citation-checker.ts';
import { contentWith } from '../helpers.ts';

let server: Server;
let base = '';
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = (request.url ?? '/').split('?')[0];
    hits.set(url, (hits.get(url) ?? 0) + 1);
    if (url === '/ok') return response.writeHead(200).end('fine');
    if (url === '/chain-1') return response.writeHead(301, { Location: '/chain-2' }).end();
    if (url === '/chain-2') return response.writeHead(301, { Location: `${base}/ok` }).end();
    if (url === '/gone') return response.writeHead(404).end();
    if (url === '/forbidden') return response.writeHead(403).end();
    if (url === '/busy-then-ok') {
      return hits.get(url)! <= 2
        ? response.writeHead(429, { 'Retry-After': '0' }).end()
        : response.writeHead(200).end('ok now');
    }
    if (url === '/slow') return; // never answers
    if (url === '/loop') return response.writeHead(301, { Location: '/loop' }).end();
    response.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const fast = { timeoutMs: 400, retries: 2, backoffMs: 10 };

describe('citation checker', () => {
  it('accepts a 200', async () => {
    expect(await checkCitation(`${base}/ok`, fast)).toEqual(
      expect.objectContaining({ verdict: 'ok', status: 200, redirects: 0, attempts: 1 }),
    );
  });

  it('follows a 301 chain and reports where it ended', async () => {
    const result = await checkCitation(`${base}/chain-1`, fast);
    expect(result).toEqual(
      expect.objectContaining({ verdict: 'ok', status: 200, redirects: 2, finalUrl: `${base}/ok` }),
    );
    expect(result.detail).toMatch(/moved to .*\/ok: consider citing the new address/);
  });

  it('fails a 404 at once, without retrying', async () => {
    hits.delete('/gone');
    expect(await checkCitation(`${base}/gone`, fast)).toEqual(
      expect.objectContaining({ verdict: 'error', status: 404, attempts: 1 }),
    );
  });

  it('retries a 429 and succeeds when the server recovers', async () => {
    hits.delete('/busy-then-ok');
    const result = await checkCitation(`${base}/busy-then-ok`, fast);
    expect(result).toEqual(expect.objectContaining({ verdict: 'ok', status: 200, attempts: 3 }));
  });

  it('counts a lasting 429 or a 403 as a warning, not an error', async () => {
    hits.delete('/busy-then-ok');
    expect(await checkCitation(`${base}/busy-then-ok`, { ...fast, retries: 1 })).toEqual(
      expect.objectContaining({ verdict: 'warning', status: 429 }),
    );
    expect(await checkCitation(`${base}/forbidden`, fast)).toEqual(
      expect.objectContaining({ verdict: 'warning', status: 403 }),
    );
  });

  it('gives up on a server that never answers, after retries', async () => {
    const started = Date.now();
    const result = await checkCitation(`${base}/slow`, { ...fast, retries: 1 });
    expect(result).toEqual(
      expect.objectContaining({ verdict: 'error', status: 0, attempts: 2, detail: 'no answer within 400 ms' }),
    );
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('stops a redirect loop', async () => {
    expect(await checkCitation(`${base}/loop`, fast)).toEqual(
      expect.objectContaining({ verdict: 'error', detail: 'more than 5 redirects' }),
    );
  });

  it('limits concurrency and reuses recent successes from the cache', async () => {
    let active = 0;
    let peak = 0;
    const slowFetch: typeof fetch = async (input, init) => {
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 20));
      active -= 1;
      return fetch(input, init);
    };
    const urls = Array.from({ length: 8 }, () => `${base}/ok`).map((u, i) => `${u}?n=${i}`);
    const now = () => new Date('2026-11-26T12:00:00Z');
    const first = await checkCitations(urls, {}, { ...fast, concurrency: 2, fetchImpl: slowFetch, now });
    expect(peak).toBeLessThanOrEqual(2);
    expect(first.results.every((r) => r.verdict === 'ok' && r.checkedAt === '2026-11-26T12:00:00Z')).toBe(true);
    const cache = Object.fromEntries(first.results.map((r) => [r.url, r]));
    const again = await checkCitations(urls, cache, { ...fast, now: () => new Date('2026-11-28T12:00:00Z') });
    expect(again.fromCache).toBe(8);
    const stale = await checkCitations(urls, cache, { ...fast, now: () => new Date('2026-12-20T12:00:00Z') });
    expect(stale.fromCache).toBe(0);
  });
});

describe('npm run check:citations', () => {
  it('names the file and field of a broken source, exits 1 and caches the result with its date', async () => {
    // Sources must be https, so this test serves its 404 over TLS with a throwaway self-signed certificate.
    const dir = mkdtempSync(path.join(tmpdir(), 'citations-'));
    const made = spawnSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${dir}/key.pem`,
      '-out',
      `${dir}/cert.pem`,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
    ]);
    expect(made.status).toBe(0);
    const tls = createHttpsServer(
      { key: readFileSync(`${dir}/key.pem`), cert: readFileSync(`${dir}/cert.pem`) },
      (_request, response) => response.writeHead(404).end(),
    );
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(tls.address() as AddressInfo).port}/withdrawn-guidance`;
    const content = contentWith();
    const file = path.join(content, 'articles/good-withdrawal-article.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('https://medlineplus.gov/druginfo/meds/a682530.html', url));
    const cache = path.join(dir, 'cache.json');
    const result = await new Promise<{ status: number | null; stdout: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          'scripts/check-citations.ts',
          '--content-dir',
          content,
          '--cache',
          cache,
          '--timeout',
          '2000',
          '--backoff',
          '10',
        ],
        {
          env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0', NODE_NO_WARNINGS: '1' },
        },
      );
      let stdout = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.on('close', (status) => resolve({ status, stdout }));
    });
    tls.close();
    expect(result.stdout).toMatch(/1 source URLs checked \(0 from cache\)/);
    expect(result.stdout).toContain(`error    ${path.relative(process.cwd(), file)}: sources.0.url: ${url} (HTTP 404)`);
    expect(result.status).toBe(1);
    expect(JSON.parse(readFileSync(cache, 'utf8'))).toEqual({
      [url]: expect.objectContaining({
        verdict: 'error',
        status: 404,
        checkedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      }),
    });
  });
});

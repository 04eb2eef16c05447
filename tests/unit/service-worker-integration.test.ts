// The service worker integration on small fake sites (real workbox-build and esbuild, no browser):
// what it precaches as the site grows, the whole-site list and summary it writes, and how it fails.
// The worker's behaviour in Chromium is tested in tests/e2e/offline.spec.ts and scale.spec.ts.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { OfflineFileList, OfflineSummary, ServiceWorkerConfig } from '../../src/client/offline/protocol.ts';
import {
  buildServiceWorker,
  choosePrecache,
  searchEngineGlobs,
  siteVersion,
} from '../../src/integrations/service-worker.ts';

const logger = { info: vi.fn(), warn: vi.fn() };

/** A built site with `articles` pages of about `articleBytes` each, a search bundle and the shell pages. */
function fakeSite({ articles = 3, articleBytes = 2_000, languages = { 'en-us': { wasm: 'en-us' } } } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-int-'));
  const write = (file: string, body: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), body);
  };
  for (const page of ['index.html', 'search/index.html', 'offline/index.html', 'a-z/index.html', 'about/index.html'])
    write(page, `<h1>${page}</h1>`);
  for (let i = 0; i < articles; i++) {
    write(`articles/a${i}/index.html`, `<h1>Article ${i}</h1>${'x'.repeat(articleBytes)}`);
    write(`pagefind/fragment/en-us_${i}.pf_fragment`, 'f'.repeat(500));
    write(`pagefind/text/fragment/en-us_${i}.pf_fragment`, 't'.repeat(500));
  }
  write('reviews/index.html', '<h1>Dashboard</h1>');
  write('admin/index.html', '<h1>CMS</h1>');
  write('404.html', '<h1>Not found</h1>');
  write('_astro/Base.abc123.css', 'body{}');
  write('_astro/hero.abc123.svg', '<svg/>');
  write('favicon.svg', '<svg/>');
  write('pagefind/pagefind-entry.json', JSON.stringify({ version: '1.6.0', languages }));
  write('pagefind/pagefind.js', 'engine');
  write('pagefind/pagefind-worker.js', 'worker');
  write('pagefind/wasm.en-us.pagefind', 'wasm');
  write('pagefind/wasm.unknown.pagefind', 'wasm for pages without a language');
  write('pagefind/pagefind-ui.js', 'the default UI, which no page loads');
  write('pagefind/pagefind.en-us_1.pf_meta', 'meta');
  write('pagefind/index/en-us_1.pf_index', 'index');
  write('pagefind/filter/en-us_1.pf_filter', 'filter');
  // The full-text index and the typo vocabulary (src/integrations/pagefind.ts).
  write('pagefind/text/pagefind-entry.json', JSON.stringify({ version: '1.6.0', languages }));
  write('pagefind/text/pagefind.en-us_2.pf_meta', 'text meta');
  write('pagefind/text/index/en-us_2.pf_index', 'text index');
  write('pagefind/text/filter/en-us_2.pf_filter', 'text filter');
  write('pagefind/vocabulary/a.txt', 'alcohol 12');
  return dir;
}

const read = <T>(dir: string, file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T;
/** The configuration bundled into sw.js. */
function workerConfig(dir: string): ServiceWorkerConfig {
  const sw = readFileSync(path.join(dir, 'sw.js'), 'utf8');
  const found = /^const __SERVICE_WORKER_CONFIG__ = (.*);$/m.exec(sw);
  if (!found) throw new Error('sw.js carries no configuration');
  return JSON.parse(found[1]);
}

describe('service worker integration', () => {
  it('refuses to run before Pagefind has written its bundle, saying what to change', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sw-int-'));
    mkdirSync(path.join(dir, 'offline'));
    writeFileSync(path.join(dir, 'offline/index.html'), '<h1>You are offline</h1>');
    await expect(buildServiceWorker(dir)).rejects.toThrow(/list the Pagefind integration before the service worker/);
  });

  it('needs the search engine for the languages Pagefind built, not every wasm file', () => {
    const globs = searchEngineGlobs(fakeSite());
    expect(globs).toContain('pagefind/wasm.en-us.pagefind');
    expect(globs).not.toContain('pagefind/wasm.unknown.pagefind');
    // Both indexes' entry and metadata (titles at the top, full text under text/) and the vocabulary.
    expect(globs).toEqual(
      expect.arrayContaining([
        'pagefind/pagefind-entry.json',
        'pagefind/*.pf_meta',
        'pagefind/text/pagefind-entry.json',
        'pagefind/text/*.pf_meta',
        'pagefind/vocabulary/*.txt',
      ]),
    );
    // The search page uses pagefind.js without Pagefind's worker or UI bundles.
    expect(globs.some((glob) => /ui|worker/.test(glob))).toBe(false);
  });

  it('precaches a small site whole, with nothing for the reader to save', async () => {
    const dir = fakeSite({ articles: 3 });
    const result = await buildServiceWorker(dir, {}, logger);
    expect(result.mode).toBe('everything');
    const config = workerConfig(dir);
    const urls = config.precache.map(([url]) => url);
    expect(urls).toEqual(
      expect.arrayContaining([
        '/',
        '/articles/a0/',
        '/pagefind/fragment/en-us_2.pf_fragment',
        '/pagefind/text/fragment/en-us_2.pf_fragment',
      ]),
    );
    expect(read<OfflineSummary>(dir, 'offline/summary.json')).toMatchObject({ mode: 'everything', articles: 3 });
    expect(logger.info).toHaveBeenCalledWith(expect.stringContaining('precaches the whole site'));
  });

  it('past the budget, precaches only the shell and search engine, and lists the rest for readers to save', async () => {
    const dir = fakeSite({ articles: 40, articleBytes: 20_000 });
    const result = await buildServiceWorker(dir, { budgetBytes: 100_000 }, logger);
    expect(result.mode).toBe('shell');
    expect(result.size).toBeLessThanOrEqual(100_000);
    const urls = workerConfig(dir).precache.map(([url]) => url);
    expect(urls).toEqual(
      expect.arrayContaining([
        '/',
        '/search/',
        '/offline/',
        '/pagefind/pagefind.js',
        '/pagefind/pagefind-entry.json',
        '/pagefind/pagefind.en-us_1.pf_meta',
        '/pagefind/text/pagefind-entry.json',
        '/pagefind/text/pagefind.en-us_2.pf_meta',
        '/pagefind/vocabulary/a.txt',
        '/_astro/Base.abc123.css',
        '/offline/summary.json',
      ]),
    );
    expect(urls.some((url) => url.startsWith('/articles/') || /pf_(index|filter|fragment)$/.test(url))).toBe(false);

    const summary = read<OfflineSummary>(dir, 'offline/summary.json');
    const list = read<OfflineFileList>(dir, 'offline/files.json');
    expect(summary).toMatchObject({ mode: 'shell', articles: 40, files: list.files.length, version: list.version });
    expect(summary.bytes).toBe(list.files.reduce((sum, [, , bytes]) => sum + bytes, 0));
    const listed = new Map(list.files.map(([url, revision]) => [url, revision]));
    // Every article, the whole index and the pictures, under the URLs that serve them.
    for (let i = 0; i < 40; i++) expect(listed.has(`/articles/a${i}/`)).toBe(true);
    for (const url of [
      '/pagefind/index/en-us_1.pf_index',
      '/pagefind/filter/en-us_1.pf_filter',
      '/pagefind/text/index/en-us_2.pf_index',
      '/pagefind/text/filter/en-us_2.pf_filter',
      '/pagefind/text/fragment/en-us_39.pf_fragment',
      '/_astro/hero.abc123.svg',
    ])
      expect(listed.has(url)).toBe(true);
    // Content-hashed names need no revision; pages do.
    expect(listed.get('/_astro/hero.abc123.svg')).toBeNull();
    expect(listed.get('/articles/a0/')).toMatch(/^[0-9a-f]{12}$/);
    // Not for readers: the CMS, the editors' dashboard, the 404 page, unused search UI bundles.
    for (const url of [
      '/admin/',
      '/reviews/',
      '/404.html',
      '/pagefind/pagefind-ui.js',
      '/pagefind/pagefind-worker.js',
      '/pagefind/wasm.unknown.pagefind',
    ])
      expect(listed.has(url)).toBe(false);
  });

  it('fails the build when even the shell is over budget, naming its largest files', async () => {
    const dir = fakeSite();
    writeFileSync(path.join(dir, '_astro/huge.abc123.js'), 'x'.repeat(300_000));
    await expect(buildServiceWorker(dir, { budgetBytes: 200_000 })).rejects.toThrow(
      /shell is \d+ KiB, over the 195 KiB precache budget \(largest: \/_astro\/huge\.abc123\.js \(293 KiB\)/,
    );
  });

  it('passes the page timeout and the asset limit to the worker', async () => {
    const dir = fakeSite();
    await buildServiceWorker(dir, { pageTimeoutSeconds: 2, maxAssets: 10 });
    expect(workerConfig(dir)).toMatchObject({ pageTimeoutMs: 2000, maxAssets: 10 });
  });
});

describe('choosing the precache', () => {
  const entry = (url: string, size: number) => ({ url, revision: 'r', size });
  const shell = [entry('/', 100), entry('/search/', 100)];
  const whole = [entry('/', 100), entry('/articles/a/', 500)];

  it('takes the whole site when shell and site together fit, counting shared files once', () => {
    expect(choosePrecache(shell, whole, 700)).toMatchObject({ mode: 'everything', size: 700 });
  });

  it('falls back to the shell when they do not', () => {
    expect(choosePrecache(shell, whole, 699)).toMatchObject({ mode: 'shell', size: 200 });
  });

  it('gives the whole-site copy a version that changes with any file', () => {
    const before = siteVersion(whole);
    expect(siteVersion([...whole].reverse())).toBe(before);
    expect(siteVersion([whole[0], { ...whole[1], revision: 's' }])).not.toBe(before);
  });
});

// The Pagefind and service-worker integrations, with Pagefind's Node API and workbox-build mocked:
// what they ask for, in which order, and how they fail.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
const fake = {
  createIndex: vi.fn(),
  close: vi.fn(async () => {
    calls.push('close');
    return null;
  }),
  addDirectory: vi.fn(),
  writeFiles: vi.fn(),
};
vi.mock('pagefind', () => ({ createIndex: fake.createIndex, close: fake.close }));

const generateSW = vi.fn();
vi.mock('workbox-build', () => ({ generateSW }));

const {
  default: pagefindIntegration,
  buildSearchIndex,
  DEFAULT_EXCLUDE_SELECTORS,
} = await import('../../src/integrations/pagefind.ts');
const sw = await import('../../src/integrations/service-worker.ts');

const logger = { info: vi.fn(), warn: vi.fn() };

beforeEach(() => {
  calls.length = 0;
  vi.clearAllMocks();
  fake.addDirectory.mockImplementation(async (arg) => {
    calls.push(`addDirectory ${arg.path}`);
    return { errors: [], page_count: 12 };
  });
  fake.writeFiles.mockImplementation(async (arg) => {
    calls.push(`writeFiles ${arg.outputPath}`);
    return { errors: [], outputPath: arg.outputPath };
  });
  fake.createIndex.mockImplementation(async (config) => {
    calls.push(`createIndex ${JSON.stringify(config)}`);
    return { errors: [], index: { addDirectory: fake.addDirectory, writeFiles: fake.writeFiles } };
  });
});

describe('Pagefind integration', () => {
  it('indexes the folder Astro built (the dir it is given, never dist/) and writes the bundle inside it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pf-int-'));
    const integration = pagefindIntegration();
    expect(integration.name).toBe('steady-ground:pagefind');
    const hook = integration.hooks['astro:build:done'] as (params: any) => Promise<void>;
    await hook({ dir: pathToFileURL(`${dir}/`), logger, pages: [], assets: new Map() });
    expect(calls).toEqual([
      `createIndex ${JSON.stringify({ excludeSelectors: DEFAULT_EXCLUDE_SELECTORS })}`,
      `addDirectory ${dir}`,
      `writeFiles ${path.join(dir, 'pagefind')}`,
      'close',
    ]);
    expect(logger.info).toHaveBeenCalledWith(expect.stringContaining('Scanned 12 pages'));
  });

  it('keeps repeated page furniture (table of contents, helpline, disclaimer) out of the index', () => {
    for (const selector of ['.toc', '.helpline-box', '.disclaimer', '.byline'])
      expect(DEFAULT_EXCLUDE_SELECTORS).toContain(selector);
  });

  it('fails the build, and still stops the Pagefind service, when indexing reports errors', async () => {
    fake.addDirectory.mockResolvedValueOnce({ errors: ['bad HTML in x.html'], page_count: 0 });
    await expect(buildSearchIndex('/site', {}, fake)).rejects.toThrow(/addDirectory failed:\n {2}bad HTML in x.html/);
    expect(fake.close).toHaveBeenCalledTimes(1);
    expect(fake.writeFiles).not.toHaveBeenCalled();
  });

  it('fails the build when there is nothing to index', async () => {
    fake.addDirectory.mockResolvedValueOnce({ errors: [], page_count: 0 });
    await expect(buildSearchIndex('/site', {}, fake)).rejects.toThrow(/no HTML pages/);
  });

  it('fails the build when createIndex or writeFiles report errors', async () => {
    fake.createIndex.mockResolvedValueOnce({ errors: ['service died'] });
    await expect(buildSearchIndex('/site', {}, fake)).rejects.toThrow(/createIndex failed/);
    fake.writeFiles.mockResolvedValueOnce({ errors: ['disk full'], outputPath: '' });
    await expect(buildSearchIndex('/site', {}, fake)).rejects.toThrow(/writeFiles failed:\n {2}disk full/);
  });
});

function fakeSite(languages: Record<string, { wasm?: string }> = { 'en-us': { wasm: 'en-us' } }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-int-'));
  mkdirSync(path.join(dir, 'pagefind'), { recursive: true });
  mkdirSync(path.join(dir, 'offline'), { recursive: true });
  writeFileSync(path.join(dir, 'pagefind', 'pagefind-entry.json'), JSON.stringify({ version: '1.6.0', languages }));
  writeFileSync(path.join(dir, 'offline', 'index.html'), '<h1>You are offline</h1>');
  return dir;
}

describe('service worker integration', () => {
  it('refuses to run before Pagefind has written its bundle', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sw-int-'));
    expect(() => sw.serviceWorkerConfig(dir)).toThrow(/list the Pagefind integration before the service worker/);
  });

  it('precaches the search bundle for the languages Pagefind built, not every wasm file', () => {
    const globs = sw.pagefindPrecacheGlobs(fakeSite());
    expect(globs).toContain('pagefind/wasm.en-us.pagefind');
    expect(globs).not.toContain('pagefind/wasm.unknown.pagefind');
    for (const glob of [
      'pagefind/pagefind-entry.json',
      'pagefind/index/*.pf_index',
      'pagefind/fragment/*.pf_fragment',
      'pagefind/filter/*.pf_filter',
    ]) {
      expect(globs).toContain(glob);
    }
  });

  it('at scale (SHELL_ONLY_OPTIONS) precaches the shell and the search engine, not articles or index chunks', () => {
    const globs = sw.serviceWorkerConfig(fakeSite(), sw.SHELL_ONLY_OPTIONS).globPatterns!;
    expect(globs).toContain('index.html');
    expect(globs).toContain('offline/index.html');
    expect(globs).toContain('pagefind/pagefind.js');
    expect(globs).not.toContain('articles/*/index.html');
    expect(globs).not.toContain('a-z/index.html');
    expect(globs.some((glob) => /pf_(index|fragment|filter|meta)/.test(glob))).toBe(false);
  });

  it("matches Pagefind's cache-busting ?ts= (and ?q= on /search/) to the precached files", () => {
    const config = sw.serviceWorkerConfig(fakeSite());
    const ignored = (name: string) => config.ignoreURLParametersMatching!.some((pattern) => pattern.test(name));
    expect(ignored('ts')).toBe(true);
    expect(ignored('q')).toBe(true);
  });

  it('replaces an old deploy cleanly: revisioned precache, old caches removed, no mid-session switch', () => {
    const config = sw.serviceWorkerConfig(fakeSite());
    expect(config.cleanupOutdatedCaches).toBe(true);
    expect(config.skipWaiting).toBe(false);
    expect(config.clientsClaim).toBe(true);
    expect(config.swDest).toMatch(/sw\.js$/);
    // Hashed names carry their own revision; everything else gets a content hash from workbox.
    expect(config.dontCacheBustURLsMatching!.test('_astro/Base.abc123.css')).toBe(true);
    expect(config.dontCacheBustURLsMatching!.test('pagefind/pagefind-entry.json')).toBe(false);
    expect(config.dontCacheBustURLsMatching!.test('articles/x/index.html')).toBe(false);
  });

  it('caches visited pages network-first and falls back to the precached offline page', () => {
    const config = sw.serviceWorkerConfig(fakeSite());
    const pages = config.runtimeCaching!.find((route) => route.handler === 'NetworkFirst')!;
    expect(pages.options?.precacheFallback?.fallbackURL).toBe('/offline/index.html');
    expect(config.globPatterns).toContain('offline/index.html');
    const match = pages.urlPattern as (arg: any) => boolean;
    expect(match({ request: { mode: 'navigate' }, url: new URL('https://x.test/people/a/') })).toBe(true);
    expect(match({ request: { mode: 'navigate' }, url: new URL('https://x.test/admin/') })).toBe(false);
    expect(match({ request: { mode: 'cors' }, url: new URL('https://x.test/pagefind/a.pf_index') })).toBe(false);
  });

  it('fails the build when the precache is over budget, and reports the size otherwise', async () => {
    const dir = fakeSite();
    generateSW.mockResolvedValueOnce({ count: 40, size: 2_000_000, warnings: [], filePaths: [] });
    await expect(sw.buildServiceWorker(dir, { budgetBytes: 1_000_000 }, logger)).rejects.toThrow(
      /over the 977 KiB budget/,
    );
    generateSW.mockResolvedValueOnce({ count: 40, size: 500_000, warnings: [], filePaths: [] });
    const result = await sw.buildServiceWorker(dir, { budgetBytes: 1_000_000 }, logger);
    expect(result).toMatchObject({ count: 40, size: 500_000, budgetBytes: 1_000_000 });
    expect(logger.info).toHaveBeenCalledWith(expect.stringContaining('488 KiB of the 977 KiB budget'));
  });
});

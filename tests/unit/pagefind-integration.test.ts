// The Pagefind integration, with Pagefind's Node API mocked: what it asks for, in which order, and how
// it fails. (The service worker integration has its own tests: service-worker-integration.test.ts.)
import { mkdtempSync } from 'node:fs';
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

const {
  default: pagefindIntegration,
  buildSearchIndex,
  DEFAULT_EXCLUDE_SELECTORS,
} = await import('../../src/integrations/pagefind.ts');

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

// The Pagefind integration, with Pagefind's Node API mocked: what it asks for, in which order, and how
// it fails. (The service worker integration has its own tests: service-worker-integration.test.ts.)
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
/** What the fake Pagefind "indexed" from the built site: the full-text fragments it writes. */
const TEXT_PAGES = [
  {
    url: '/articles/baclofen-withdrawal/',
    content: 'Baclofen withdrawal: timeline and safe tapering. Stopping baclofen suddenly can cause seizures.',
    word_count: 12,
    meta: {
      title: 'Baclofen withdrawal: timeline and safe tapering',
      description: 'Stopping baclofen all at once can cause seizures.',
      aliases: 'Lioresal',
      image_alt: 'Sunrise over hills',
    },
    filters: { category: ['Withdrawal'], reviewer: ['Dr. Rowan Example, MD'], reviewed: ['2026-10-14'] },
    anchors: [
      { element: 'h1', id: '', text: 'Baclofen withdrawal', location: 0 },
      { element: 'h2', id: 'why-stopping-is-dangerous', text: 'Why stopping is dangerous', location: 8 },
      { element: 'h3', id: 'pump', text: 'If you have a <pump>', location: 10 },
      { element: 'div', id: 'x', location: 11 },
    ],
  },
];
const added: Array<{ url: string; content: string }> = [];
let chunkSizeAtCreate: Array<string | undefined> = [];

function writeBundle(outputPath: string, pages: object[], hash: string) {
  mkdirSync(path.join(outputPath, 'fragment'), { recursive: true });
  mkdirSync(path.join(outputPath, 'index'), { recursive: true });
  writeFileSync(
    path.join(outputPath, 'pagefind-entry.json'),
    JSON.stringify({
      version: '1.6.0',
      languages: { 'en-us': { hash: `en-us_${hash}`, wasm: 'en-us', page_count: pages.length } },
    }),
  );
  writeFileSync(path.join(outputPath, `pagefind.en-us_${hash}.pf_meta`), 'meta');
  writeFileSync(path.join(outputPath, 'index', 'en-us_1.pf_index'), 'index');
  for (const [i, page] of pages.entries())
    writeFileSync(
      path.join(outputPath, 'fragment', `en-us_${i}.pf_fragment`),
      gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify(page))])),
    );
  for (const name of [
    'pagefind.js',
    'pagefind-worker.js',
    'pagefind-component-ui.js',
    'wasm.en-us.pagefind',
    'wasm.unknown.pagefind',
  ])
    writeFileSync(path.join(outputPath, name), name);
}

const fake = {
  createIndex: vi.fn(),
  close: vi.fn(async () => {
    calls.push('close');
    return null;
  }),
  addDirectory: vi.fn(),
  addHTMLFile: vi.fn(),
  writeFiles: vi.fn(),
};
vi.mock('pagefind', () => ({ createIndex: fake.createIndex, close: fake.close }));

const {
  buildSearchIndex,
  DEFAULT_EXCLUDE_SELECTORS,
  injectSearchPage,
  TEXT_INDEX_CHUNK_SIZE,
  TITLES_INDEX_CHUNK_SIZE,
} = await import('../../src/integrations/pagefind.ts');

const logger = { info: vi.fn(), warn: vi.fn() };
const HELP = {
  helpline: { display: '1-800-662-4357' },
  crisisLine: { number: '988', name: '988 Suicide & Crisis Lifeline' },
  emergencyNumber: '911',
};

beforeEach(() => {
  calls.length = 0;
  added.length = 0;
  chunkSizeAtCreate = [];
  vi.clearAllMocks();
  fake.addDirectory.mockImplementation(async (arg) => {
    calls.push(`addDirectory ${arg.path}`);
    return { errors: [], page_count: 12 };
  });
  fake.addHTMLFile.mockImplementation(async (arg) => {
    calls.push(`addHTMLFile ${arg.url}`);
    added.push(arg);
    return { errors: [], file: { url: arg.url, uniqueWords: 1, meta: {} } };
  });
  fake.writeFiles.mockImplementation(async (arg) => {
    calls.push(`writeFiles ${arg.outputPath}`);
    const text = arg.outputPath.endsWith(`${path.sep}text`);
    writeBundle(
      arg.outputPath,
      text ? [...TEXT_PAGES, { url: '/#helpline', content: 'Helpline', meta: {}, filters: {}, anchors: [] }] : [],
      text ? 'texthash' : 'titleshash',
    );
    return { errors: [], outputPath: arg.outputPath };
  });
  fake.createIndex.mockImplementation(async (config) => {
    calls.push(`createIndex ${JSON.stringify(config)}`);
    chunkSizeAtCreate.push(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE);
    return {
      errors: [],
      index: { addDirectory: fake.addDirectory, addHTMLFile: fake.addHTMLFile, writeFiles: fake.writeFiles },
    };
  });
});

function builtSite(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pf-int-'));
  mkdirSync(path.join(dir, 'search'));
  writeFileSync(
    path.join(dir, 'search', 'index.html'),
    '<html><head><title>Search</title></head><body><div data-search data-index-version=""></div></body></html>',
  );
  return dir;
}

describe('Pagefind integration', () => {
  it('indexes the full text of the folder Astro built, then a titles index in smaller files, and writes both inside it', async () => {
    const dir = builtSite();
    await buildSearchIndex(dir, { help: HELP, language: 'en-US' }, undefined, logger);
    expect(calls).toEqual([
      'close',
      `createIndex ${JSON.stringify({ excludeSelectors: DEFAULT_EXCLUDE_SELECTORS })}`,
      `addDirectory ${dir}`,
      'addHTMLFile /#helpline',
      `writeFiles ${path.join(dir, 'pagefind', 'text')}`,
      'close',
      'close',
      'createIndex {}',
      'addHTMLFile /articles/baclofen-withdrawal/',
      'addHTMLFile /#helpline',
      `writeFiles ${path.join(dir, 'pagefind')}`,
      'close',
      'close',
    ]);
    // Pagefind reads its chunk size when its service starts: set for each index, then restored.
    expect(chunkSizeAtCreate).toEqual([String(TEXT_INDEX_CHUNK_SIZE), String(TITLES_INDEX_CHUNK_SIZE)]);
    expect(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBeUndefined();
    expect(logger.info).toHaveBeenCalledWith(expect.stringMatching(/^Scanned 12 pages .* in \d+ ms$/));
  });

  it('makes each titles page from the full page: title, description and aliases as metadata, headings with ids, filters, sort', async () => {
    const dir = builtSite();
    await buildSearchIndex(dir, { language: 'en-US' }, fake);
    const html = added.find((page) => page.url === '/articles/baclofen-withdrawal/')!.content;
    expect(html).toContain('<html lang="en-US">');
    expect(html).toContain(
      '<body data-pagefind-body><h2 id="why-stopping-is-dangerous">Why stopping is dangerous</h2><h3 id="pump">If you have a &lt;pump&gt;</h3>',
    );
    expect(html).toContain('<span data-pagefind-meta="title">Baclofen withdrawal: timeline and safe tapering</span>');
    expect(html).toContain(
      '<span data-pagefind-meta="description">Stopping baclofen all at once can cause seizures.</span>',
    );
    expect(html).toContain('<span data-pagefind-meta="aliases">Lioresal</span>');
    expect(html).toContain('<span data-pagefind-filter="reviewer">Dr. Rowan Example, MD</span>');
    expect(html).toContain('<span data-pagefind-sort="last_reviewed">2026-10-14</span>');
    // Image alt text is not what the page is about: it stays out of the titles index.
    expect(html).not.toContain('Sunrise');
  });

  it('writes the vocabulary (indexed words with the pages that have them, synonyms the index lacks with 0), one file per letter', async () => {
    const dir = builtSite();
    const result = await buildSearchIndex(dir, { synonyms: [{ term: 'baclofen', aliases: ['Ozobax'] }] }, fake);
    const b = readFileSync(path.join(dir, 'pagefind', 'vocabulary', 'b.txt'), 'utf8');
    // Counts are pages: the article and the helpline record were indexed.
    expect(b).toMatch(/^#pages 2\n/);
    expect(b).toMatch(/^baclofen 1$/m);
    expect(readFileSync(path.join(dir, 'pagefind', 'vocabulary', 'o.txt'), 'utf8')).toBe('#pages 2\nozobax 0\n');
    expect(readFileSync(path.join(dir, 'pagefind', 'vocabulary', 'q.txt'), 'utf8')).toBe('#pages 2\n');
    expect(readFileSync(path.join(dir, 'pagefind', 'vocabulary', 's.txt'), 'utf8')).not.toMatch(/^sunrise/m);
    expect(result.vocabularyWords).toBeGreaterThan(5);
  });

  it('deploys only what the search page loads, and tells the search page the index version with preload links', async () => {
    const dir = builtSite();
    const { version } = await buildSearchIndex(dir, {}, fake);
    const bundle = readdirSync(path.join(dir, 'pagefind')).sort();
    expect(bundle).toEqual([
      'fragment',
      'index',
      'pagefind-entry.json',
      'pagefind.en-us_titleshash.pf_meta',
      'pagefind.js',
      'text',
      'vocabulary',
      'wasm.en-us.pagefind',
    ]);
    expect(readdirSync(path.join(dir, 'pagefind', 'text')).sort()).toEqual([
      'fragment',
      'index',
      'pagefind-entry.json',
      'pagefind.en-us_texthash.pf_meta',
    ]);
    expect(version).toBe('titleshash-texthash');
    const page = readFileSync(path.join(dir, 'search', 'index.html'), 'utf8');
    expect(page).toContain('data-index-version="titleshash-texthash"');
    expect(page).toContain(
      '<link rel="preload" href="/pagefind/pagefind-entry.json?ts=titleshash-texthash" as="fetch" crossorigin>',
    );
    expect(page).toContain(
      '<link rel="preload" href="/pagefind/pagefind.en-us_titleshash.pf_meta" as="fetch" crossorigin>',
    );
    expect(page).toContain('<link rel="modulepreload" href="/pagefind/pagefind.js">');
  });

  it('leaves a page without the search placeholder alone', () => {
    const entry = { version: '1.6.0', languages: {} };
    expect(injectSearchPage('<head></head>', '/pagefind/', 'v', entry)).toBe('<head></head>');
  });

  it('keeps repeated page furniture, sources and the takeaways heading out of the index', () => {
    for (const selector of ['.toc', '.helpline-box', '.disclaimer', '.byline', '.sources', '.key-takeaways__heading'])
      expect(DEFAULT_EXCLUDE_SELECTORS).toContain(selector);
  });

  it('fails the build, and still stops the Pagefind service, when indexing reports errors', async () => {
    fake.addDirectory.mockResolvedValueOnce({ errors: ['bad HTML in x.html'], page_count: 0 });
    await expect(buildSearchIndex('/site', {}, fake)).rejects.toThrow(/addDirectory failed:\n {2}bad HTML in x.html/);
    expect(calls.at(-1)).toBe('close');
    expect(fake.writeFiles).not.toHaveBeenCalled();
    expect(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBeUndefined();
  });

  it('fails the build when there is nothing to index', async () => {
    fake.addDirectory.mockResolvedValueOnce({ errors: [], page_count: 0 });
    await expect(buildSearchIndex('/site', {}, fake)).rejects.toThrow(/no HTML pages/);
  });

  it('fails the build when createIndex, addHTMLFile or writeFiles report errors', async () => {
    fake.createIndex.mockResolvedValueOnce({ errors: ['service died'] });
    await expect(buildSearchIndex('/site', {}, fake)).rejects.toThrow(/createIndex failed/);
    fake.writeFiles.mockResolvedValueOnce({ errors: ['disk full'], outputPath: '' });
    await expect(buildSearchIndex(builtSite(), {}, fake)).rejects.toThrow(/writeFiles failed:\n {2}disk full/);
    fake.addHTMLFile.mockResolvedValueOnce({ errors: ['no body'], file: {} });
    await expect(buildSearchIndex(builtSite(), { help: HELP }, fake)).rejects.toThrow(
      /addHTMLFile \(\/#helpline\) failed/,
    );
  });
});

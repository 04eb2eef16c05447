// Builds the search indexes at the end of `astro build` (called by site-build.ts), the way Starlight does: through Pagefind's
// Node API, over the folder Astro just wrote (`dir`, which `npm run build` points at a temporary
// folder, so never assume dist/). It writes, under <dir>/pagefind/:
// - text/: the full text of every article (the article page marks its <article> with
//   data-pagefind-body and carries the filter, meta and sort attributes), plus the helpline record;
// - the "titles" index at the top of the bundle, with Pagefind's engine: per article the title,
//   description, aliases and section headings (src/lib/search/index-pages.ts). The search page asks
//   it first: a first query then downloads a few KiB of index instead of the posting lists of the
//   whole text, which grow with every article (docs/benchmarks.md, "Search");
// - vocabulary/<letter>.txt: every indexed word with its count, for typo correction;
// and adds preload links and the index version to /search/ (see injectSearchPage).

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegrationLogger } from 'astro';
import {
  HELPLINE_URL,
  type HelpNumbers,
  helplineRecordHtml,
  type IndexedPage,
  titlesPageHtml,
  vocabularyFor,
} from '../lib/search/index-pages.ts';
import { phrase, type SynonymGroup } from '../lib/search/synonyms.ts';
import { serializeVocabulary } from '../lib/search/vocabulary.ts';

/** Parts of an article that repeat on every page or only restate page furniture: kept out of the index. */
export const DEFAULT_EXCLUDE_SELECTORS = [
  '.toc', // the table of contents repeats the H2s, which are indexed where they stand
  '.byline', // reviewer and date are shown with each result, not text to match
  '.helpline-box', // the same call to action on every page: the helpline is one record of its own instead
  '.disclaimer',
  '.review-dates',
  '.review-due-notice', // the "review due" banner (shown by script when a review lapses)
  '.sources', // titles of cited papers ("Opioid withdrawal (StatPearls)") would match like the article's own words
  '.key-takeaways__heading', // the takeaways are indexed, but their heading does not spend a section link
];

/** Where the full-text index goes, inside the bundle. */
export const TEXT_SUBDIR = 'text';
/** Where the vocabulary shards go, inside the bundle. */
export const VOCABULARY_SUBDIR = 'vocabulary';

/**
 * Index entries per file of the titles index. Pagefind's default (20,000) puts the headings of
 * hundreds of articles in one file, so a query fetched ~30 KiB per word at 1,000 articles; at
 * 2,000 it fetches 2–6 KiB (measured, docs/benchmarks.md). Pagefind reads it from this environment
 * variable, marked unstable: if a release drops it, search still works with bigger files.
 */
export const TITLES_INDEX_CHUNK_SIZE = 2000;
/**
 * The same for the full text, searched for rarer words: at the default a query for one rare
 * word fetched a 35 KiB file; at 5,000 a file is a quarter of that, for a metadata file that grows
 * by ~15 KiB at 5,000 articles (docs/benchmarks.md).
 */
export const TEXT_INDEX_CHUNK_SIZE = 5000;
const CHUNK_SIZE_VARIABLE = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

/** Pagefind files the search page never loads (it uses pagefind.js without a worker and its own markup). */
export const UNUSED_BUNDLE_FILES = [
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
  'pagefind-worker.js',
];

export interface PagefindOptions {
  /** Where the bundle goes, relative to the built site. Changing it also means changing /search/. */
  outputSubdir?: string;
  /** Extra CSS selectors to keep out of the index (added to DEFAULT_EXCLUDE_SELECTORS). */
  excludeSelectors?: string[];
  /** Index the whole site as this language (ISO 639-1). Our pages all declare one; left unset. */
  forceLanguage?: string;
  /** The site's language (settings `locale`, like en-US): the records the build adds must join the pages' index. */
  language?: string;
  /** Search synonyms from site settings: their words join the vocabulary typos are corrected to. */
  synonyms?: SynonymGroup[];
  /** The helpline, crisis line and emergency number from site settings: indexed as one record. */
  help?: HelpNumbers;
}

/** The part of Pagefind's Node API we use; tests pass a fake. */
export type PagefindApi = Pick<typeof import('pagefind'), 'createIndex' | 'close'>;
type NewIndex = NonNullable<Awaited<ReturnType<PagefindApi['createIndex']>>['index']>;

export interface IndexResult {
  pageCount: number;
  outputPath: string;
  /** Changes whenever either index changes: Pagefind's metaCacheTag and the vocabulary's ?v=. */
  version: string;
  vocabularyWords: number;
}

interface EntryFile {
  version: string;
  languages: Record<string, { hash: string; wasm?: string; page_count: number }>;
}

function failure(step: string, errors: string[]): Error {
  return new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

async function newIndex(pagefind: PagefindApi, config: Parameters<PagefindApi['createIndex']>[0]): Promise<NewIndex> {
  const { index, errors } = await pagefind.createIndex(config);
  if (!index || errors.length) throw failure('createIndex', errors.length ? errors : ['no index returned']);
  return index;
}

async function write(index: NewIndex, outputPath: string): Promise<void> {
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw failure('writeFiles', written.errors);
}

async function add(index: NewIndex, url: string, content: string): Promise<void> {
  const added = await index.addHTMLFile({ url, content });
  if (added.errors.length) throw failure(`addHTMLFile (${url})`, added.errors);
}

const readEntry = (bundle: string): EntryFile =>
  JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as EntryFile;

/** Pagefind's fragment files: gzip, a 12-byte signature, then JSON. */
export function readFragments(bundle: string): IndexedPage[] {
  const dir = path.join(bundle, 'fragment');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.pf_fragment'))
    .sort()
    .map((name) => {
      const bytes = gunzipSync(readFileSync(path.join(dir, name)));
      return JSON.parse(bytes.subarray('pagefind_dcd'.length).toString('utf8')) as IndexedPage;
    });
}

/** Runs `work` with Pagefind's service started fresh under `env` (it reads its settings when it starts). */
async function withServiceEnv<T>(pagefind: PagefindApi, env: Record<string, string>, work: () => Promise<T>) {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  await pagefind.close();
  Object.assign(process.env, env);
  try {
    return await work();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await pagefind.close();
  }
}

/**
 * The search page learns from the build what it could not know when it was rendered (the index is
 * written after the pages): the index version, and preload links for the engine and the titles
 * index, so a first query does not wait for one file before asking for the next.
 */
export function injectSearchPage(html: string, bundleUrl: string, version: string, entry: EntryFile): string {
  const language = Object.values(entry.languages)[0];
  if (!language) return html;
  const fetchPreload = (href: string) => `<link rel="preload" href="${href}" as="fetch" crossorigin>`;
  const links = [
    `<link rel="modulepreload" href="${bundleUrl}pagefind.js">`,
    fetchPreload(`${bundleUrl}pagefind-entry.json?ts=${version}`),
    fetchPreload(`${bundleUrl}pagefind.${language.hash}.pf_meta`),
    fetchPreload(`${bundleUrl}wasm.${language.wasm ?? 'unknown'}.pagefind`),
  ].join('');
  return html.replace('data-index-version=""', `data-index-version="${version}"`).replace('</head>', `${links}</head>`);
}

/**
 * Indexes the built site in `siteDir` and writes the bundle to `<siteDir>/<outputSubdir>`.
 * Throws (failing the build) when Pagefind reports errors or finds no page to index: a site
 * whose search silently returns nothing is worse than a failed build.
 */
export async function buildSearchIndex(
  siteDir: string,
  options: PagefindOptions = {},
  api?: PagefindApi,
  logger?: Pick<AstroIntegrationLogger, 'info' | 'warn'>,
): Promise<IndexResult> {
  const started = performance.now();
  const pagefind = api ?? (await import('pagefind'));
  const subdir = options.outputSubdir ?? 'pagefind';
  const outputPath = path.join(siteDir, subdir);
  const textPath = path.join(outputPath, TEXT_SUBDIR);
  const synonyms = options.synonyms ?? [];
  const helplineAliases = synonyms
    .filter((group) => phrase(group.term) === 'helpline')
    .flatMap((group) => group.aliases);
  try {
    // 1. The full text, from the built pages.
    const language = options.forceLanguage ?? options.language ?? 'en';
    const added = await withServiceEnv(pagefind, { [CHUNK_SIZE_VARIABLE]: String(TEXT_INDEX_CHUNK_SIZE) }, async () => {
      const text = await newIndex(pagefind, {
        excludeSelectors: [...DEFAULT_EXCLUDE_SELECTORS, ...(options.excludeSelectors ?? [])],
        ...(options.forceLanguage ? { forceLanguage: options.forceLanguage } : {}),
      });
      const scanned = await text.addDirectory({ path: siteDir });
      if (scanned.errors.length) throw failure('addDirectory', scanned.errors);
      if (scanned.page_count === 0) throw new Error(`Pagefind found no HTML pages in ${siteDir}.`);
      if (options.help) await add(text, HELPLINE_URL, helplineRecordHtml(options.help, language, helplineAliases));
      await write(text, textPath);
      return scanned;
    });
    const textEntry = readEntry(textPath);
    const pages = readFragments(textPath);
    const articles = pages.filter((page) => page.url !== HELPLINE_URL);

    // 2. The titles index, made from what Pagefind kept of each page, in smaller files.
    await withServiceEnv(pagefind, { [CHUNK_SIZE_VARIABLE]: String(TITLES_INDEX_CHUNK_SIZE) }, async () => {
      const titles = await newIndex(pagefind, options.forceLanguage ? { forceLanguage: options.forceLanguage } : {});
      for (const page of articles) await add(titles, page.url, titlesPageHtml(page, language));
      if (options.help) await add(titles, HELPLINE_URL, helplineRecordHtml(options.help, language, helplineAliases));
      await write(titles, outputPath);
    });
    const titlesEntry = readEntry(outputPath);

    // 3. The vocabulary, one file per first letter.
    const counts = vocabularyFor(
      pages,
      synonyms.flatMap((group) => [group.term, ...group.aliases]),
    );
    const vocabularyPath = path.join(outputPath, VOCABULARY_SUBDIR);
    rmSync(vocabularyPath, { recursive: true, force: true });
    mkdirSync(vocabularyPath, { recursive: true });
    for (const [key, body] of serializeVocabulary(counts, pages.length))
      writeFileSync(path.join(vocabularyPath, `${key}.txt`), body);

    // 4. Only what the search page uses is deployed (and precached by the service worker).
    for (const name of UNUSED_BUNDLE_FILES) rmSync(path.join(outputPath, name), { force: true });
    const wasmInUse = new Set(Object.values(titlesEntry.languages).map((l) => `wasm.${l.wasm ?? 'unknown'}.pagefind`));
    for (const name of readdirSync(outputPath))
      if (/^wasm\..+\.pagefind$/.test(name) && !wasmInUse.has(name)) rmSync(path.join(outputPath, name));
    // The text index is merged into the engine loaded from the top of the bundle: it needs no engine of its own.
    for (const name of readdirSync(textPath))
      if (!/^(pagefind-entry\.json|.*\.pf_meta|index|filter|fragment)$/.test(name))
        rmSync(path.join(textPath, name), { recursive: true, force: true });

    const version = [...Object.values(titlesEntry.languages), ...Object.values(textEntry.languages)]
      .map((l) => l.hash.replace(/^.*_/, ''))
      .join('-');
    const searchPage = path.join(siteDir, 'search', 'index.html');
    if (existsSync(searchPage))
      writeFileSync(
        searchPage,
        injectSearchPage(readFileSync(searchPage, 'utf8'), `/${subdir}/`, version, titlesEntry),
      );

    // The time is read by `npm run bench` (scripts/bench.ts).
    logger?.info(
      `Scanned ${added.page_count} pages (only data-pagefind-body pages are indexed); ${articles.length} in the text and titles indexes, ${counts.size} words in the vocabulary, in ${path.relative(siteDir, outputPath) || '.'}/ in ${Math.round(performance.now() - started)} ms`,
    );
    return { pageCount: added.page_count, outputPath, version, vocabularyWords: counts.size };
  } finally {
    // The Node API runs the Pagefind binary as a service; leaving it up keeps the build process alive.
    await pagefind.close();
  }
}

// Writes /sw.js and the whole-site file list at the end of `astro build`, called by site-build.ts
// AFTER the search index: the index is part of what is precached or saved, and revisions are
// hashes of the files as they are on disk.
//
// The worker itself is src/client/offline/service-worker.ts (pages network first, content-hashed
// files from any cache, the offline page as a last resort). This step decides, from the
// size of the built site, what it precaches (issue 14: the default works at any size):
// - the site shell and the search engine, always (the build fails if that alone is over budget);
// - every page and the whole search index as well, when all of it fits the same budget (a small site
//   then reads offline with nothing for the reader to do);
// - otherwise the reader may save the whole site from the "Read offline" control, which downloads the
//   list written to /offline/files.json (its size is in /offline/summary.json).
// Files are listed and hashed with workbox-build's getManifest; the worker is bundled with esbuild.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { ManifestEntry } from 'workbox-build';
import {
  FILES_URL,
  type OfflineFile,
  type OfflineFileList,
  type OfflineMode,
  type OfflineSummary,
  type ServiceWorkerConfig,
  SUMMARY_URL,
  urlOfFile,
} from '../client/offline/protocol.ts';
import { TEXT_SUBDIR, VOCABULARY_SUBDIR } from './pagefind.ts';

/** 1.5 MiB: what every first visit downloads in the background. See docs/benchmarks.md. */
export const DEFAULT_PRECACHE_BUDGET_BYTES = 1.5 * 1024 * 1024;

/** The pages in the header and footer, search and the offline page: precached on install. */
export const SHELL_PAGES = [
  'index.html',
  'search/index.html',
  'offline/index.html',
  'a-z/index.html',
  'categories/index.html',
  'editorial-policy/index.html',
  'about/index.html',
];

/**
 * The whole-site copy: every page a reader may open, styles, scripts and pictures, and the search engine
 * with its whole index (not Pagefind's other UI bundles, which no page loads).
 */
export function wholeSiteGlobs(siteDir: string, bundle = 'pagefind'): string[] {
  return [
    '**/*.html',
    '_astro/**/*',
    'favicon.svg',
    ...searchEngineGlobs(siteDir, bundle),
    ...searchIndexGlobs(bundle),
  ];
}
/** Left out of it: the CMS, the editors' dashboard (noindex, one page per filter), the 404 page, the worker. */
export const WHOLE_SITE_IGNORES = ['admin/**', 'reviews/**', '404.html', 'sw.js', 'offline/*.json'];

/** Content-hashed names: no revision needed (their name changes with their content). */
export const HASHED_NAME = /^_astro\/|^pagefind\/.+\.pf_(?:meta|index|filter|fragment)$/;

export interface ServiceWorkerOptions {
  /** The precache must fit this; a site whose whole copy fits it is precached whole. */
  budgetBytes?: number;
  /** How long a page waits for the network before a cached copy is shown (seconds). */
  pageTimeoutSeconds?: number;
  /** Most content-hashed files (search chunks, pictures) kept from reading, beyond the precache and the saved copy. */
  maxAssets?: number;
  /** The project root (where src/client/offline/service-worker.ts is). Default: the current folder. */
  root?: string;
}

export interface ServiceWorkerResult {
  mode: OfflineMode;
  /** The precache. */
  count: number;
  size: number;
  /** The whole-site copy. */
  wholeCount: number;
  wholeSize: number;
  budgetBytes: number;
  swPath: string;
  warnings: string[];
}

type SizedEntry = ManifestEntry & { size: number };

/**
 * The search engine a query needs before any index chunk: the loader and language wasm, and for both
 * indexes (the titles index at the top of the bundle, the full text under text/: src/integrations/pagefind.ts)
 * the entry and metadata files, plus the vocabulary the search page corrects typos with.
 */
export function searchEngineGlobs(siteDir: string, bundle = 'pagefind'): string[] {
  const entryFile = path.join(siteDir, bundle, 'pagefind-entry.json');
  if (!existsSync(entryFile)) {
    throw new Error(
      `${path.join(bundle, 'pagefind-entry.json')} is missing: list the Pagefind integration before the service worker in astro.config.mjs.`,
    );
  }
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { wasm?: string }> };
  const wasm = [...new Set(Object.values(entry.languages).map((language) => language.wasm ?? 'unknown'))];
  const entryAndMeta = (dir: string) => [`${dir}/pagefind-entry.json`, `${dir}/*.pf_meta`];
  return [
    `${bundle}/pagefind.js`,
    ...wasm.map((name) => `${bundle}/wasm.${name}.pagefind`),
    ...entryAndMeta(bundle),
    ...entryAndMeta(`${bundle}/${TEXT_SUBDIR}`),
    `${bundle}/${VOCABULARY_SUBDIR}/*.txt`,
  ];
}

/** The index chunks of both indexes: downloaded per query online, saved with the whole site. */
export function searchIndexGlobs(bundle = 'pagefind'): string[] {
  return [bundle, `${bundle}/${TEXT_SUBDIR}`].flatMap((dir) => [
    `${dir}/index/*.pf_index`,
    `${dir}/filter/*.pf_filter`,
    `${dir}/fragment/*.pf_fragment`,
  ]);
}

/** The site shell: its pages, every style and script, the icon, the search engine and the offline summary. */
export function shellGlobs(siteDir: string): string[] {
  return [...SHELL_PAGES, '_astro/*.{css,js}', 'favicon.svg', ...searchEngineGlobs(siteDir), SUMMARY_URL.slice(1)];
}

/**
 * What to precache: the whole site when it fits the budget, else the shell. Throws when even the
 * shell does not fit, naming what is in it, because a first visit would download it all.
 */
export function choosePrecache(
  shell: readonly SizedEntry[],
  whole: readonly SizedEntry[],
  budgetBytes: number,
): { mode: OfflineMode; entries: SizedEntry[]; size: number } {
  const size = (entries: readonly SizedEntry[]) => entries.reduce((sum, entry) => sum + entry.size, 0);
  const union = [...new Map([...shell, ...whole].map((entry) => [entry.url, entry])).values()];
  if (size(union) <= budgetBytes) return { mode: 'everything', entries: union, size: size(union) };
  if (size(shell) > budgetBytes) {
    const biggest = [...shell]
      .sort((a, b) => b.size - a.size)
      .slice(0, 5)
      .map((entry) => `${entry.url} (${Math.round(entry.size / 1024)} KiB)`)
      .join(', ');
    throw new Error(
      `The service worker's shell is ${Math.round(size(shell) / 1024)} KiB, over the ${Math.round(budgetBytes / 1024)} KiB precache budget ` +
        `(largest: ${biggest}). Make those files smaller, or raise budgetBytes in astro.config.mjs and update docs/benchmarks.md.`,
    );
  }
  return { mode: 'shell', entries: [...shell], size: size(shell) };
}

/** A short content version of the whole-site copy: changes when any of its files does. */
export function siteVersion(entries: readonly ManifestEntry[]): string {
  const hash = createHash('sha256');
  for (const entry of [...entries].sort((a, b) => a.url.localeCompare(b.url)))
    hash.update(`${entry.url} ${entry.revision ?? ''}\n`);
  return hash.digest('hex').slice(0, 16);
}

async function listFiles(siteDir: string, globPatterns: string[], globIgnores: string[]) {
  // getManifest alone: workbox-build's index also loads its service-worker generators (0.6 s of CPU).
  const { getManifest } = (await import('workbox-build/build/get-manifest.js')) as Pick<
    typeof import('workbox-build'),
    'getManifest'
  >;
  let sized: SizedEntry[] = [];
  const { warnings } = await getManifest({
    globDirectory: siteDir,
    globPatterns,
    globIgnores,
    // Every file is listed, however large: the budget, not a per-file cap, decides what is precached.
    maximumFileSizeToCacheInBytes: Number.MAX_SAFE_INTEGER,
    dontCacheBustURLsMatching: HASHED_NAME,
    // The only way getManifest hands out each file's size; revisions shortened to 12 hex digits.
    manifestTransforms: [
      async (entries) => {
        sized = entries.map((entry) => ({
          url: urlOfFile(entry.url),
          revision: entry.revision ? entry.revision.slice(0, 12) : null,
          size: entry.size,
        }));
        return { manifest: entries };
      },
    ],
  });
  // An engine or UI file Pagefind did not write this time is not an error.
  return { entries: sized, warnings: warnings.filter((warning) => !/didn't match any files/.test(warning)) };
}

async function bundleWorker(root: string, config: ServiceWorkerConfig): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path.join(root, 'src/client/offline/service-worker.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
    // One readable line at the top: this build's configuration (what it precaches, the timeout).
    banner: {
      js: `// Generated by src/integrations/service-worker.ts from src/client/offline/service-worker.ts.\nconst __SERVICE_WORKER_CONFIG__ = ${JSON.stringify(config)};`,
    },
  });
  return result.outputFiles[0].text;
}

export async function buildServiceWorker(
  siteDir: string,
  options: ServiceWorkerOptions = {},
  logger?: Pick<AstroIntegrationLogger, 'info' | 'warn'>,
): Promise<ServiceWorkerResult> {
  if (!existsSync(path.join(siteDir, 'offline/index.html')))
    throw new Error('The offline page offline/index.html was not built.');
  const budgetBytes = options.budgetBytes ?? DEFAULT_PRECACHE_BUDGET_BYTES;

  const whole = await listFiles(siteDir, wholeSiteGlobs(siteDir), WHOLE_SITE_IGNORES);
  const version = siteVersion(whole.entries);
  const wholeSize = whole.entries.reduce((sum, entry) => sum + entry.size, 0);
  const articles = whole.entries.filter((entry) => /^\/articles\/[^/]+\/$/.test(entry.url)).length;

  // The summary is part of the shell (the control can still say what is saved while offline), so it is
  // written first; its mode is only known once the shell is measured, so it is written again if it differs.
  const summaryFile = path.join(siteDir, SUMMARY_URL.slice(1));
  mkdirSync(path.dirname(summaryFile), { recursive: true });
  const writeSummary = (mode: OfflineMode) => {
    const summary: OfflineSummary = { version, mode, bytes: wholeSize, files: whole.entries.length, articles };
    writeFileSync(summaryFile, JSON.stringify(summary));
  };
  writeSummary('shell');
  let shell = await listFiles(siteDir, shellGlobs(siteDir), ['sw.js']);
  const plan = choosePrecache(shell.entries, whole.entries, budgetBytes);
  if (plan.mode === 'everything') {
    writeSummary('everything');
    shell = await listFiles(siteDir, shellGlobs(siteDir), ['sw.js']);
    plan.entries = [...new Map([...shell.entries, ...whole.entries].map((entry) => [entry.url, entry])).values()];
  }

  const list: OfflineFileList = {
    version,
    files: whole.entries.map((entry): OfflineFile => [entry.url, entry.revision ?? null, entry.size]),
  };
  writeFileSync(path.join(siteDir, FILES_URL.slice(1)), JSON.stringify(list));

  const config: ServiceWorkerConfig = {
    version,
    mode: plan.mode,
    precache: plan.entries.map((entry) => [entry.url, entry.revision ?? null]),
    pageTimeoutMs: (options.pageTimeoutSeconds ?? 3) * 1000,
    maxAssets: options.maxAssets ?? 1000,
  };
  const swPath = path.join(siteDir, 'sw.js');
  writeFileSync(swPath, await bundleWorker(options.root ?? process.cwd(), config));

  const warnings = [...whole.warnings, ...shell.warnings];
  for (const warning of warnings) logger?.warn(warning);
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  logger?.info(
    plan.mode === 'everything'
      ? `sw.js precaches the whole site: ${plan.entries.length} files, ${kib(plan.size)} of the ${kib(budgetBytes)} budget.`
      : `sw.js precaches the shell and search engine: ${plan.entries.length} files, ${kib(plan.size)} of the ${kib(budgetBytes)} budget; ` +
          `readers may save the whole site (${whole.entries.length} files, ${kib(wholeSize)}).`,
  );
  return {
    mode: plan.mode,
    count: plan.entries.length,
    size: plan.size,
    wholeCount: whole.entries.length,
    wholeSize,
    budgetBytes,
    swPath,
    warnings,
  };
}

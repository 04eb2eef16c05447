// Writes /sw.js with workbox-build's generateSW at the end of `astro build`. It must run AFTER the
// Pagefind integration (list it later in astro.config.mjs): the search index is part of what the
// worker precaches, and the precache revisions are hashes of the files as they are on disk.
//
// What the worker does (README "Search and offline" explains it for readers):
// - precaches the site shell, every article page and the whole search bundle, and fails the build
//   if that set grows past the size budget;
// - caches other pages as they are visited (network first, so an online reader always gets the
//   latest reviewed text), and serves /offline/ for a page that was never opened;
// - ignores query strings when matching the precache: every file is static, and Pagefind asks for
//   pagefind-entry.json?ts=<time> to dodge HTTP caches, which would otherwise miss the cached copy;
// - on a new deploy, installs the new precache beside the old one and switches only when no tab
//   still uses the old one (no skipWaiting), then deletes old entries: no page ever mixes an old
//   search index with new pages.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { GenerateSWOptions } from 'workbox-build';

/** 1.5 MiB. Today's precache is well under half of it; see docs/benchmarks.md. */
export const DEFAULT_PRECACHE_BUDGET_BYTES = 1.5 * 1024 * 1024;

/** HTML precached on install: the pages in the header and footer, search, the offline page and every article. */
export const DEFAULT_PRECACHE_PAGES = [
  'index.html',
  'search/index.html',
  'offline/index.html',
  'a-z/index.html',
  'categories/index.html',
  'editorial-policy/index.html',
  'about/index.html',
  'articles/*/index.html',
];

/**
 * For sites too big to precache every article and the whole index (a few hundred articles or more;
 * docs/benchmarks.md, "Scale"): the shell pages and the search engine only, leaving out every page
 * whose size grows with the number of articles (articles, and the A–Z list: 600 KB at 5,000).
 * Those are still cached when read; search then needs the network. astro.config.mjs uses this
 * when SW_PRECACHE=shell.
 */
export const SHELL_ONLY_OPTIONS: ServiceWorkerOptions = {
  precachePages: DEFAULT_PRECACHE_PAGES.filter((page) => !page.startsWith('articles/') && !page.startsWith('a-z/')),
  precacheSearchIndex: false,
};

export interface ServiceWorkerOptions {
  /** Globs (relative to the built site) of HTML pages to precache. */
  precachePages?: string[];
  /** Precache the search index (metadata, index, filter and fragment chunks) as well as the engine. Default true. */
  precacheSearchIndex?: boolean;
  /** The build fails when the precache is larger than this. */
  budgetBytes?: number;
  /** The page served for a navigation that is neither cached nor reachable. Must be precached. */
  offlinePage?: string;
  /** Cache name prefix; changing it abandons every cache readers have. */
  cacheId?: string;
}

export interface ServiceWorkerResult {
  count: number;
  size: number;
  budgetBytes: number;
  swPath: string;
  warnings: string[];
}

/**
 * The files a search needs: the engine (loader and language wasm), then, with the index, the titles
 * index, the full-text index (text/) and the vocabulary (src/integrations/pagefind.ts).
 */
export function pagefindPrecacheGlobs(siteDir: string, bundle = 'pagefind', withIndex = true): string[] {
  const entryFile = path.join(siteDir, bundle, 'pagefind-entry.json');
  if (!existsSync(entryFile)) {
    throw new Error(
      `${path.join(bundle, 'pagefind-entry.json')} is missing: list the Pagefind integration before the service worker in astro.config.mjs.`,
    );
  }
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { wasm?: string }> };
  const wasm = [...new Set(Object.values(entry.languages).map((language) => language.wasm ?? 'unknown'))];
  const engine = [`${bundle}/pagefind.js`, ...wasm.map((name) => `${bundle}/wasm.${name}.pagefind`)];
  if (!withIndex) return engine;
  const index = (dir: string) => [
    `${dir}/pagefind-entry.json`,
    `${dir}/*.pf_meta`,
    `${dir}/index/*.pf_index`,
    `${dir}/filter/*.pf_filter`,
    `${dir}/fragment/*.pf_fragment`,
  ];
  return [...engine, ...index(bundle), ...index(`${bundle}/text`), `${bundle}/vocabulary/*.txt`];
}

/** The generateSW configuration; exported so tests can check it without writing files. */
export function serviceWorkerConfig(siteDir: string, options: ServiceWorkerOptions = {}): GenerateSWOptions {
  const cacheId = options.cacheId ?? 'steady-ground';
  const offlinePage = options.offlinePage ?? 'offline/index.html';
  const pages = options.precachePages ?? DEFAULT_PRECACHE_PAGES;
  return {
    globDirectory: siteDir,
    swDest: path.join(siteDir, 'sw.js'),
    // SVG illustrations are a few KiB each, so articles read complete offline; photos are cached on view.
    globPatterns: [
      ...pages,
      offlinePage,
      '_astro/*.{css,js,svg}',
      'favicon.svg',
      ...pagefindPrecacheGlobs(siteDir, 'pagefind', options.precacheSearchIndex ?? true),
    ],
    globIgnores: ['sw.js', 'admin/**'],
    // Hashed file names never change content: no revision needed (and no ?__WB_REVISION__ fetch).
    dontCacheBustURLsMatching: /^_astro\/|\.pf_(?:index|filter|fragment|meta)$/,
    maximumFileSizeToCacheInBytes: 1024 * 1024,
    // Every file is static, so no query parameter changes what the server sends. Ignoring them all
    // lets Pagefind's cache-busting pagefind-entry.json?ts=... and /search/?q=... hit the precache.
    ignoreURLParametersMatching: [/.*/],
    directoryIndex: 'index.html',
    cacheId,
    cleanupOutdatedCaches: true,
    // Take control of open pages on first install, so the page a reader is on works offline at once.
    clientsClaim: true,
    // No skipWaiting: an update waits until no tab uses the old worker (see the comment at the top).
    skipWaiting: false,
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    runtimeCaching: [
      {
        // Pages not in the precache: network first (fresh reviewed text), the cached copy offline,
        // the offline page when neither is available. The CMS under /admin/ is left alone.
        urlPattern: ({ request, url }) => request.mode === 'navigate' && !url.pathname.startsWith('/admin/'),
        handler: 'NetworkFirst',
        options: {
          cacheName: `${cacheId}-pages`,
          networkTimeoutSeconds: 5,
          expiration: { maxEntries: 100, purgeOnQuotaError: true },
          precacheFallback: { fallbackURL: `/${offlinePage}` },
        },
      },
      {
        // Article pictures: hashed names, so the first copy stays right. Kept to a bounded number.
        urlPattern: ({ request, sameOrigin }) => sameOrigin && request.destination === 'image',
        handler: 'CacheFirst',
        options: {
          cacheName: `${cacheId}-images`,
          expiration: { maxEntries: 80, maxAgeSeconds: 60 * 60 * 24 * 60, purgeOnQuotaError: true },
        },
      },
    ],
  };
}

export async function buildServiceWorker(
  siteDir: string,
  options: ServiceWorkerOptions = {},
  logger?: Pick<AstroIntegrationLogger, 'info' | 'warn'>,
): Promise<ServiceWorkerResult> {
  const { generateSW } = await import('workbox-build');
  const config = serviceWorkerConfig(siteDir, options);
  const offlinePage = options.offlinePage ?? 'offline/index.html';
  if (!existsSync(path.join(siteDir, offlinePage))) throw new Error(`The offline page ${offlinePage} was not built.`);
  const budgetBytes = options.budgetBytes ?? DEFAULT_PRECACHE_BUDGET_BYTES;
  const { count, size, warnings } = await generateSW(config);
  for (const warning of warnings) logger?.warn(warning);
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  if (size > budgetBytes) {
    throw new Error(
      `The service worker would precache ${kib(size)} in ${count} files, over the ${kib(budgetBytes)} budget. ` +
        'Precache fewer pages (precachePages in astro.config.mjs: visited pages are still cached) or raise budgetBytes and update docs/benchmarks.md.',
    );
  }
  logger?.info(`sw.js precaches ${count} files, ${kib(size)} of the ${kib(budgetBytes)} budget.`);
  return { count, size, budgetBytes, swPath: config.swDest, warnings };
}

export default function serviceWorkerIntegration(options: ServiceWorkerOptions = {}): AstroIntegration {
  return {
    name: 'steady-ground:service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildServiceWorker(path.resolve(fileURLToPath(dir)), options, logger);
      },
    },
  };
}

// What the service worker (src/client/offline/service-worker.ts), the page scripts (offline-save.ts,
// page-updates.ts) and the build (src/integrations/service-worker.ts) agree on: cache names, the
// files the build writes, and small pure helpers. Imports nothing, so it runs in all three places.

/** Prefix of every cache this site creates; anything else under it is left over and deleted. */
export const CACHE_PREFIX = 'steady-ground';

export const CACHES = {
  /** The shell (and, on a small site, everything): filled when the worker installs, keyed by revision. */
  precache: `${CACHE_PREFIX}-precache`,
  /** Every page the reader opened, as last fetched. */
  pages: `${CACHE_PREFIX}-pages`,
  /** Files with content-hashed names (styles, scripts, pictures, search chunks) fetched while reading. */
  assets: `${CACHE_PREFIX}-assets`,
  /** The whole site, when the reader chose to save it (written by the page, read by the worker). */
  saved: `${CACHE_PREFIX}-saved`,
} as const;

/** A request carrying this header goes straight to the network: never answered from, nor stored in, a cache. */
export const BYPASS_HEADER = 'x-steady-ground-bypass';

/** Where the saved copy records what it holds (a synthetic entry in CACHES.saved). */
export const SAVED_STATE_URL = '/offline/saved-state.json';

/** Written by the build: what saving the whole site costs (tiny, read when the control is shown). */
export const SUMMARY_URL = '/offline/summary.json';
/** Written by the build: every file of the whole-site copy (read only when the reader saves). */
export const FILES_URL = '/offline/files.json';

/** The page shown for a navigation that is neither reachable nor cached. */
export const OFFLINE_PAGE = '/offline/';

/**
 * The entry files of the search indexes (titles, then full text): not content-hashed, so each decides
 * which of its index chunks are used.
 */
export const SEARCH_ENTRIES: readonly string[] = [
  '/pagefind/pagefind-entry.json',
  '/pagefind/text/pagefind-entry.json',
];
export const isSearchEntry = (pathname: string) => SEARCH_ENTRIES.includes(pathname);

/** Pages that carry one say which version of their content they show (src/layouts/Base.astro). */
export const REVISION_META = 'page-revision';

/** Message from the worker to a page: the network has a different version of the page it shows. */
export const NEWER_VERSION_MESSAGE = 'steady-ground:newer-version';

/**
 * How the worker handles offline reading on this build (chosen by the build from the site's size):
 * `everything` precaches every page and the whole search index when the worker installs (a small
 * site); `shell` precaches the site shell and the search engine, and the reader may save the rest.
 */
export type OfflineMode = 'everything' | 'shell';

export interface OfflineSummary {
  /** Changes whenever any file of the whole-site copy changes. */
  version: string;
  mode: OfflineMode;
  /** Bytes and files of the whole-site copy (every page, the search index, styles and pictures). */
  bytes: number;
  files: number;
  /** Article pages in it. */
  articles: number;
}

/** One file of the whole-site copy: [url, revision or null for content-hashed names, bytes]. */
export type OfflineFile = [url: string, revision: string | null, bytes: number];

export interface OfflineFileList {
  version: string;
  files: OfflineFile[];
}

/** What CACHES.saved holds: the version it completed last, and the revision of each file stored. */
export interface SavedState {
  /** The version of the last complete save; null while the first save is unfinished. */
  version: string | null;
  files: Record<string, string>;
}

export interface ServiceWorkerConfig {
  /** The build's whole-site version (OfflineSummary.version). */
  version: string;
  mode: OfflineMode;
  /** [url, revision or null] of every precached file. */
  precache: Array<[url: string, revision: string | null]>;
  /** Navigations wait this long for the network before a cached copy is shown. */
  pageTimeoutMs: number;
  /** Most content-hashed files kept in CACHES.assets. */
  maxAssets: number;
}

/** A stored file's revision: its content hash, or "hashed" for a content-hashed name (never changes). */
export const revisionOf = (revision: string | null) => revision ?? 'hashed';

/** The files a save still has to download: missing, or stored at another revision. */
export function filesToSave(list: readonly OfflineFile[], state: SavedState): OfflineFile[] {
  return list.filter(([url, revision]) => state.files[url] !== revisionOf(revision));
}

/** Stored entries no longer part of the site (deleted once a save completes). */
export function filesToDelete(list: readonly OfflineFile[], state: SavedState): string[] {
  const current = new Set(list.map(([url]) => url));
  return Object.keys(state.files).filter((url) => !current.has(url));
}

/**
 * Whether the browser says it has room for `needed` more bytes. Browsers report an estimate
 * (and pad it), so a small margin is kept; an unknown quota is given the benefit of the doubt
 * and a refusal while writing is still handled.
 */
export function hasRoomFor(needed: number, estimate: { quota?: number; usage?: number }): boolean {
  if (estimate.quota === undefined) return true;
  const free = estimate.quota - (estimate.usage ?? 0);
  return free >= needed * 1.1;
}

/** "35.2 MB" (decimal units, as phones and operating systems show storage). */
export function formatBytes(bytes: number): string {
  if (bytes < 1_000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1_000)} KB`;
  if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${(bytes / 1_000_000_000).toFixed(2)} GB`;
}

/** The revision a page's HTML declares in <meta name="page-revision">, if any. */
export function readRevision(html: string): string | undefined {
  const tag = /<meta\s[^>]*name=["']?page-revision["']?[^>]*>/i.exec(html)?.[0];
  return tag ? /content=["']?([^"'\s>]+)/i.exec(tag)?.[1] : undefined;
}

/** The key a page is cached under: path only, so /search/?q=x and /search/ are one page. */
export function pageKey(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** A built file's path as the URL that serves it: articles/x/index.html → /articles/x/. */
export function urlOfFile(file: string): string {
  const url = `/${file.split('\\').join('/')}`;
  return url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : url;
}

/** Where the precache stores a file: a revision in the key, so a new version never overwrites one in use. */
export const precacheKey = (url: string, revision: string | null) =>
  revision ? `${url}?__revision=${encodeURIComponent(revision)}` : url;

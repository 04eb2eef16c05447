// The service worker (/sw.js), bundled by src/integrations/service-worker.ts with this build's
// configuration. Progressive enhancement: the site works the same without it. What it does:
//
// - Pages: network first. A reader online always gets the page as deployed now; only when the network
//   takes longer than a few seconds is the cached copy shown, and if the network then brings a different
//   version the page is told, so it can offer a reload (src/client/offline/page-updates.ts). Offline,
//   the freshest copy of the page this device has (opened before, saved with the whole site, or
//   precached), else /offline/.
// - The precache (on install): the site shell and the search engine, or, for a small site, every page
//   and the whole search index. Keys carry each file's revision, so installing a new version never
//   overwrites files an open tab of the old one still uses; leftovers go when the new worker activates.
// - Files with content-hashed names (styles, scripts, pictures, search chunks): from any cache, else the
//   network, kept in a bounded cache. The search indexes' entry files (not hashed) are network first; offline
//   it comes from the whole-site copy when there is one, so the index it points to is complete.
// - The whole-site copy is written by the page (offline-save.ts); the worker only reads it.
// - No skipWaiting: a new worker takes over when no tab runs the old one. Every version answers pages
//   network first, so waiting never shows a reader an outdated page online. The one exception is the
//   Workbox worker this replaced, which served precached articles cache first: it is replaced at once.
import {
  BYPASS_HEADER,
  CACHE_PREFIX,
  CACHES,
  isSearchEntry,
  NEWER_VERSION_MESSAGE,
  OFFLINE_PAGE,
  pageKey,
  precacheKey,
  readRevision,
  type ServiceWorkerConfig,
} from './protocol.ts';

// The parts of the service worker global scope used here. Declared locally: the project type-checks
// against the DOM library, which cannot be combined with the WebWorker one.
interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface WorkerScope {
  location: { origin: string };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  clients: {
    claim(): Promise<void>;
    matchAll(options: { type: 'window' }): Promise<Array<{ url: string; postMessage(message: unknown): void }>>;
  };
}

declare const __SERVICE_WORKER_CONFIG__: ServiceWorkerConfig;
const config = __SERVICE_WORKER_CONFIG__;
const scope = self as unknown as WorkerScope;

/** url → precache key, for this version. */
const precached = new Map(config.precache.map(([url, revision]) => [url, precacheKey(url, revision)]));

async function mapLimit<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

scope.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHES.precache);
      const missing: Array<[string, string]> = [];
      for (const [url, key] of precached) if (!(await cache.match(key))) missing.push([url, key]);
      await mapLimit(missing, 6, async ([url, key]) => {
        // 'reload': a file the HTTP cache kept from an older deploy must not be stored as this version.
        const response = await fetch(url, { cache: 'reload', headers: { [BYPASS_HEADER]: 'precache' } });
        if (!response.ok) throw new Error(`sw.js: could not precache ${url} (HTTP ${response.status})`);
        await cache.put(key, response);
      });
      // The earlier Workbox worker (its precache is named "<prefix>-precache-v2-<scope>") showed readers
      // precached articles even after a correction was deployed: take over from it without waiting.
      if ((await caches.keys()).some((name) => name.startsWith(`${CACHE_PREFIX}-precache-v2`)))
        await scope.skipWaiting();
    })(),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set<string>(Object.values(CACHES));
      for (const name of await caches.keys()) {
        // Caches of earlier designs (a Workbox precache, an images cache) go; the reader's saved copy stays.
        if (name.startsWith(CACHE_PREFIX) && !keep.has(name)) await caches.delete(name);
      }
      const cache = await caches.open(CACHES.precache);
      const current = new Set([...precached.values()].map((key) => new URL(key, scope.location.origin).href));
      for (const request of await cache.keys()) if (!current.has(request.url)) await cache.delete(request);
      await scope.clients.claim();
    })(),
  );
});

const sleep = (ms: number) => new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms));

/** The date a stored response was fetched (servers send Date); 0 when unknown. */
const fetchedAt = (response: Response) => Date.parse(response.headers.get('date') ?? '') || 0;

/** This device's freshest copy of a page: opened, saved with the whole site, or precached. */
async function cachedPage(url: URL): Promise<Response | undefined> {
  const key = pageKey(url);
  const [opened, saved] = await Promise.all([
    caches.open(CACHES.pages).then((cache) => cache.match(key)),
    caches.open(CACHES.saved).then((cache) => cache.match(key)),
  ]);
  const copies = [opened, saved].filter((copy): copy is Response => copy !== undefined);
  if (copies.length) return copies.sort((a, b) => fetchedAt(b) - fetchedAt(a))[0];
  const precacheEntry = precached.get(url.pathname);
  return precacheEntry ? caches.open(CACHES.precache).then((cache) => cache.match(precacheEntry)) : undefined;
}

async function offlinePage(): Promise<Response> {
  const key = precached.get(OFFLINE_PAGE);
  const page = key ? await caches.open(CACHES.precache).then((cache) => cache.match(key)) : undefined;
  return page ?? Response.error();
}

/** Tells the page that its cached copy is not what the network has now. */
async function compareAndNotify(shown: Response, fresh: Response, url: URL) {
  if (!fresh.ok) return;
  const [before, after] = await Promise.all([shown.text(), fresh.text()]);
  const changed = readRevision(after) !== undefined ? readRevision(after) !== readRevision(before) : after !== before;
  if (!changed) return;
  // Every tab showing the page (the one that asked is among them once it has loaded).
  for (const client of await scope.clients.matchAll({ type: 'window' })) {
    if (new URL(client.url).pathname === url.pathname)
      client.postMessage({ type: NEWER_VERSION_MESSAGE, url: url.pathname });
  }
}

async function navigate(event: FetchEventLike, url: URL): Promise<Response> {
  const network = fetch(event.request).then(async (response) => {
    if (response.ok && response.type === 'basic') {
      const copy = response.clone();
      await caches.open(CACHES.pages).then((cache) => cache.put(pageKey(url), copy));
    }
    return response;
  });
  let first: Response | 'timeout';
  try {
    first = await Promise.race([network, sleep(config.pageTimeoutMs)]);
  } catch {
    return (await cachedPage(url)) ?? offlinePage();
  }
  if (first !== 'timeout') return first;
  // The network is slow: show this device's copy now, and tell the page if the network's differs.
  const cached = await cachedPage(url);
  if (!cached) return network.catch(() => offlinePage());
  const shown = cached.clone(); // the browser reads `cached`
  event.waitUntil(network.then((fresh) => compareAndNotify(shown, fresh.clone(), url)).catch(() => undefined));
  return cached;
}

async function fromCaches(request: Request, url: URL): Promise<Response | undefined> {
  const key = precached.get(url.pathname);
  if (key) {
    const hit = await caches.open(CACHES.precache).then((cache) => cache.match(key));
    if (hit) return hit;
  }
  for (const name of [CACHES.saved, CACHES.assets]) {
    const hit = await caches.open(name).then((cache) => cache.match(request, { ignoreSearch: true }));
    if (hit) return hit;
  }
  return undefined;
}

let assetPuts = 0;
async function keepAsset(request: Request, response: Response) {
  const cache = await caches.open(CACHES.assets);
  await cache.put(request, response);
  // Trim now and then (listing keys is not free): oldest entries first, as the Cache API keeps insertion order.
  if (++assetPuts % 50 === 0) {
    const keys = await cache.keys();
    for (const old of keys.slice(0, Math.max(0, keys.length - config.maxAssets))) await cache.delete(old);
  }
}

/** Content-hashed names never change meaning: any stored copy is right. */
async function cacheFirst(request: Request, url: URL): Promise<Response> {
  const hit = await fromCaches(request, url);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await keepAsset(new Request(url.href), response.clone());
  return response;
}

/** Which index the search engine uses: the network's; offline, the whole-site copy's (complete), else the precache's. */
async function searchEntry(request: Request, url: URL): Promise<Response> {
  try {
    const response = await Promise.race([fetch(request), sleep(config.pageTimeoutMs)]);
    if (response !== 'timeout' && response.ok) return response;
  } catch {
    // offline: fall through
  }
  const saved = await caches.open(CACHES.saved).then((cache) => cache.match(url.pathname));
  return saved ?? (await fromCaches(request, url)) ?? fetch(request);
}

/** Anything else (feeds, JSON files): the network, else whatever copy exists. */
async function networkElseCache(request: Request, url: URL): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const hit = (await fromCaches(request, url)) ?? (await caches.match(request, { ignoreSearch: true }));
    if (hit) return hit;
    throw error;
  }
}

const HASHED = /^\/(?:_astro\/|pagefind\/.+\.pf_(?:meta|index|filter|fragment)$)/;

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || request.headers.has(BYPASS_HEADER)) return;
  const url = new URL(request.url);
  // The CMS has its own lifecycle; other origins are not ours to cache.
  if (url.origin !== scope.location.origin || url.pathname.startsWith('/admin/')) return;
  if (request.mode === 'navigate') event.respondWith(navigate(event, url));
  else if (isSearchEntry(url.pathname)) event.respondWith(searchEntry(request, url));
  else if (HASHED.test(url.pathname) || request.destination === 'image' || precached.has(url.pathname))
    event.respondWith(cacheFirst(request, url));
  else event.respondWith(networkElseCache(request, url));
});

// Pagefind for the search page: in a worker (search-engine-worker.ts) where the browser has
// workers, else on the page. Either way the page sees the same small API (SearchEngine below).

import { formatDate, isPlainDate } from '../lib/core/dates.ts';
import type { Hit } from '../lib/search/run.ts';

// The part of Pagefind's JS API we use (pagefind.js in the bundle the build writes).
export interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { id: string };
}
export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[] | undefined>;
  sub_results?: SubResult[];
  /** The review date (filter `reviewed`) as the reader reads it, set by loadEngine. */
  reviewedOn?: string;
}
export interface PagefindResult extends Hit {
  data(): Promise<ResultData>;
}
export type Filters = Record<string, string>;
export interface SearchOptions {
  filters?: Filters;
  sort?: Record<string, 'asc' | 'desc'>;
}
type Options = Record<string, unknown>;
export interface PagefindApi {
  options(options: Options): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options: Options): Promise<void>;
  search(term: string | null, options: SearchOptions): Promise<{ results: PagefindResult[] } | null>;
  preload(term: string): Promise<void>;
}

/** What the search page asks of the engine. */
export type SearchEngine = Pick<PagefindApi, 'mergeIndex' | 'preload'> & {
  search(term: string | null, options: SearchOptions): Promise<PagefindResult[]>;
};

/** A message to the worker, and its answer. */
export type EngineCall = { id: number } & (
  | { method: 'load'; args: [url: string, options: Options, locale: string] }
  | { method: 'mergeIndex'; args: [path: string, options: Options] }
  | { method: 'preload'; args: [term: string] }
  | { method: 'search'; args: [term: string | null, options: SearchOptions] }
  | { method: 'data'; args: [search: number, place: number] }
);
export type EngineReply = { id: number; result?: unknown; error?: string };
type Call = EngineCall extends infer C ? (C extends EngineCall ? Omit<C, 'id'> : never) : never;

/**
 * Adds the human review date. The first Intl.DateTimeFormat of a page loads locale data: 40–190 ms
 * measured here, four times that on a slow phone, so it is made where the engine runs, not on the page.
 */
export async function withReviewDate(data: Promise<ResultData>, locale: string): Promise<ResultData> {
  const result = await data;
  const reviewed = result.filters?.reviewed?.[0];
  return reviewed && isPlainDate(reviewed) ? { ...result, reviewedOn: formatDate(reviewed, locale) } : result;
}

function workerEngine(url: string, options: Options, locale: string): Promise<SearchEngine> {
  const worker = new Worker(new URL('./search-engine-worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let calls = 0;
  let broken: Error | undefined;
  worker.addEventListener('message', (event: MessageEvent<EngineReply>) => {
    const { id, result, error } = event.data;
    const waiting = pending.get(id);
    pending.delete(id);
    if (error !== undefined) waiting?.reject(new Error(error));
    else waiting?.resolve(result);
  });
  // The worker's script failed to load or run: every call fails (the page then falls back).
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    broken = new Error(`The search worker failed: ${event.message || 'it did not load'}`);
    for (const waiting of pending.values()) waiting.reject(broken);
    pending.clear();
  });
  const call = <T>(message: Call): Promise<T> => {
    if (broken) return Promise.reject(broken);
    const id = ++calls;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...message, id });
    });
  };
  const engine: SearchEngine = {
    mergeIndex: (path, indexOptions) => call({ method: 'mergeIndex', args: [path, indexOptions] }),
    preload: (term) => call({ method: 'preload', args: [term] }),
    async search(term, searchOptions) {
      const found = await call<{ search: number; hits: Hit[] } | null>({
        method: 'search',
        args: [term, searchOptions],
      });
      return (found?.hits ?? []).map((hit, place) => ({
        ...hit,
        data: () => call<ResultData>({ method: 'data', args: [found?.search ?? 0, place] }),
      }));
    },
  };
  return call({ method: 'load', args: [url, options, locale] }).then(
    () => engine,
    (error: unknown) => {
      worker.terminate();
      throw error;
    },
  );
}

async function pageEngine(url: string, options: Options, locale: string): Promise<SearchEngine> {
  const pagefind = (await import(/* @vite-ignore */ url)) as PagefindApi;
  await pagefind.options({ ...options, noWorker: true });
  await pagefind.init();
  return {
    mergeIndex: (path, indexOptions) => pagefind.mergeIndex(path, indexOptions),
    preload: (term) => pagefind.preload(term),
    search: async (term, searchOptions) =>
      ((await pagefind.search(term, searchOptions))?.results ?? []).map((hit) => ({
        id: hit.id,
        score: hit.score,
        data: () => withReviewDate(hit.data(), locale),
      })),
  };
}

/**
 * Loads pagefind.js from `url` with `options`: in a worker, or on the page if the worker fails.
 * Dates in results are written for `locale`.
 */
export async function loadEngine(url: string, options: Options, locale: string): Promise<SearchEngine> {
  if (typeof Worker === 'function')
    try {
      return await workerEngine(url, { ...options, noWorker: true }, locale);
    } catch (error) {
      console.warn('Search runs on the page: its worker failed.', error);
    }
  return pageEngine(url, options, locale);
}

// Runs Pagefind (pagefind.js, its WebAssembly and every search) in a worker for the search page
// (src/client/search-page.ts), so none of it blocks the page. On a mid-range phone the engine's
// start-up (inflating and compiling the wasm) and each search were long tasks on the main thread,
// most of the page's total blocking time (docs/benchmarks.md, "Lighthouse").
// Pagefind's own worker option would load pagefind.js on the page and a second copy of the
// engine (pagefind-worker.js) in its worker; this worker loads pagefind.js only, here.
// Messages: { id, method, args } in; { id, result } or { id, error } out (see EngineCall).

import {
  type EngineCall,
  type EngineReply,
  type PagefindApi,
  type PagefindResult,
  withReviewDate,
} from './search-engine.ts';

let pagefind: PagefindApi | undefined;
/** The results of recent searches, by search number; the page asks for their data by [search, place]. */
const searches = new Map<number, PagefindResult[]>();
/** Enough for a query's searches (one per word and synonym) and "show more" on the results shown. */
const KEPT_SEARCHES = 64;
let searchCount = 0;
let locale = 'en-US';

async function handle(call: EngineCall): Promise<unknown> {
  if (call.method === 'load') {
    const [url, options, readerLocale] = call.args;
    locale = readerLocale;
    pagefind = (await import(/* @vite-ignore */ url)) as PagefindApi;
    await pagefind.options(options);
    await pagefind.init();
    return null;
  }
  if (!pagefind) throw new Error('Pagefind is not loaded');
  switch (call.method) {
    case 'mergeIndex':
      return pagefind.mergeIndex(...call.args);
    case 'preload':
      return pagefind.preload(call.args[0]);
    case 'search': {
      const response = await pagefind.search(...call.args);
      if (!response) return null;
      const search = ++searchCount;
      searches.set(search, response.results);
      searches.delete(search - KEPT_SEARCHES);
      return { search, hits: response.results.map(({ id, score }) => ({ id, score })) };
    }
    case 'data': {
      const [search, place] = call.args;
      const result = searches.get(search)?.[place];
      if (!result) throw new Error(`No result ${place} of search ${search}`);
      return withReviewDate(result.data(), locale);
    }
  }
}

self.addEventListener('message', (event: MessageEvent<EngineCall>) => {
  const call = event.data;
  handle(call).then(
    (result) => self.postMessage({ id: call.id, result } satisfies EngineReply),
    (error: unknown) => self.postMessage({ id: call.id, error: String(error) } satisfies EngineReply),
  );
});

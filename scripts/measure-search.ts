// `npm run measure:search`: the search and offline figures in docs/benchmarks.md, measured on a
// built site (DIST_DIR, default dist/) served by `astro preview` in headless Chromium.
// Prints: index size, bytes fetched for a first query, time to first results, what reading offline costs.
// "First query": everything the search needs from opening /search/ to the first results shown:
// Pagefind's engine, the titles index (and the full text when the query needs it), the vocabulary,
// and the search page's own script, counted gzipped as a server would send them. The page preloads
// the engine's files and its worker then asks for them again; the browser revalidates those from its
// HTTP cache (a 304, headers only), so a repeated address is counted again only if a body came.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { OfflineSummary } from '../src/client/offline/protocol.ts';
import { DEFAULT_PRECACHE_BUDGET_BYTES } from '../src/integrations/service-worker.ts';
import { launchOptions } from './lib/browser.ts';
import { startPreview } from './lib/preview-server.ts';

const distDir = path.resolve(process.env.DIST_DIR ?? 'dist');
const port = Number(process.env.MEASURE_PORT ?? 4383);
const runs = Number(process.env.RUNS ?? 5);
const query = process.env.QUERY ?? 'baclofen withdrawal';
const base = `http://127.0.0.1:${port}`;

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

// 1. Index size: the data Pagefind built (entry, metadata, index, filter and fragment chunks) for
// the titles index and the full text (text/), and the vocabulary.
const bundle = path.join(distDir, 'pagefind');
const isIndexFile = (file: string) => /\.pf_(meta|index|filter|fragment)$|pagefind-entry\.json$/.test(file);
const indexFiles = filesUnder(bundle).filter(isIndexFile);
const indexBytes = indexFiles.reduce((sum, file) => sum + statSync(file).size, 0);
const textFiles = indexFiles.filter((file) => file.startsWith(path.join(bundle, 'text') + path.sep));
const textBytes = textFiles.reduce((sum, file) => sum + statSync(file).size, 0);
const vocabularyFiles = filesUnder(path.join(bundle, 'vocabulary'));
const vocabularyBytes = vocabularyFiles.reduce((sum, file) => sum + statSync(file).size, 0);
const pages = (
  JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  }
).languages;
const pageCount = Object.values(pages).reduce((sum, language) => sum + language.page_count, 0);

// 2. What the service worker precaches, and the whole-site copy (src/integrations/service-worker.ts wrote both).
const offline = JSON.parse(readFileSync(path.join(distDir, 'offline/summary.json'), 'utf8')) as OfflineSummary;

// 3 and 4. A first query in a fresh browser profile (no service worker, empty HTTP cache).
const server = await startPreview({ distDir, port });
try {
  const browser = await chromium.launch(launchOptions());
  const times: number[] = [];
  let searchBytes = 0;
  let searchGzip = 0;
  let searchRequests = 0;
  let scriptGzip = 0;
  let fullTextUsed = false;
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    // Everything under /pagefind/ from opening /search/ to the first results (engine, index, vocabulary),
    // and the page's own scripts.
    const fetched: Array<Promise<{ path: string; body: Buffer }>> = [];
    const seen = new Set<string>();
    page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      if (!pathname.startsWith('/pagefind/') && !/^\/_astro\/.*\.js$/.test(pathname)) return;
      const again = seen.has(response.url());
      seen.add(response.url());
      fetched.push(
        (again
          ? response
              .request()
              .sizes()
              .then((sizes) => sizes.responseBodySize > 0)
          : Promise.resolve(true)
        )
          .then((transferred) => (transferred ? response.body() : Buffer.alloc(0)))
          .catch(() => Buffer.alloc(0))
          .then((body) => ({ path: pathname, body })),
      );
    });
    await page.goto(`${base}/search/`, { waitUntil: 'networkidle' });
    const started = performance.now();
    await page.locator('#search-q').fill(query);
    await page.locator('[data-search-results] > li').first().waitFor();
    // Typing waits 200 ms (debounce) before searching: that is part of what a reader feels.
    times.push(performance.now() - started);
    await page.waitForLoadState('networkidle');
    if (run === 0) {
      const responses = await Promise.all(fetched);
      const pagefind = responses.filter((r) => r.path.startsWith('/pagefind/') && r.body.length > 0);
      searchRequests = pagefind.length;
      searchBytes = pagefind.reduce((sum, r) => sum + r.body.length, 0);
      searchGzip = pagefind.reduce((sum, r) => sum + gzipSync(r.body).length, 0);
      scriptGzip = responses
        .filter((r) => r.path.startsWith('/_astro/'))
        .reduce((sum, r) => sum + gzipSync(r.body).length, 0);
      fullTextUsed = pagefind.some((r) => r.path.startsWith('/pagefind/text/'));
    }
    await context.close();
  }
  await browser.close();

  console.log(
    `Search and offline figures for ${path.relative('.', distDir) || '.'}/ (${pageCount} indexed pages, query "${query}")`,
  );
  console.log(
    `index size (entry, meta, index, filter, fragment files): ${kib(indexBytes)} in ${indexFiles.length} files (full text ${kib(textBytes)}, titles ${kib(indexBytes - textBytes)}); vocabulary ${kib(vocabularyBytes)} in ${vocabularyFiles.length} files`,
  );
  console.log(
    `bytes fetched for a first query (everything under /pagefind/, from opening /search/ to results${fullTextUsed ? ', full text included' : ', titles index only'}): ${kib(searchBytes)} in ${searchRequests} requests, ${kib(searchGzip)} gzipped; ${kib(searchGzip + scriptGzip)} gzipped with the page's own script`,
  );
  console.log(
    `time to first results (typing to first result shown, page loaded, median of ${runs} cold runs): ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`,
  );
  console.log(
    `precache: ${offline.mode === 'everything' ? 'the whole site' : 'the shell and search engine'} (budget ${kib(DEFAULT_PRECACHE_BUDGET_BYTES)}); whole-site copy for offline reading ${kib(offline.bytes)} in ${offline.files} files`,
  );
} finally {
  server.stop();
}

// `npm run measure:offline`: saves a built site for offline reading the way a reader does, in
// headless Chromium, then cuts the network and opens articles never visited and searches for one.
// DIST_DIR picks the build (default dist/), MEASURE_PORT the port (default: any free one).
// Prints a human summary and, last, one JSON line (read by `npm run bench`). Exit 1 when anything
// offline failed.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { OfflineSummary } from '../src/client/offline/protocol.ts';
import { launchOptions } from './lib/browser.ts';
import { startStaticServer } from './lib/static-server.ts';

const distDir = path.resolve(process.env.DIST_DIR ?? 'dist');

/** The articles the search page lists first for a query (whatever its markup: links into /articles/). */
async function firstResults(page: Page, url: string): Promise<string[]> {
  await page.goto(url);
  await page
    .waitForFunction(() => document.querySelector('main a[href^="/articles/"]') !== null, undefined, {
      timeout: 30_000,
    })
    .catch(() => undefined);
  await page.waitForTimeout(500);
  const hrefs = await page
    .locator('main a[href^="/articles/"]')
    .evaluateAll((links) => links.map((a) => (a.getAttribute('href') ?? '').split('#')[0]));
  return [...new Set(hrefs)].slice(0, 3);
}
const summary = JSON.parse(readFileSync(path.join(distDir, 'offline/summary.json'), 'utf8')) as OfflineSummary;
const server = await startStaticServer(distDir, Number(process.env.MEASURE_PORT ?? 0));
const browser = await chromium.launch(launchOptions());
const result = {
  mode: summary.mode,
  articles: summary.articles,
  bytes: summary.bytes,
  files: summary.files,
  saveSeconds: 0,
  articlesOpenedOffline: 0,
  articlesTried: 0,
  searchFoundOffline: false,
  error: '',
};
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
  });
  const status = page.locator('[data-offline-save-status]');
  if (summary.mode === 'shell') {
    const started = performance.now();
    await page.locator('[data-offline-save-start]').click();
    await page.waitForFunction(
      () =>
        /^(Saved on this device|Your browser refused|The connection|The site was updated)/.test(
          document.querySelector('[data-offline-save-status]')?.textContent ?? '',
        ),
      undefined,
      { timeout: 30 * 60_000, polling: 500 },
    );
    result.saveSeconds = (performance.now() - started) / 1000;
    const said = (await status.textContent()) ?? '';
    if (!said.startsWith('Saved')) throw new Error(`saving failed: ${said}`);
  }
  await context.setOffline(true);
  // Articles no one opened: spread over the alphabet of slugs.
  const slugs = readdirSync(path.join(distDir, 'articles')).sort();
  const picks = [0.1, 0.35, 0.6, 0.85, 0.99].map((share) => slugs[Math.floor(share * (slugs.length - 1))]);
  for (const slug of picks) {
    result.articlesTried += 1;
    const expected = /<h1[^>]*>([^<]*)<\/h1>/.exec(
      readFileSync(path.join(distDir, 'articles', slug, 'index.html'), 'utf8'),
    )?.[1];
    const response = await page.goto(`${server.url}/articles/${slug}/`);
    if (response?.status() === 200 && (await page.locator('h1').first().textContent()) === expected)
      result.articlesOpenedOffline += 1;
  }
  // Search offline for the last one's title: the results must be the ones the site gives online.
  const title = (await page.locator('h1').first().textContent()) ?? '';
  const searchUrl = `${server.url}/search/?q=${encodeURIComponent(title)}`;
  const online = await browser.newContext({ serviceWorkers: 'block' });
  const expected = await firstResults(await online.newPage(), searchUrl);
  await online.close();
  const found = await firstResults(page, searchUrl);
  result.searchFoundOffline = expected.length > 0 && JSON.stringify(found) === JSON.stringify(expected);
  if (!result.searchFoundOffline)
    result.error = `offline search gave ${JSON.stringify(found)}, online ${JSON.stringify(expected)}`;
  await context.close();
} catch (error) {
  result.error = (error as Error).message.split('\n')[0];
} finally {
  await browser.close();
  await server.close();
}

console.log(
  `Offline reading of ${path.relative('.', distDir) || '.'}/ (${result.articles} articles, ${result.mode} precache): ` +
    (result.mode === 'shell'
      ? `saving ${(result.bytes / 1e6).toFixed(1)} MB in ${result.files} files took ${result.saveSeconds.toFixed(1)} s; `
      : 'precached whole on install; ') +
    `offline, ${result.articlesOpenedOffline} of ${result.articlesTried} unvisited articles opened, search ${result.searchFoundOffline ? 'gave the same results as online' : 'FAILED'}.` +
    (result.error ? ` Error: ${result.error}` : ''),
);
console.log(JSON.stringify(result));
process.exitCode =
  result.error || result.articlesOpenedOffline < result.articlesTried || !result.searchFoundOffline ? 1 : 0;

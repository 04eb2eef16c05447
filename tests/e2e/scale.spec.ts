// A generated site of a few hundred articles, built with `npm run build` and no flags (issue 14: the
// default configuration works at any size): list pages stay bounded and reach every article, the
// service worker switches to precaching the shell only, and a reader can save the whole site and
// read and search it with the network gone, or is told plainly when the browser refuses the space.
// The built site and its generated content live in a temporary folder (KEEP_SCALE_WORK=1 keeps it).
// SCALE_TEST_ARTICLES changes the size (default 300: big enough to page every list, quick to build).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateContent } from '../../scripts/generate-articles.ts';
import { launchOptions } from '../../scripts/lib/browser.ts';
import { type StaticServer, startStaticServer } from '../../scripts/lib/static-server.ts';
import { CACHES, formatBytes, type OfflineFileList, type OfflineSummary } from '../../src/client/offline/protocol.ts';
import { A_Z_PAGE_SIZE, CARD_PAGE_SIZE, DASHBOARD_PAGE_SIZE } from '../../src/lib/content/paginate.ts';
import { describeViolation, runAxe } from './axe.ts';
import { cacheCounts, waitForWorker } from './offline-helpers.ts';
import { validateHtml } from './vnu.ts';

const ARTICLES = Number(process.env.SCALE_TEST_ARTICLES ?? 300);
const MAX_PAGE_BYTES = 200_000;
const repo = path.resolve(import.meta.dirname, '../..');

let work: string;
let site: string;
let server: StaticServer;
let browser: Browser;

/** `npm run build` from a work folder (so it shares nothing with other builds), with no flags but where to read and write. */
function build(contentDir: string, outDir: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [path.join(repo, 'scripts/build.ts')], {
    cwd: work,
    env: {
      ...process.env,
      CONTENT_DIR: contentDir,
      BUILD_OUT_DIR: outDir,
      ASTRO_CACHE_DIR: path.join(work, 'cache'),
      NO_COLOR: '1',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'scale-'));
  symlinkSync(path.join(repo, 'node_modules'), path.join(work, 'node_modules'), 'dir');
  generateContent({ count: ARTICLES, outDir: path.join(work, 'content'), seed: 14 });
  site = path.join(work, 'site');
  const { code, output } = await build(path.join(work, 'content'), site);
  if (code !== 0)
    throw new Error(
      `npm run build failed on ${ARTICLES} generated articles:\n${output.split('\n').slice(-30).join('\n')}`,
    );
  server = await startStaticServer(site);
  browser = await chromium.launch(launchOptions());
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work && !process.env.KEEP_SCALE_WORK) rmSync(work, { recursive: true, force: true });
});

const html = (urlPath: string) => load(readFileSync(path.join(site, urlPath, 'index.html'), 'utf8'));
const summary = () => JSON.parse(readFileSync(path.join(site, 'offline/summary.json'), 'utf8')) as OfflineSummary;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === path.join(site, 'admin') ? [] : htmlFiles(full);
    return entry.name.endsWith('.html') ? [full] : [];
  });
}

/** Every article page built (old-slug redirect pages aside). */
function articleUrls(): Set<string> {
  return new Set(
    readdirSync(path.join(site, 'articles'))
      .filter(
        (slug) =>
          !readFileSync(path.join(site, 'articles', slug, 'index.html'), 'utf8').includes('http-equiv="refresh"'),
      )
      .map((slug) => `/articles/${slug}/`),
  );
}

/** Follows links from `start` to pages under `within`, returning every page seen and every article linked. */
function crawl(start: string, within: (href: string) => boolean) {
  const seen = new Set<string>([start]);
  const articles = new Set<string>();
  const queue = [start];
  while (queue.length) {
    const $ = html(queue.shift()!);
    for (const a of $('main a[href]').toArray()) {
      const href = $(a).attr('href')!;
      if (/^\/articles\/[^/]+\/$/.test(href)) articles.add(href);
      else if (within(href) && !seen.has(href) && existsSync(path.join(site, href, 'index.html'))) {
        seen.add(href);
        queue.push(href);
      }
    }
  }
  return { pages: seen, articles };
}

describe(`npm run build on ${ARTICLES} generated articles`, () => {
  it('succeeds with the default configuration; the worker precaches the shell only', () => {
    expect(summary()).toMatchObject({ mode: 'shell', articles: ARTICLES });
  });

  it(`writes no HTML page over ${MAX_PAGE_BYTES / 1000} KB`, () => {
    const sizes = htmlFiles(site).map((file) => ({ file: path.relative(site, file), bytes: statSync(file).size }));
    const largest = sizes.sort((a, b) => b.bytes - a.bytes)[0];
    console.log(`largest page: ${largest.file}, ${largest.bytes} bytes, of ${sizes.length}`);
    expect(largest.bytes).toBeLessThan(MAX_PAGE_BYTES);
  });

  it('reaches every article from the A–Z pages, none of which lists more than a page’s worth', () => {
    const { pages, articles } = crawl('/a-z/', (href) => href.startsWith('/a-z/'));
    expect(articles).toEqual(articleUrls());
    expect(pages.size).toBeGreaterThan(10); // the index, one page per letter in use
    for (const page of pages) {
      if (page !== '/a-z/') expect(html(page)('.az-list li').length, page).toBeLessThanOrEqual(A_Z_PAGE_SIZE);
    }
  });

  it('reaches every article through the topic pages, a page of cards at a time', () => {
    const { pages, articles } = crawl('/categories/', (href) => href.startsWith('/categories/'));
    expect(articles).toEqual(articleUrls());
    expect([...pages].some((page) => /^\/categories\/[^/]+\/2\/$/.test(page))).toBe(true);
    for (const page of pages) expect(html(page)('.card').length, page).toBeLessThanOrEqual(CARD_PAGE_SIZE);
  });

  it("lists every article a person reviewed across their profile's pages", () => {
    const reviews = JSON.parse(readFileSync(path.join(site, 'reviews.json'), 'utf8')) as {
      articles: Array<{ url: string; reviewer: { id: string } }>;
    };
    const reviewer = reviews.articles[0].reviewer.id;
    const { pages, articles } = crawl(`/people/${reviewer}/`, (href) =>
      href.startsWith(`/people/${reviewer}/reviewed/`),
    );
    const expected = reviews.articles.filter((row) => row.reviewer.id === reviewer).map((row) => row.url);
    expect(expected.length).toBeGreaterThan(CARD_PAGE_SIZE);
    expect(pages.size).toBeGreaterThan(2);
    for (const url of expected) expect(articles.has(url), url).toBe(true);
  });

  it('pages the review dashboard: every article once, in order, at most a page of rows each', () => {
    const rows: string[] = [];
    let next: string | undefined = '/reviews/';
    while (next) {
      const $ = html(next);
      const slugs = $('table.dashboard tbody tr')
        .toArray()
        .map((tr) => $(tr).attr('data-slug')!);
      expect(slugs.length).toBeLessThanOrEqual(DASHBOARD_PAGE_SIZE);
      rows.push(...slugs);
      next = $('.pagination a[rel="next"]').attr('href');
    }
    const json = JSON.parse(readFileSync(path.join(site, 'reviews.json'), 'utf8')) as {
      articles: Array<{ slug: string }>;
    };
    expect(rows).toEqual(json.articles.map((row) => row.slug));
  });

  it('lists the letter and later pages in the sitemap, and no dashboard page', () => {
    const xml = readFileSync(path.join(site, 'sitemap-0.xml'), 'utf8');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
    expect(locs).toEqual(expect.arrayContaining(['/a-z/', '/a-z/h/', '/categories/withdrawal/2/']));
    expect(locs.some((loc) => loc.startsWith('/reviews/'))).toBe(false);
  });
});

describe('pages that exist only on a large site', () => {
  // Paged lists with their page links, a person's full list, the dashboard's later pages, and the
  // "Read offline" control offering a download: the sample site has none of these.
  const pages = () => {
    const reviewer = readdirSync(path.join(site, 'people')).find((id) =>
      existsSync(path.join(site, 'people', id, 'reviewed/2')),
    );
    return [
      '/',
      '/a-z/',
      '/a-z/h/',
      '/categories/withdrawal/2/',
      `/people/${reviewer}/reviewed/2/`,
      '/reviews/2/',
      '/reviews/overdue/',
    ];
  };

  it('pass the Nu HTML Checker', () => {
    const errors = validateHtml(pages().map((page) => path.join(site, page, 'index.html')));
    expect(errors.map((e) => `${e.url}:${e.lastLine}: ${e.message}`)).toEqual([]);
  });

  it('have no WCAG 2.2 A/AA violations (axe-core), light and dark', async () => {
    const found: string[] = [];
    const context = await browser.newContext({ colorScheme: 'light', bypassCSP: true });
    for (const target of pages()) {
      const page = await context.newPage();
      await page.goto(`${server.url}${target}`);
      await page.waitForLoadState('networkidle');
      // Both schemes on one loaded page, as in accessibility.spec.ts.
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        for (const v of (await runAxe(page)).violations)
          found.push(`${colorScheme} ${target}: ${describeViolation(v)}`);
      }
      await page.close();
    }
    await context.close();
    expect(found).toEqual([]);
  }, 240_000);
});

describe('saving the whole site for offline reading', () => {
  let context: BrowserContext;
  let page: Page;
  afterAll(async () => context?.close());

  it('shows the size, saves with a progress bar, then reads and searches any article offline', async () => {
    context = await browser.newContext();
    page = await context.newPage();
    await page.goto(`${server.url}/`);
    await waitForWorker(page);
    const { bytes } = summary();
    const start = page.locator('[data-offline-save-start]');
    await expect
      .poll(() => start.textContent().then((text) => text?.trim()))
      .toBe(`Save the whole site for offline reading (${formatBytes(bytes)})`);
    const progress = page.locator('[data-offline-save-bar]');
    await start.click();
    await expect.poll(() => progress.isVisible()).toBe(true);
    const status = page.locator('[data-offline-save-status]');
    await expect
      .poll(() => status.textContent(), { timeout: 120_000 })
      .toBe(
        `Saved on this device: all ${ARTICLES} articles and the search work without a connection (${formatBytes(bytes)}).`,
      );
    expect(await progress.evaluate((bar: HTMLProgressElement) => bar.value)).toBe(100);
    const list = JSON.parse(readFileSync(path.join(site, 'offline/files.json'), 'utf8')) as OfflineFileList;
    expect((await cacheCounts(page))[CACHES.saved]).toBe(list.files.length + 1); // + its own state

    // Network gone: articles never opened, and a search for one of them.
    await context.setOffline(true);
    const never = [...articleUrls()].slice(-3);
    for (const url of never) {
      const response = await page.goto(`${server.url}${url}`);
      expect(response?.status(), url).toBe(200);
      expect(await page.locator('h1').textContent(), url).toBe(html(url)('h1').text());
    }
    const title = html(never[0])('h1').text();
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(title)}`);
    await expect
      .poll(() => page.locator('.search-result__title').allTextContents(), { timeout: 20_000 })
      .toContain(title);
    // The search page offers the same control, and knows the copy is complete.
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('Saved on this device');
    // The home page knows the copy is complete, offline too.
    await page.goto(`${server.url}/`);
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('Saved on this device');
    await context.setOffline(false);
    // Saving 300 articles takes 20–30 s on an idle machine, several times that on a loaded one.
  }, 240_000);

  it('after a deploy, offers to update the saved copy and downloads only what changed', async () => {
    const list = JSON.parse(readFileSync(path.join(site, 'offline/files.json'), 'utf8')) as OfflineFileList;
    const changed = list.files.find(([url]) => url.startsWith('/articles/'))!;
    // The next deploy: one article corrected, so its revision and the site's version change.
    const deployed: OfflineFileList = {
      version: 'next-deploy',
      files: list.files.map(([url, revision, bytes]) => [url, url === changed[0] ? 'corrected' : revision, bytes]),
    };
    server.override('/offline/files.json', JSON.stringify(deployed));
    server.override('/offline/summary.json', JSON.stringify({ ...summary(), version: 'next-deploy' }));
    try {
      await page.goto(`${server.url}/`);
      const status = page.locator('[data-offline-save-status]');
      await expect.poll(() => status.textContent()).toContain('Your saved copy is older than the site');
      const before = server.requests.length;
      await page.locator('[data-offline-save-start]').click();
      await expect.poll(() => status.textContent()).toContain('Saved on this device');
      const fetched = server.requests.slice(before).filter((request) => !request.startsWith('/offline/'));
      expect(fetched).toEqual([changed[0]]);
    } finally {
      server.override('/offline/files.json', undefined);
      server.override('/offline/summary.json', undefined);
    }
  });

  it('says plainly when the browser refuses the space, keeping what it stored and offering to remove it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Chromium enforces this quota on writes (its storage estimate does not show it, so the refusal
    // comes part-way, as it does on a full device): enough for the precached shell, not the whole site.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url, quotaSize: 3_000_000 });
    await page.goto(`${server.url}/`);
    await waitForWorker(page);
    await page.locator('[data-offline-save-start]').click();
    const status = page.locator('[data-offline-save-status]');
    await expect
      .poll(() => status.textContent(), { timeout: 60_000 })
      .toMatch(
        /^Your browser refused to store the site: saving needs [\d.]+ MB\. [\d,]+ of [\d,]+ files were saved\. Free some space/,
      );
    expect(await status.textContent()).toContain('Pages you have already opened still work offline.');
    expect(await page.locator('[data-offline-save-bar]').isVisible()).toBe(false);
    const remove = page.locator('[data-offline-save-remove]');
    expect(await remove.isVisible()).toBe(true);
    await remove.click();
    await expect.poll(() => status.textContent()).toContain('The saved copy was removed');
    expect(await page.evaluate((name) => caches.has(name), CACHES.saved)).toBe(false);
    await context.close();
  });
});

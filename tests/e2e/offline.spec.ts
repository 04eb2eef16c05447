// Offline reading, freshness and update notices with the service worker (sw.js) in Chromium, on the
// sample site (small enough that the worker precaches all of it: "everything" mode). The site is
// served by a small static server whose hooks play a new deploy (`override`) and a slow network
// (`delay`); service workers need a real http origin, which it is. Saving a large site by hand
// (the "shell" mode) is tested on a generated site in scale.spec.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchOptions } from '../../scripts/lib/browser.ts';
import { type StaticServer, startStaticServer } from '../../scripts/lib/static-server.ts';
import type { OfflineSummary } from '../../src/client/offline/protocol.ts';
import { distDir } from './built-site.ts';
import { cacheCounts, changedDeploy, waitForWorker } from './offline-helpers.ts';

const ARTICLE = '/articles/baclofen-withdrawal/';
const TITLE = 'Baclofen withdrawal: timeline, symptoms and safe tapering';
const built = (urlPath: string) => readFileSync(path.join(distDir(), urlPath, 'index.html'), 'utf8');
const summary = JSON.parse(readFileSync(path.join(distDir(), 'offline/summary.json'), 'utf8')) as OfflineSummary;

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startStaticServer(distDir());
  browser = await chromium.launch(launchOptions());
  context = await browser.newContext();
  page = await context.newPage();
  await page.goto(`${server.url}/`);
  await waitForWorker(page);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(async () => {
  server.override(ARTICLE, undefined);
  server.delay(ARTICLE, 0);
  await context.setOffline(false);
});

describe('a small site', () => {
  it('is precached whole on the first visit, and the home page says so instead of offering a download', async () => {
    expect(summary.mode).toBe('everything');
    const counts = await cacheCounts(page);
    // Every page and search file listed for the whole site, plus the shell.
    expect(counts['steady-ground-precache']).toBeGreaterThanOrEqual(summary.files);
    await page.reload();
    const control = page.locator('[data-offline-save]');
    await expect.poll(() => control.isVisible()).toBe(true);
    await expect.poll(() => control.textContent()).toContain('small enough to be kept on this device automatically');
    expect(await page.locator('[data-offline-save-start]').isVisible()).toBe(false);
  });
});

describe('online: pages come from the network first', () => {
  it('serves the deployed page, not the precached copy, once a deploy changed it', async () => {
    await page.goto(`${server.url}${ARTICLE}`);
    expect(await page.locator('h1').textContent()).toBe(TITLE);
    server.override(ARTICLE, changedDeploy(built(ARTICLE), 'corrected'));
    await page.reload();
    expect(await page.locator('h1').textContent()).toBe(`${TITLE} (corrected)`);
    // Back to the original: the worker stored the fresh copy, and fetches again.
    server.override(ARTICLE, undefined);
    await page.reload();
    expect(await page.locator('h1').textContent()).toBe(TITLE);
  });

  it('shows the cached copy when the network is slow, then says a newer version exists', async () => {
    await page.goto(`${server.url}${ARTICLE}`);
    server.override(ARTICLE, changedDeploy(built(ARTICLE), 'slow-deploy'));
    server.delay(ARTICLE, 6_000);
    const started = Date.now();
    await page.goto(`${server.url}${ARTICLE}`);
    // The worker gave up waiting after its 3 s timeout and showed this device's copy.
    expect(Date.now() - started).toBeLessThan(5_500);
    expect(await page.locator('h1').textContent()).toBe(TITLE);
    const notice = page.locator('[data-page-update]');
    await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toContain('A newer version of this page');
    expect(await notice.getAttribute('role')).toBe('status');
    server.delay(ARTICLE, 0);
    await notice.locator('a').click();
    await page.waitForLoadState();
    expect(await page.locator('h1').textContent()).toBe(`${TITLE} (slow-deploy)`);
  });

  it('tells a reader whose open page was changed by a deploy, when the connection comes back', async () => {
    await page.goto(`${server.url}${ARTICLE}`);
    const notice = page.locator('[data-page-update]');
    // Unchanged: coming back online says nothing.
    await context.setOffline(true);
    await context.setOffline(false);
    await page.waitForTimeout(1_000);
    expect(await notice.textContent()).toBe('');
    // Changed while the page was open.
    server.override(ARTICLE, changedDeploy(built(ARTICLE), 'reviewed-again'));
    await context.setOffline(true);
    await context.setOffline(false);
    await expect.poll(() => notice.textContent()).toContain('A newer version of this page has been published');
    expect(await notice.locator('a').getAttribute('href')).toBe(ARTICLE);
    expect(await page.locator('h1').textContent()).toBe(TITLE);
  });
});

describe('offline', () => {
  it('reloads a page opened before that is not part of the site copy (the review dashboard)', async () => {
    await page.goto(`${server.url}/reviews/`);
    await context.setOffline(true);
    const response = await page.reload();
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe('Review dashboard');
  });

  it('opens any article, complete with its pictures', async () => {
    await context.setOffline(true);
    const failed: string[] = [];
    const onFail = (request: { url(): string }) => failed.push(request.url());
    page.on('requestfailed', onFail);
    await page.goto(`${server.url}/articles/opioid-withdrawal/`);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('.review-dates').count()).toBe(1);
    page.off('requestfailed', onFail);
    expect(failed).toEqual([]);
  });

  it('searches and opens a result with the network off', async () => {
    await context.setOffline(true);
    await page.goto(`${server.url}/search/?q=baclofen+withdrawal`);
    await page.locator('.search-result').first().waitFor();
    expect((await page.locator('.search-result__title').allTextContents())[0]).toBe(TITLE);
    // The cache-busting pagefind-entry.json?ts=... was answered from the precache.
    expect(await page.locator('[data-search-unavailable]').isHidden()).toBe(true);
    await page.locator('.search-result__section-link').first().click();
    await page.waitForURL(/\/articles\/baclofen-withdrawal\/#.+/);
    expect(await page.locator('h1').textContent()).toBe(TITLE);
  });

  it('shows the offline page for a page that is neither saved nor opened before', async () => {
    await context.setOffline(true);
    const response = await page.goto(`${server.url}/reviews/overdue/`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe('You are offline');
    expect(await page.locator('main a[href="/search/"]').count()).toBe(1);
    expect(await page.locator('main .helpline-box a[href^="tel:"]').count()).toBe(1);
  });
});

describe('updates of the worker', () => {
  it('waits for open tabs before a new version takes over, except from the old cache-first Workbox worker', async () => {
    const other = await browser.newContext();
    const tab = await other.newPage();
    await tab.goto(`${server.url}/`);
    await waitForWorker(tab);
    const sw = readFileSync(path.join(distDir(), 'sw.js'), 'utf8');
    const deploy = async (marker: string) => {
      // A new deploy: the worker's bytes change, so the browser installs it beside the running one.
      server.override('/sw.js', `${sw}\n// ${marker}\n`);
      return tab.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        await registration.update();
        const installing = registration.installing;
        if (installing && installing.state !== 'installed')
          await new Promise((resolve) =>
            installing.addEventListener('statechange', () => installing.state !== 'installing' && resolve(null)),
          );
        await new Promise((resolve) => setTimeout(resolve, 500));
        return { waiting: registration.waiting !== null };
      });
    };
    try {
      expect(await deploy('deploy 2')).toEqual({ waiting: true });
      // A reader who still has the Workbox worker's caches: the new worker replaces it at once.
      await tab.evaluate(() => caches.open('steady-ground-precache-v2-http://127.0.0.1/'));
      expect(await deploy('deploy 3')).toEqual({ waiting: false });
      // Activation runs after the old worker's pending events finish: slow on a loaded machine.
      await expect
        .poll(() => tab.evaluate(() => caches.keys()), { timeout: 15_000 })
        .not.toContain('steady-ground-precache-v2-http://127.0.0.1/');
    } finally {
      server.override('/sw.js', undefined);
      await other.close();
    }
  });
});

describe('progressive enhancement', () => {
  it('hides the "Read offline" control without JavaScript, and without service worker support', async () => {
    for (const options of [{ javaScriptEnabled: false }, {}]) {
      const other = await browser.newContext(options);
      // A browser without service workers: the property is simply not there.
      await other.addInitScript(() => {
        delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker;
      });
      const plain = await other.newPage();
      await plain.goto(`${server.url}/`);
      await plain.waitForLoadState('networkidle');
      expect(await plain.locator('[data-offline-save]').count()).toBe(1);
      expect(await plain.locator('[data-offline-save]').isVisible()).toBe(false);
      // The page itself is complete.
      expect(await plain.locator('h1').count()).toBe(1);
      await other.close();
    }
  });
});

// Offline reading and search with the service worker (sw.js) in Chromium. Service workers need a
// real http origin: the preview server global-setup starts is one.
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchOptions } from '../../scripts/lib/browser.ts';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;

beforeAll(async () => {
  base = inject('baseUrl');
  browser = await chromium.launch(launchOptions());
  context = await browser.newContext();
  page = await context.newPage();
  // First visit: the worker installs (precaching the shell, articles and search index) and claims the page.
  await page.goto(`${base}/`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
  // A page outside the precache, visited online: cached as it is read.
  await page.goto(`${base}/people/rowan-example/`);
  await context.setOffline(true);
});
afterAll(async () => browser?.close());

describe('offline, after one visit', () => {
  it('reloads a visited page that is not precached', async () => {
    const response = await page.reload();
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toContain('Rowan Example');
  });

  it('opens any article, complete with its pictures', async () => {
    const failed: string[] = [];
    const onFail = (request: { url(): string }) => failed.push(request.url());
    page.on('requestfailed', onFail);
    await page.goto(`${base}/articles/opioid-withdrawal/`);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('.review-dates').count()).toBe(1);
    page.off('requestfailed', onFail);
    expect(failed).toEqual([]);
  });

  it('searches and opens a result with the network off', async () => {
    await page.goto(`${base}/search/?q=baclofen+withdrawal`);
    await page.locator('.search-result').first().waitFor();
    expect((await page.locator('.search-result__title').allTextContents())[0]).toBe(
      'Baclofen withdrawal: timeline, symptoms and safe tapering',
    );
    // The cache-busting pagefind-entry.json?ts=... was answered from the precache.
    expect(await page.locator('[data-search-unavailable]').isHidden()).toBe(true);
    await page.locator('.search-result__section-link').first().click();
    await page.waitForURL(/\/articles\/baclofen-withdrawal\/#.+/);
    expect(await page.locator('h1').textContent()).toBe('Baclofen withdrawal: timeline, symptoms and safe tapering');
  });

  it('shows the offline page for a page never opened', async () => {
    const response = await page.goto(`${base}/people/lena-sample/`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe('You are offline');
    expect(await page.locator('main a[href="/search/"]').count()).toBe(1);
    expect(await page.locator('main .helpline-box a[href^="tel:"]').count()).toBe(1);
  });
});

// Self-contained pages: everything a page loads comes from the site itself (no CDN fonts, scripts,
// styles or analytics), so a cached or saved page is complete and reading it is private.
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchOptions } from '../../scripts/lib/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch(launchOptions());
});
afterAll(async () => browser?.close());

const PAGES: Array<[string, string | null]> = [
  ['/', null],
  ['/articles/baclofen-withdrawal/', null],
  ['/search/?q=baclofen', '.search-result'],
  ['/a-z/', null],
];

describe('every request stays on the site', () => {
  for (const [path, waitFor] of PAGES) {
    it(path, async () => {
      const base = inject('baseUrl');
      const context = await browser.newContext();
      const requests: string[] = [];
      // Context-wide: the page, its workers (Pagefind searches in one) and the service worker.
      context.on('request', (request) => requests.push(request.url()));
      const page = await context.newPage();
      await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
      if (waitFor) await page.locator(waitFor).first().waitFor();
      await page.waitForLoadState('networkidle');
      await context.close();
      const origin = new URL(base).origin;
      const foreign = requests.filter((url) => /^(https?|wss?):/.test(url) && new URL(url).origin !== origin);
      expect(foreign).toEqual([]);
      expect(requests.length).toBeGreaterThan(1);
    });
  }
});

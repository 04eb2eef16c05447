// Search on the built site, in Chromium: Pagefind's component UI on /search/ with our result
// markup, filters, sort, keyboard use, the query in the URL, and the no-JavaScript fallback.
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchOptions } from '../../scripts/lib/browser.ts';

const TITLE = 'Baclofen withdrawal: timeline, symptoms and safe tapering';
let browser: Browser;
let context: BrowserContext;
let base: string;

beforeAll(async () => {
  base = inject('baseUrl');
  browser = await chromium.launch(launchOptions());
  // No service worker here: these tests are about search itself (offline.spec.ts covers the worker).
  context = await browser.newContext({ serviceWorkers: 'block' });
});
afterAll(async () => browser?.close());

async function search(page: Page, query: string) {
  await page.goto(`${base}/search/`);
  await page.locator('pagefind-input input').fill(query);
  await page.locator('.search-result').first().waitFor();
}
const titles = (page: Page) => page.locator('.search-result__title').allTextContents();

describe('search page', () => {
  it('finds the baclofen withdrawal article as the first result, keeps the query in ?q= and shows reviewer and review date', async () => {
    const page = await context.newPage();
    await search(page, 'baclofen withdrawal');
    expect((await titles(page))[0]).toBe(TITLE);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('baclofen withdrawal');
    const meta = await page.locator('.search-result__meta').first().textContent();
    expect(meta).toBe('Withdrawal · Medically reviewed by Dr. Rowan Example, MD, FASAM on October 14, 2026');
    expect(await page.locator('pagefind-summary').textContent()).toMatch(/\d+ results? for baclofen withdrawal/);
    await page.close();
  });

  it('runs the search in ?q= on load, so the header form (a plain GET form) and shared links work', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/a-z/`);
    await page.locator('.site-search input[name="q"]').fill('tapering');
    await page.locator('.site-search button').click();
    await page.waitForURL(/\/search\/\?q=tapering$/);
    await page.locator('.search-result').first().waitFor();
    expect(await page.locator('pagefind-input input').inputValue()).toBe('tapering');
    expect((await titles(page)).length).toBeGreaterThan(0);
    await page.close();
  });

  it('filters by category with the Topic filter', async () => {
    const page = await context.newPage();
    await search(page, 'baclofen');
    expect(await titles(page)).toContain(TITLE);
    const topic = page.locator('pagefind-filter-dropdown[filter="category"]');
    await topic.locator('button.pf-dropdown-trigger').click();
    await topic.getByRole('option', { name: /Substances/ }).click();
    await expect.poll(async () => (await titles(page)).includes(TITLE)).toBe(false);
    const metas = await page.locator('.search-result__meta').allTextContents();
    expect(metas.length).toBeGreaterThan(0);
    for (const meta of metas) expect(meta.startsWith('Substances · ')).toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('category')).toBe('Substances');
    // Switch to Withdrawal (one topic at a time): the article is back.
    if ((await topic.locator('button.pf-dropdown-trigger').getAttribute('aria-expanded')) !== 'true')
      await topic.locator('button.pf-dropdown-trigger').click();
    await topic.getByRole('option', { name: /Withdrawal/ }).click({ timeout: 5000 });
    await expect.poll(async () => (await titles(page))[0]).toBe(TITLE);
    await page.close();
  });

  it('sorts by most recently reviewed', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/search/?q=withdrawal&sort=reviewed`);
    await page.locator('.search-result').first().waitFor();
    expect(await page.locator('[data-search-sort]').inputValue()).toBe('reviewed');
    await expect
      .poll(async () => (await page.locator('.search-result__meta').allTextContents()).length)
      .toBeGreaterThan(2);
    const dates = (await page.locator('.search-result__meta').allTextContents()).map((meta) =>
      Date.parse(meta.split(' on ')[1]),
    );
    expect(dates.every((date) => !Number.isNaN(date))).toBe(true);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    await page.close();
  });

  it('is usable from the keyboard: type, arrow down to a result, Enter opens it', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/search/`);
    await page.locator('pagefind-input input').focus();
    await page.keyboard.type('baclofen withdrawal');
    await page.locator('.search-result').first().waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(TITLE);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/articles\/baclofen-withdrawal\/$/);
    await page.close();
  });

  it('follows a section result to the right heading of the article', async () => {
    const page = await context.newPage();
    await search(page, 'baclofen withdrawal');
    const first = page.locator('.search-result').first();
    const section = first.locator('.search-result__section-link').first();
    const sectionTitle = (await section.textContent())!;
    await section.click();
    await page.waitForURL(/\/articles\/baclofen-withdrawal\/#.+/);
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    const heading = page.locator(`[id="${id}"]`);
    expect(await heading.evaluate((el) => el.tagName)).toMatch(/^H[1-6]$/);
    expect((await heading.textContent())?.trim()).toBe(sectionTitle.trim());
    await expect.poll(() => heading.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(300);
    await page.close();
  });

  it('keeps Pagefind text readable in the dark colour scheme (WCAG AA 4.5:1)', async () => {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await search(page, 'baclofen');
    const ratios = await page.evaluate(() => {
      const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const lum = (css: string) => {
        const [r, g, b] = rgb(css)
          .map((v) => v / 255)
          .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const background = (el: Element | null): string => {
        for (let node = el; node; node = node.parentElement) {
          const bg = getComputedStyle(node).backgroundColor;
          if (bg && !bg.startsWith('rgba(0, 0, 0, 0)') && bg !== 'transparent') return bg;
        }
        return getComputedStyle(document.documentElement).backgroundColor;
      };
      const selectors = [
        '.pf-summary',
        '.pf-input',
        '.pf-dropdown-trigger',
        '.search-result__meta',
        '.search-result__excerpt',
        '.search-result__link',
      ];
      return selectors.map((selector) => {
        const el = document.querySelector(selector)!;
        const [a, b] = [lum(getComputedStyle(el).color), lum(background(el))];
        return { selector, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
      });
    });
    for (const { selector, ratio } of ratios) expect(ratio, selector).toBeGreaterThanOrEqual(4.5);
    await page.close();
  });
});

describe('search page without JavaScript', () => {
  it('says search needs JavaScript and points to the A to Z index', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${base}/search/?q=baclofen`);
    const notice = page.locator('noscript .search-page__notice, .search-page__notice:visible').first();
    expect(await page.locator('.search-page__notice a[href="/a-z/"]').first().isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('Search needs JavaScript');
    expect(await page.locator('[data-search-ui]').isVisible()).toBe(false);
    await noJs.close();
  });
});

// Search on the built site, in Chromium: our markup over Pagefind's JS API on /search/, typo
// correction, synonyms, questions, the helpline, filters and sort with and without a query,
// keyboard use, the query in the URL, a layout that does not shift, a clean index, and the page
// without JavaScript. (Ranking over many queries: search-relevance.spec.ts.)
import { readFileSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchOptions } from '../../scripts/lib/browser.ts';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { formatDate } from '../../src/lib/core/dates.ts';

const TITLE = 'Baclofen withdrawal: timeline, symptoms and safe tapering';
// The review date shown with the result is the article's own, whatever day it was last reviewed.
const reviewedValue = splitFrontmatter(readFileSync('content/articles/baclofen-withdrawal.mdx', 'utf8')).data
  .lastReviewed;
const baclofenReviewed =
  reviewedValue instanceof Date ? reviewedValue.toISOString().slice(0, 10) : String(reviewedValue);
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

const status = (page: Page) => page.locator('[data-search-status]');
const results = (page: Page) => page.locator('[data-search-results] > li');
const titles = (page: Page) => page.locator('.search-result__title').allTextContents();
const hrefs = (page: Page) =>
  page.locator('.search-result__link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));

/** Opens /search/ with these URL parameters and waits for the status line to say something. */
async function open(search: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/search/${search}`);
  await page.locator('[data-search-status]:not(:empty)').waitFor();
  return page;
}

/** Types into the search box and waits for the status to change. */
async function type(page: Page, query: string) {
  const before = await status(page).textContent();
  await page.locator('#search-q').fill(query);
  await expect.poll(() => status(page).textContent()).not.toBe(before);
}

describe('search page', () => {
  it('finds the baclofen withdrawal article first, keeps the query in ?q= and shows reviewer and review date', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/search/`);
    await type(page, 'baclofen withdrawal');
    expect((await titles(page))[0]).toBe(TITLE);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('baclofen withdrawal');
    const meta = await page.locator('.search-result__meta').first().textContent();
    expect(meta).toBe(
      `Withdrawal · Medically reviewed by Dr. Rowan Example, MD, FASAM (fictional sample reviewer) on ${formatDate(baclofenReviewed, 'en-US')}`,
    );
    expect(await status(page).textContent()).toMatch(/^\d+ results? for baclofen withdrawal\.$/);
    await page.close();
  });

  it('runs the search in ?q= on load, so the header form (a plain GET form) and shared links work', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/a-z/`);
    await page.locator('.site-search input[name="q"]').fill('tapering');
    await page.locator('.site-search button').click();
    await page.waitForURL(/\/search\/\?q=tapering$/);
    await results(page).first().waitFor();
    expect(await page.locator('#search-q').inputValue()).toBe('tapering');
    expect((await titles(page)).length).toBeGreaterThan(0);
    await page.close();
  });

  it('corrects a typo, says so, and offers the words as typed', async () => {
    const page = await open('?q=alchohol');
    expect(await status(page).textContent()).toMatch(/^Showing results for alcohol; search instead for alchohol\./);
    expect((await hrefs(page))[0]).toBe('/articles/alcohol-withdrawal/');
    await status(page).getByRole('link', { name: 'alchohol' }).click();
    await expect.poll(() => status(page).textContent()).toMatch(/^No articles match alchohol\./);
    expect(new URL(page.url()).searchParams.get('spell')).toBe('off');
    expect(await results(page).count()).toBe(0);
    await page.close();
  });

  it('finds baclofen for "bacolfen" (not a page that matched the letters "ba")', async () => {
    const page = await open('?q=bacolfen');
    expect(await status(page).textContent()).toContain('Showing results for baclofen');
    expect((await hrefs(page))[0]).toBe('/articles/baclofen-withdrawal/');
    expect(await hrefs(page)).not.toContain('/articles/cognitive-behavioral-therapy/');
    await page.close();
  });

  it('shows no result for nonsense, says so and suggests the A to Z list', async () => {
    const page = await open('?q=xyzzyqq');
    expect(await status(page).textContent()).toMatch(/^No articles match xyzzyqq\./);
    expect(await status(page).locator('a[href="/a-z/"]').count()).toBe(1);
    expect(await results(page).count()).toBe(0);
    await page.close();
  });

  it('never searches on one or two letters alone', async () => {
    for (const query of ['a', 'ba']) {
      const page = await open(`?q=${query}`);
      expect(await status(page).textContent()).toMatch(/^Type at least 3 letters/);
      expect(await results(page).count()).toBe(0);
      await page.close();
    }
  });

  it('finds the page a brand or street name means (Xanax → benzodiazepines, DTs → delirium tremens)', async () => {
    for (const [query, slug] of [
      ['xanax', 'benzodiazepine-tapering'],
      ['DTs', 'alcohol-withdrawal'],
      ['Neurontin', 'gabapentin-misuse-and-withdrawal'],
      ['suboxone', 'medication-assisted-treatment'],
    ]) {
      const page = await open(`?q=${query}`);
      expect((await hrefs(page))[0], query).toBe(`/articles/${slug}/`);
      await page.close();
    }
  });

  it('ranks a question on its meaningful words', async () => {
    const page = await open(`?q=${encodeURIComponent('how long does alcohol withdrawal last')}`);
    expect((await hrefs(page))[0]).toBe('/articles/alcohol-withdrawal/');
    await page.close();
  });

  it('finds the helpline, with its number as a link to call', async () => {
    for (const query of ['helpline', 'hotline', 'suicide']) {
      const page = await open(`?q=${query}`);
      const first = results(page).first();
      expect(await first.getAttribute('class'), query).toContain('search-result--help');
      expect(await first.locator('a[href="tel:18006624357"]').count()).toBe(1);
      expect(await first.locator('a[href="tel:988"]').count()).toBe(1);
      await page.close();
    }
  });

  it('lists the articles of a topic, a substance, or every article by review date, with no query', async () => {
    const topic = await open('?category=Withdrawal');
    expect(await status(topic).textContent()).toBe('4 articles in Withdrawal, most recently reviewed first.');
    for (const meta of await topic.locator('.search-result__meta').allTextContents())
      expect(meta).toMatch(/^Withdrawal · /);
    expect(await topic.locator('select[name="category"]').inputValue()).toBe('Withdrawal');
    await topic.close();

    const substance = await open('?substance=Baclofen');
    expect(await hrefs(substance)).toContain('/articles/baclofen-overdose/');
    expect(await hrefs(substance)).not.toContain('/articles/opioid-withdrawal/');
    await substance.close();

    const all = await open('?sort=reviewed');
    expect(await status(all).textContent()).toBe('12 articles, most recently reviewed first.');
    expect(await results(all).count()).toBe(5);
    await all.locator('[data-search-more]').click();
    await expect.poll(() => results(all).count()).toBe(12);
    expect(await all.locator('[data-search-more]').isHidden()).toBe(true);
    const dates = (await all.locator('.search-result__meta').allTextContents()).map((m) =>
      Date.parse(m.split(' on ')[1]),
    );
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    await all.close();
  });

  it('filters a query by topic, and keeps the filter in the URL', async () => {
    const page = await open('?q=baclofen');
    expect(await titles(page)).toContain(TITLE);
    await page.locator('select[name="category"]').selectOption('Substances');
    await expect.poll(async () => (await titles(page)).includes(TITLE)).toBe(false);
    const metas = await page.locator('.search-result__meta').allTextContents();
    expect(metas.length).toBeGreaterThan(0);
    for (const meta of metas) expect(meta.startsWith('Substances · ')).toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('category')).toBe('Substances');
    await page.locator('select[name="category"]').selectOption('Withdrawal');
    await expect.poll(async () => (await titles(page))[0]).toBe(TITLE);
    await page.close();
  });

  it('sorts a query by most recently reviewed', async () => {
    const page = await open('?q=withdrawal&sort=reviewed');
    expect(await page.locator('select[name="sort"]').inputValue()).toBe('reviewed');
    const dates = (await page.locator('.search-result__meta').allTextContents()).map((m) =>
      Date.parse(m.split(' on ')[1]),
    );
    expect(dates.length).toBeGreaterThan(2);
    expect(dates.every((date) => !Number.isNaN(date))).toBe(true);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    await page.close();
  });

  it('answers from titles first, and searches the full text when asked', async () => {
    const page = await open('?q=withdrawal');
    const fromTitles = await results(page).count();
    const button = page.locator('[data-search-full-text]');
    expect(await button.isVisible()).toBe(true);
    await button.click();
    await expect.poll(() => button.isHidden()).toBe(true);
    await expect.poll(() => status(page).textContent()).toMatch(/^\d+ results for withdrawal\./);
    const total = Number((await status(page).textContent())?.match(/^(\d+)/)?.[1]);
    expect(total).toBeGreaterThan(fromTitles);
    // Full-text results quote the text around the match.
    expect(await page.locator('.search-result__excerpt mark').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('is usable from the keyboard: type, arrow down to a result, Enter opens it', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/search/`);
    await page.locator('#search-q').focus();
    await page.keyboard.type('baclofen withdrawal');
    await results(page).first().waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(TITLE);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/articles\/baclofen-withdrawal\/$/);
    await page.close();
  });

  it('follows a section result to the right heading of the article', async () => {
    const page = await open(`?q=${encodeURIComponent('baclofen withdrawal')}`);
    const section = results(page).first().locator('.search-result__section-link').first();
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

  it('keeps Sources and Key takeaways out of section links, and words of separate blocks apart', async () => {
    const page = await open('?q=StatPearls');
    expect(await status(page).textContent()).toMatch(/^No articles match StatPearls\./);
    await page.close();
    for (const query of ['shaky hands sweating', 'seizures', 'timeline']) {
      const each = await open(`?q=${encodeURIComponent(query)}`);
      if (await each.locator('[data-search-full-text]').isVisible()) {
        await each.locator('[data-search-full-text]').click();
        await expect.poll(() => each.locator('[data-search-full-text]').isHidden()).toBe(true);
      }
      const sections = await each.locator('.search-result__section-link').allTextContents();
      expect(sections.length, query).toBeGreaterThan(0);
      expect(sections).not.toContain('Sources');
      expect(sections).not.toContain('Key takeaways');
      expect(sections).not.toContain('On this page');
      for (const excerpt of await each
        .locator('.search-result__excerpt, .search-result__section-excerpt')
        .allTextContents())
        expect(excerpt, `${query}: ${excerpt}`).not.toMatch(/[a-z][A-Z][a-z]|[a-z][.:][A-Za-z]{2}/);
      await each.close();
    }
  });

  it('lays results out without moving what is already on screen (no layout shift)', async () => {
    const page = await context.newPage();
    await page.addInitScript(() => {
      (window as unknown as { shift: number }).shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>)
          if (!entry.hadRecentInput) (window as unknown as { shift: number }).shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.setViewportSize({ width: 412, height: 823 });
    await page.goto(`${base}/search/?q=withdrawal`);
    await results(page).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBeLessThan(0.01);
    await page.close();
  });

  it('keeps its own text readable in the dark colour scheme (WCAG AA 4.5:1)', async () => {
    const page = await browser.newPage({ colorScheme: 'dark', serviceWorkers: 'block' } as never);
    await page.goto(`${base}/search/?q=${encodeURIComponent('alchohol withdrawal')}`);
    await results(page).first().waitFor();
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
        '.search-status',
        '.search-status a',
        '.search-form__input',
        '.search-form__filter select',
        '.search-form__button',
        '.search-result__meta',
        '.search-result__excerpt',
        '.search-result__excerpt mark',
        '.search-result__link',
        '.search-actions__button',
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

describe('where the engine runs', () => {
  const pagefindFetches = (names: string[]) => names.filter((name) => /\/pagefind\/(index|fragment)\//.test(name));

  it('runs Pagefind in a worker: the page itself fetches no index or result file', async () => {
    const page = await context.newPage();
    const worker = page.waitForEvent('worker');
    await page.goto(`${base}/search/?q=baclofen+withdrawal`);
    await results(page).first().waitFor();
    expect((await titles(page))[0]).toBe(TITLE);
    const onPage = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    const inWorker = await (await worker).evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => entry.name),
    );
    expect(pagefindFetches(onPage)).toEqual([]);
    expect(pagefindFetches(inWorker).length).toBeGreaterThan(0);
    await page.close();
  });

  it('still searches, on the page, when the worker cannot load', async () => {
    const page = await context.newPage();
    await page.route(/\/_astro\/search-engine-worker[^/]*\.js$/, (route) => route.abort());
    await page.goto(`${base}/search/?q=baclofen+withdrawal`);
    await results(page).first().waitFor();
    expect((await titles(page))[0]).toBe(TITLE);
    expect(await page.locator('.search-result__meta').first().textContent()).toContain(
      `on ${formatDate(baclofenReviewed, 'en-US')}`,
    );
    const onPage = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    expect(pagefindFetches(onPage).length).toBeGreaterThan(0);
    expect(await page.locator('[data-search-unavailable]').isHidden()).toBe(true);
    await page.close();
  });
});

describe('search page without JavaScript', () => {
  it('keeps the query in the address, says search needs JavaScript, and offers the A to Z list and topics', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${base}/a-z/`);
    await page.locator('.site-search input[name="q"]').fill('baclofen');
    await page.locator('.site-search button').click();
    await page.waitForURL(/\/search\/\?q=baclofen$/);
    const notice = page.locator('noscript .search-page__notice, .search-page__notice:visible').first();
    expect(await notice.textContent()).toContain('Search needs JavaScript');
    expect(await page.locator('.search-page__notice a[href="/a-z/"]').first().isVisible()).toBe(true);
    expect(await page.locator('.search-page__notice a[href="/categories/"]').first().isVisible()).toBe(true);
    // One step to the reader's letter or topic: "baclofen" is under B, its article in Withdrawal.
    await page.locator('.search-page__notice .az-letters a[href="/a-z/b/"]').click();
    await page.waitForURL(/\/a-z\/b\/$/);
    expect(await page.locator(`a:text-is("${TITLE}")`).count()).toBe(1);
    await page.goBack();
    const topics = page.locator('.search-page__topics a');
    expect(await topics.allTextContents()).toContain('Withdrawal');
    for (const href of await topics.evaluateAll((links) => links.map((a) => a.getAttribute('href'))))
      expect((await page.request.get(`${base}${href}`)).status()).toBe(200);
    // The search form itself still works: it submits the words and the filters as a plain GET.
    await page.locator('#search-q').fill('xanax');
    await page.locator('select[name="category"]').selectOption('Withdrawal');
    await page.locator('.search-form__button').click();
    await page.waitForURL(/\/search\/\?q=xanax&/);
    const params = new URL(page.url()).searchParams;
    expect([params.get('q'), params.get('category')]).toEqual(['xanax', 'Withdrawal']);
    await noJs.close();
  });
});

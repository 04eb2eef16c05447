// The built baclofen withdrawal page, read in Chromium with JavaScript turned off: everything
// a reader needs must be in the HTML, and must agree with the article's front matter.
import { readFileSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchOptions } from '../../scripts/lib/browser.ts';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { formatDate } from '../../src/lib/core/dates.ts';

const slug = 'baclofen-withdrawal';
const front = splitFrontmatter(readFileSync(`content/articles/${slug}.mdx`, 'utf8')).data as Record<string, any>;
const asDate = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
const reviewer = splitFrontmatter(`---\n${readFileSync(`content/people/${front.reviewer}.yml`, 'utf8')}\n---\n`)
  .data as any;
const settings = splitFrontmatter(`---\n${readFileSync('content/settings/site.yml', 'utf8')}\n---\n`).data as any;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await chromium.launch(launchOptions());
  const context = await browser.newContext({ javaScriptEnabled: false });
  page = await context.newPage();
  const response = await page.goto(`${inject('baseUrl')}/articles/${slug}/`);
  expect(response?.status()).toBe(200);
});
afterAll(async () => browser?.close());

describe('article page (no JavaScript)', () => {
  it('has the title as the only H1 and the description as meta', async () => {
    expect(await page.locator('h1').allTextContents()).toEqual([front.title]);
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toBe(front.description);
  });

  it('shows who reviewed it, with credentials, linking to their page and the editorial policy', async () => {
    const byline = page.locator('.byline__reviewed');
    const expectedName = [reviewer.name, ...reviewer.credentials].join(', ');
    expect(await byline.locator(`a[href="/people/${front.reviewer}/"]`).textContent()).toBe(expectedName);
    expect(await byline.locator('a[href="/editorial-policy/"]').count()).toBe(1);
    const sampleLabel = reviewer.sample ? ' (fictional sample reviewer)' : '';
    expect((await byline.innerText()).replace(/\s+/g, ' ')).toContain(
      `Medically reviewed by ${expectedName}${sampleLabel} on ${formatDate(asDate(front.lastReviewed), 'en-US')}`,
    );
    expect(await page.locator(`.byline__author a[href="/people/${front.author}/"]`).count()).toBe(1);
  });

  it('puts review dates in <time datetime> matching the front matter', async () => {
    const dates = await page
      .locator('.review-dates div')
      .evaluateAll((divs) =>
        Object.fromEntries(
          divs.map((d) => [d.querySelector('dt')!.textContent, d.querySelector('time')!.getAttribute('datetime')]),
        ),
      );
    expect(dates).toEqual({
      'Page last reviewed': asDate(front.lastReviewed),
      'Next review due': asDate(front.nextReviewDue),
      'First published': asDate(front.published),
      ...(front.updated && asDate(front.updated) !== asDate(front.published)
        ? { 'Last updated': asDate(front.updated) }
        : {}),
    });
    expect(await page.locator('.byline__date time').getAttribute('datetime')).toBe(asDate(front.lastReviewed));
  });

  it('lists every source, numbered, in front-matter order', async () => {
    const items = page.locator('.sources__list > li');
    expect(await items.count()).toBe(front.sources.length);
    for (const [index, source] of front.sources.entries()) {
      const item = items.nth(index);
      expect(await item.getAttribute('id')).toBe(`source-${index + 1}`);
      expect(await item.locator('cite a').getAttribute('href')).toBe(source.url);
      expect(await item.locator('time').getAttribute('datetime')).toBe(asDate(source.accessed));
    }
  });

  it('has a table of contents whose every link lands on an H2 of the article', async () => {
    const targets = await page.locator('.toc a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(targets.length).toBeGreaterThanOrEqual(5);
    const h2Ids = await page.locator('.prose h2').evaluateAll((hs) => hs.map((h) => `#${h.id}`));
    expect(targets).toEqual(h2Ids);
    for (const target of targets) expect(await page.locator(target!).count()).toBe(1);
  });

  it('offers the helpline as a tel: link saying who answers and when', async () => {
    const dial = settings.helpline.display.replace(/[^+0-9]/g, '');
    const box = page.locator('.helpline-box').first();
    expect(await box.locator(`a[href="tel:${dial}"]`).count()).toBe(1);
    expect(await box.textContent()).toContain(settings.helpline.answeredBy);
    expect(await box.textContent()).toContain(settings.helpline.hours);
  });

  it('carries the disclaimer and emergency guidance', async () => {
    const disclaimer = await page.locator('.disclaimer').textContent();
    expect(disclaimer).toContain('not a substitute for professional medical advice');
    expect(await page.locator(`.disclaimer a[href="tel:${settings.emergencyNumber}"]`).count()).toBe(1);
  });

  it('renders the three urgency callouts and the in-body image with alt text', async () => {
    for (const level of ['emergency', 'urgent', 'non-urgent']) {
      expect(await page.locator(`.callout--${level}`).count()).toBeGreaterThanOrEqual(1);
    }
    const alts = await page.locator('.prose img').evaluateAll((imgs) => imgs.map((img) => img.getAttribute('alt')));
    expect(alts.length).toBeGreaterThanOrEqual(1);
    for (const alt of alts) expect(alt?.trim()).toBeTruthy();
    expect(await page.locator('img.article__hero').getAttribute('alt')).toBe(front.hero.alt);
  });

  it('links to related articles that exist', async () => {
    const links = await page
      .locator('.related .card__title a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect((await page.request.get(`${inject('baseUrl')}${href}`)).status()).toBe(200);
  });
});

describe('sticky helpline bar on a phone', () => {
  it('never covers the last line of the page or a focused link', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 667 } });
    const phone = await context.newPage();
    await phone.goto(`${inject('baseUrl')}/articles/${slug}/`);
    const bar = await phone.locator('.helpline-bar').boundingBox();
    expect(bar).not.toBeNull();
    expect(bar!.y + bar!.height).toBeCloseTo(667, 0);
    await phone.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const lastText = await phone.locator('.site-footer__small').boundingBox();
    expect(lastText!.y + lastText!.height).toBeLessThanOrEqual(bar!.y);
    // Tab to a link in the sources: the browser scrolls it clear of the bar.
    await phone.evaluate(() => window.scrollTo(0, 0));
    await phone.locator('.sources__list a').first().focus();
    const focused = await phone.locator('.sources__list a').first().boundingBox();
    expect(focused!.y + focused!.height).toBeLessThanOrEqual(bar!.y);
    await context.close();
  });
});

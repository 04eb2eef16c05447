// The editors' review dashboard and the reader-facing "due for review" notice, in Chromium.
import { readFileSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchOptions } from '../../scripts/lib/browser.ts';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch(launchOptions());
});
afterAll(async () => browser?.close());

const dueDate = (slug: string) => {
  const value = splitFrontmatter(readFileSync(`content/articles/${slug}.mdx`, 'utf8')).data.nextReviewDue;
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
};

describe('review dashboard', () => {
  it('lists every article, most urgent first, noindex, matching /reviews.json', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('baseUrl')}/reviews/`);
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    expect(await page.locator('[data-pagefind-body]').count()).toBe(0);
    const rows = await page.locator('table.dashboard tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        slug: tr.getAttribute('data-slug'),
        status: tr.getAttribute('data-status'),
        cells: [...tr.children].map((c) => c.textContent?.trim()),
      })),
    );
    const json = await (await page.request.get(`${inject('baseUrl')}/reviews.json`)).json();
    expect(rows.map((row) => row.slug)).toEqual(json.articles.map((a: { slug: string }) => a.slug));
    expect(rows.map((row) => row.status)).toEqual(json.articles.map((a: { status: string }) => a.status));
    expect(rows.some((row) => row.slug === 'baclofen-withdrawal')).toBe(true);
    const rank = { overdue: 0, 'due-soon': 1, current: 2 } as Record<string, number>;
    const ranks = rows.map((row) => rank[row.status!]);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    for (const article of json.articles) {
      expect(article).toEqual(
        expect.objectContaining({
          nextReviewDue: dueDate(article.slug),
          reviewer: expect.objectContaining({ name: expect.any(String) }),
          readingGrade: expect.any(Number),
        }),
      );
    }
    await page.close();
  });
});

describe('review dashboard filters', () => {
  it('narrows the list by reviewer and by status with plain links, marking the current filter', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${inject('baseUrl')}/reviews/`);
    const json = await (await page.request.get(`${inject('baseUrl')}/reviews.json`)).json();
    const reviewers = page.getByRole('navigation', { name: 'Filter by reviewer' });
    expect((await reviewers.locator('[aria-current="page"]').textContent())?.trim()).toMatch(/^All reviewers \(\d+\)$/);
    await reviewers.getByRole('link', { name: /^Dr\. Rowan Example/ }).click();
    await page.waitForURL(/\/reviews\/by\/rowan-example\/$/);
    const slugs = () =>
      page.locator('table.dashboard tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-slug')));
    const rowan = json.articles.filter((a: { reviewer: { id: string } }) => a.reviewer.id === 'rowan-example');
    expect(await slugs()).toEqual(rowan.map((a: { slug: string }) => a.slug));
    // Then a status, keeping the reviewer.
    const statuses = page.getByRole('navigation', { name: 'Filter by status' });
    await statuses.getByRole('link', { name: /^Current/ }).click();
    await page.waitForURL(/\/reviews\/current\/by\/rowan-example\/$/);
    expect(await slugs()).toEqual(
      rowan.filter((a: { status: string }) => a.status === 'current').map((a: { slug: string }) => a.slug),
    );
    expect((await statuses.locator('[aria-current="page"]').textContent())?.trim()).toMatch(/^Current \(\d+\)$/);
    expect(await page.locator('h1').textContent()).toBe('Review dashboard: Current, reviewed by Dr. Rowan Example');
    await page.close();
  });
});

describe('"due for review" notice for readers', () => {
  // npm test builds the site as of the latest review in content/ (SITE_TODAY), so this page is current in dist/.
  const slug = 'baclofen-withdrawal';
  const open = async (isoTime: string, javaScriptEnabled = true) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(isoTime));
    await page.goto(`${inject('baseUrl')}/articles/${slug}/`);
    const seen = {
      notice: await page.locator('.review-due-notice').isVisible(),
      badge: await page.locator('.byline__badge').isVisible(),
      byline: (await page.locator('.byline__reviewed').innerText()).replace(/\s+/g, ' '),
    };
    await context.close();
    return seen;
  };

  it('stays hidden up to and including the due date, beside the ✓', async () => {
    const seen = await open(`${dueDate(slug)}T23:59:00Z`);
    expect(seen).toMatchObject({ notice: false, badge: true });
    expect(seen.byline).toMatch(/Medically reviewed by/);
  });

  it('shows to a reader who opens the page after the due date, and the ✓ gives way to "Review overdue"', async () => {
    const due = new Date(`${dueDate(slug)}T00:00:00Z`);
    const seen = await open(new Date(due.getTime() + 86_400_000).toISOString());
    expect(seen).toMatchObject({ notice: true, badge: false });
    expect(seen.byline).toMatch(/^Review overdue since \w+ \d+, \d{4}; last reviewed by Dr\. Rowan Example/);
    expect(seen.byline).not.toMatch(/Medically reviewed by/);
  });

  it('leaves the page readable without JavaScript (the dates are at the bottom)', async () => {
    expect(await open('2035-01-01T00:00:00Z', false)).toMatchObject({ notice: false, badge: true });
  });
});

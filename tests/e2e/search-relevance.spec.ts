// Search relevance, in Chromium against the built site: every query of tests/relevance/queries.json
// (typos, brand and street names, questions, symptoms, help) is typed into /search/ the way a
// reader would reach it (?q=), and the first result must be the article that query needs. The
// score is printed; it must not fall below MIN_SCORE, set from measurement (docs/benchmarks.md).
import { readFileSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchOptions } from '../../scripts/lib/browser.ts';

interface RelevanceQuery {
  kind: string;
  query: string;
  expect: string;
}
const { queries } = JSON.parse(readFileSync('tests/relevance/queries.json', 'utf8')) as { queries: RelevanceQuery[] };

/**
 * Measured 69 of 70 (98.6%) on the sample site on 2026-11-26 (the miss: "is it safe to stop drinking
 * cold turkey" ranks baclofen withdrawal, whose text says "cold turkey", above alcohol withdrawal).
 * 68 of 70 passes; a change that loses two more queries fails.
 */
const MIN_SCORE = 0.97;

let browser: Browser;
let context: BrowserContext;
let base: string;

beforeAll(async () => {
  base = inject('baseUrl');
  browser = await chromium.launch(launchOptions());
  context = await browser.newContext({ serviceWorkers: 'block' });
});
afterAll(async () => browser?.close());

/** The first result of a query: an article slug, "helpline", or "(none)". */
async function firstResult(query: string): Promise<string> {
  const page = await context.newPage();
  try {
    await page.goto(`${base}/search/?q=${encodeURIComponent(query)}`);
    await page.locator('[data-search-status]:not(:empty)').waitFor({ timeout: 15_000 });
    const first = page.locator('[data-search-results] > li').first();
    if ((await first.count()) === 0) return '(none)';
    if (await first.evaluate((li) => li.classList.contains('search-result--help'))) return 'helpline';
    const href = (await first.locator('.search-result__link').getAttribute('href')) ?? '';
    return /^\/articles\/([^/]+)\/$/.exec(href)?.[1] ?? href;
  } finally {
    await page.close();
  }
}

describe('search relevance', () => {
  it(`has at least 40 realistic queries of every kind`, () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    expect(new Set(queries.map((q) => q.kind))).toEqual(
      new Set(['typo', 'brand', 'question', 'symptom', 'topic', 'help']),
    );
  });

  it(`finds the right article first for at least ${MIN_SCORE * 100}% of the set`, async () => {
    // Each query in a fresh page, as a reader arriving from the header form; three at a time.
    const got: string[] = [];
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < queries.length; i = next++) got[i] = await firstResult(queries[i].query);
    };
    await Promise.all([worker(), worker(), worker()]);
    const misses = queries
      .map(({ query, expect: wanted }, i) => (got[i] === wanted ? '' : `"${query}": expected ${wanted}, got ${got[i]}`))
      .filter(Boolean);
    const score = (queries.length - misses.length) / queries.length;
    console.log(
      `Search relevance: ${queries.length - misses.length} of ${queries.length} first results right (${(score * 100).toFixed(1)}%).${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`,
    );
    expect(score, misses.join('\n')).toBeGreaterThanOrEqual(MIN_SCORE);
  }, 300_000);
});

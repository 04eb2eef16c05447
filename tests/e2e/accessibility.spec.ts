// axe-core in Chromium over every URL in the sitemap, plus search and a 404, in light and
// dark colour schemes, against WCAG 2.2 A and AA. No rule is disabled.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchOptions } from '../../scripts/lib/browser.ts';
import { describeViolation, runAxe } from './axe.ts';
import { distDir } from './built-site.ts';

/** Paths listed in the built sitemap(s). */
function sitemapPaths(): string[] {
  const read = (file: string) => readFileSync(path.join(distDir(), file), 'utf8');
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  return locs(read('sitemap-index.xml')).flatMap((sitemap) => locs(read(sitemap)));
}

const targets = [...sitemapPaths(), '/search/?q=baclofen', '/this-page-does-not-exist/'];
let browser: Browser;
const rulesRun = new Set<string>();

beforeAll(async () => {
  browser = await chromium.launch(launchOptions());
});
afterAll(async () => {
  console.log(`axe-core: ${rulesRun.size} WCAG 2.2 A/AA rules run on ${targets.length} URLs in light and dark mode.`);
  await browser?.close();
});

// Both colour schemes on one loaded page: axe is injected once, runs in light mode, then again after
// the page is switched to dark (the styles follow prefers-color-scheme live). That halves the time
// of a fresh page and injection per scheme; the last test below shows the dark run really judges
// the dark styles.
describe('axe-core, light and dark mode', () => {
  it.each(targets)('%s has no WCAG 2.2 A/AA violations', async (target) => {
    // bypassCSP lets the test inject axe-core; the pages' own policy is tested in csp.spec.ts.
    const context = await browser.newContext({ colorScheme: 'light', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${inject('baseUrl')}${target}`);
    if (target.startsWith('/search/')) await page.waitForLoadState('networkidle');
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const { violations, rulesRun: ids } = await runAxe(page);
      for (const id of ids) rulesRun.add(id);
      found.push(...violations.map((v) => `${colorScheme}: ${describeViolation(v)}`));
    }
    await context.close();
    expect(found).toEqual([]);
  });
});

describe('axe-core catches a real problem (the check can fail)', () => {
  it('reports low contrast, a missing alt and an unlabelled field', async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<!doctype html><html lang="en"><head><title>Bad</title></head><body><main><p style="color:#bbb;background:#fff">faint</p><img src="x.png"><input type="text"></main></body></html>',
    );
    const { violations } = await runAxe(page);
    await page.close();
    expect(violations.map((v) => v.id).sort()).toEqual(
      expect.arrayContaining(['color-contrast', 'image-alt', 'label']),
    );
  });

  it('judges the dark styles after the switch: a contrast failure only dark mode has is found there only', async () => {
    const page = await browser.newPage({ colorScheme: 'light' });
    await page.setContent(
      '<!doctype html><html lang="en"><head><title>Dark only</title><style>p{color:#111;background:#fff}@media (prefers-color-scheme: dark){p{color:#333;background:#000}}</style></head><body><main><p>faint in the dark</p></main></body></html>',
    );
    const contrastIn = async (colorScheme: 'light' | 'dark') => {
      await page.emulateMedia({ colorScheme });
      return (await runAxe(page)).violations.some((v) => v.id === 'color-contrast');
    };
    expect(await contrastIn('light')).toBe(false);
    expect(await contrastIn('dark')).toBe(true);
    await page.close();
  });
});

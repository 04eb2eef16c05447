// What crawlers get: JSON-LD, head metadata, sitemap, robots, feed and redirects.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchOptions } from '../../scripts/lib/browser.ts';
import { articleModified } from '../../src/lib/content/article-record.ts';
import { loadContent } from '../../src/lib/io/read-content.ts';
import { builtPages, distDir, isNoindex, isRedirectPage } from './built-site.ts';

const SITE = 'https://steadyground.example.org';
const content = loadContent(path.resolve('content'));
const published = content.articles.filter((a) => !a.data.draft);
const pages = builtPages();
const indexable = pages.filter(({ $ }) => !isRedirectPage($) && !isNoindex($));
const jsonLdOf = ($: (typeof pages)[number]['$']) =>
  $('script[type="application/ld+json"]')
    .toArray()
    .map((el) => JSON.parse($(el).text()) as Record<string, any>);

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch(launchOptions());
});
afterAll(async () => browser?.close());

describe('head metadata on every page', () => {
  it.each(pages.filter(({ $ }) => !isRedirectPage($)).map((p) => [p.path, p.$] as const))(
    '%s has lang, title, description, canonical and social cards',
    (urlPath, $) => {
      expect($('html').attr('lang')).toBe('en-US');
      expect($('title').text().length).toBeGreaterThan(5);
      expect($('meta[name="description"]').attr('content')?.length).toBeGreaterThan(20);
      // The 404 page is served at whatever address was missing: it has no address of its own to name.
      const notFound = urlPath.endsWith('404.html');
      expect($('link[rel="canonical"]').attr('href')).toBe(notFound ? undefined : new URL(urlPath, SITE).href);
      expect($('meta[property="og:url"]').attr('content')).toBe(notFound ? undefined : new URL(urlPath, SITE).href);
      for (const property of ['og:title', 'og:description', 'og:image', 'og:image:alt']) {
        expect($(`meta[property="${property}"]`).attr('content'), property).toBeTruthy();
      }
      expect($('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
      expect($('meta[name="twitter:image:alt"]').attr('content')).toBeTruthy();
      for (const block of jsonLdOf($)) expect(block['@context']).toBe('https://schema.org'); // and each block parses
    },
  );

  it('gives every indexable page a unique title and description', () => {
    const titles = indexable.map(({ $ }) => $('title').text());
    const descriptions = indexable.map(({ $ }) => $('meta[name="description"]').attr('content'));
    expect(new Set(titles).size).toBe(titles.length);
    expect(new Set(descriptions).size).toBe(descriptions.length);
  });
});

describe('structured data', () => {
  it.each(published.map((a) => [a.id, a] as const))(
    'article %s carries a complete MedicalWebPage and BreadcrumbList',
    (slug, article) => {
      const page = pages.find((p) => p.path === `/articles/${slug}/`)!;
      const [webPage, articleNode, breadcrumbs] = jsonLdOf(page.$);
      expect(webPage['@type']).toBe('MedicalWebPage');
      expect(articleNode['@type']).toBe('Article');
      expect(webPage.mainEntity).toEqual({ '@id': articleNode['@id'] });
      expect(articleNode.dateModified).toBe(webPage.dateModified);
      expect(articleNode.author).toEqual(webPage.author);
      for (const key of [
        'name',
        'description',
        'url',
        'lastReviewed',
        'reviewedBy',
        'author',
        'datePublished',
        'dateModified',
        'medicalAudience',
        'publisher',
      ]) {
        expect(webPage, key).toHaveProperty(key);
      }
      expect(webPage.url).toBe(`${SITE}/articles/${slug}/`);
      expect(webPage.lastReviewed).toBe(article.data.lastReviewed);
      expect(webPage.datePublished).toBe(`${article.data.published}T00:00:00+00:00`);
      expect(webPage.dateModified).toBe(`${articleModified(article.data)}T00:00:00+00:00`);
      expect(webPage.reviewedBy).toEqual(
        expect.objectContaining({
          '@type': 'Person',
          url: `${SITE}/people/${article.data.reviewer}/`,
          honorificSuffix: expect.any(String),
        }),
      );
      expect(webPage.medicalAudience).toEqual({ '@type': 'Patient' });
      expect(breadcrumbs['@type']).toBe('BreadcrumbList');
    },
  );

  it('puts Organization and WebSite on the home page and Person on each people page', () => {
    expect(jsonLdOf(pages.find((p) => p.path === '/')!.$).map((d) => d['@type'])).toEqual(['Organization', 'WebSite']);
    for (const id of content.people.keys()) {
      const [person] = jsonLdOf(pages.find((p) => p.path === `/people/${id}/`)!.$);
      expect(person).toEqual(expect.objectContaining({ '@type': 'Person', name: content.people.get(id)!.data.name }));
    }
  });

  it('matches what a reader sees: reviewer and dates in the page equal the structured ones', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    for (const article of published) {
      await page.goto(`${inject('baseUrl')}/articles/${article.id}/`);
      const [webPage, articleNode] = JSON.parse(
        `[${(await page.locator('script[type="application/ld+json"]').allTextContents()).join(',')}]`,
      );
      expect(await page.locator('.byline__reviewer').textContent()).toBe(
        [webPage.reviewedBy.name, webPage.reviewedBy.honorificSuffix].join(', '),
      );
      expect(await page.locator('.byline__author-name').textContent()).toContain(webPage.author.name);
      expect(await page.locator('.byline__author-name').textContent()).toContain(articleNode.author.name);
      const visible = await page
        .locator('.review-dates div')
        .evaluateAll((divs) =>
          Object.fromEntries(
            divs.map((d) => [d.querySelector('dt')!.textContent, d.querySelector('time')!.getAttribute('datetime')]),
          ),
        );
      expect(visible['Page last reviewed']).toBe(webPage.lastReviewed);
      expect(visible['First published']).toBe(webPage.datePublished.slice(0, 10));
      // Every sample article was reviewed after publication, so each shows the date JSON-LD gives.
      expect(visible['Last updated']).toBe(webPage.dateModified.slice(0, 10));
      expect(await page.locator('h1').textContent()).toBe(webPage.name);
    }
    await page.close();
  });
});

describe('sitemap and robots', () => {
  const parseXml = async (xml: string) => {
    const page = await browser.newPage();
    const result = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        locs: [...doc.getElementsByTagName('loc')].map((n) => n.textContent),
        urls: [...doc.getElementsByTagName('url')].map((u) => ({
          loc: u.getElementsByTagName('loc')[0]?.textContent,
          lastmod: u.getElementsByTagName('lastmod')[0]?.textContent ?? null,
        })),
      };
    }, xml);
    await page.close();
    return result;
  };

  it('is valid XML listing every indexable page exactly once with its true lastmod', async () => {
    const index = await parseXml(readFileSync(path.join(distDir(), 'sitemap-index.xml'), 'utf8'));
    expect(index.error).toBeNull();
    const urls = [];
    for (const loc of index.locs) {
      const sitemap = await parseXml(readFileSync(path.join(distDir(), new URL(loc!).pathname), 'utf8'));
      expect(sitemap.error).toBeNull();
      urls.push(...sitemap.urls);
    }
    const listed = urls.map((u) => new URL(u.loc!).pathname);
    expect(listed.sort()).toEqual(
      indexable
        .map((p) => p.path)
        .filter((p) => !p.endsWith('404.html'))
        .sort(),
    );
    for (const article of published) {
      const entry = urls.find((u) => u.loc === `${SITE}/articles/${article.id}/`);
      expect(entry?.lastmod?.slice(0, 10), article.id).toBe(articleModified(article.data));
    }
    for (const left of ['/admin/', '/reviews/', '/articles/baclofen-withdrawal-help/'])
      expect(listed).not.toContain(left);
  });

  it('robots.txt disallows /admin/ and points to the sitemap', () => {
    const robots = readFileSync(path.join(distDir(), 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^Disallow: \/admin\/$/m);
    expect(robots).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
  });
});

describe('feed and redirects', () => {
  it('publishes an RSS feed of new and re-reviewed articles', async () => {
    const xml = readFileSync(path.join(distDir(), 'rss.xml'), 'utf8');
    const page = await browser.newPage();
    const items = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      if (doc.querySelector('parsererror')) return null;
      return [...doc.getElementsByTagName('item')].map((i) => ({
        link: i.getElementsByTagName('link')[0].textContent,
        pubDate: i.getElementsByTagName('pubDate')[0].textContent,
      }));
    }, xml);
    await page.close();
    expect(items).toHaveLength(published.length);
    expect(items?.map((item) => item.link)).toContain(`${SITE}/articles/baclofen-withdrawal/`);
    // Each item is dated like its page, its JSON-LD and its sitemap entry.
    for (const article of published) {
      const item = items?.find((i) => i.link === `${SITE}/articles/${article.id}/`);
      expect(new Date(item?.pubDate ?? '').toISOString().slice(0, 10), article.id).toBe(articleModified(article.data));
    }
  });

  it('sends an old slug to the article, as a page and in _redirects', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('baseUrl')}/articles/baclofen-withdrawal-help/`);
    await page.waitForURL(/\/articles\/baclofen-withdrawal\/$/);
    expect(await page.locator('h1').textContent()).toMatch(/^Baclofen withdrawal/);
    await page.close();
    const hostFile = readFileSync(path.join(distDir(), '_redirects'), 'utf8');
    expect(hostFile).toContain('/articles/baclofen-withdrawal-help/ /articles/baclofen-withdrawal/ 301');
  });
});

describe('link previews', () => {
  it.each(published.map((a) => [a.id] as const))('article %s has its own 1200×630 PNG card', (slug) => {
    const { $ } = pages.find((p) => p.path === `/articles/${slug}/`)!;
    const image = $('meta[property="og:image"]').attr('content');
    expect(image).toBe(`${SITE}/og/articles/${slug}.png`);
    expect($('meta[property="og:image:width"]').attr('content')).toBe('1200');
    expect($('meta[property="og:image:height"]').attr('content')).toBe('630');
    const png = readFileSync(path.join(distDir(), 'og', 'articles', `${slug}.png`));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});

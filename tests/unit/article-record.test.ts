// One article record, one modified date: the page, JSON-LD, the sitemap and the feed must all give
// the same one for every sample article (issue 16: three articles without `updated` disagreed).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ArticleRecord, articleModified, articleRecords } from '../../src/lib/content/article-record.ts';
import { loadContent } from '../../src/lib/io/read-content.ts';
import { feedItems } from '../../src/lib/seo/feed.ts';
import { lastModifiedByPath } from '../../src/lib/seo/site-map.ts';
import { articleJsonLd, type SeoSite } from '../../src/lib/seo/structured-data.ts';

const content = loadContent(path.resolve('content'));
const published = content.articles.filter((article) => !article.data.draft);
const settings = content.settings;
if (!settings) throw new Error('content/settings/site.yml did not load');
const TODAY = '2026-11-18';
const records = articleRecords(
  published,
  new Map([...content.people].map(([id, person]) => [id, person.data])),
  settings.reviewPolicy,
  TODAY,
);
const site: SeoSite = {
  url: 'https://steadyground.example.org',
  siteName: settings.siteName,
  locale: settings.locale,
  organisation: settings.organisation,
};
const jsonLdOf = (record: ArticleRecord) => {
  const blocks = articleJsonLd(record, site, ['https://steadyground.example.org/og/articles/x.png']);
  const byType = (type: string) => blocks.find((block) => block['@type'] === type) as Record<string, any>;
  return { page: byType('MedicalWebPage'), article: byType('Article') };
};

describe('articleModified', () => {
  it('is the later of the last edit (or publication) and the last review', () => {
    expect(articleModified({ published: '2025-01-01', lastReviewed: '2026-03-01' })).toBe('2026-03-01');
    expect(articleModified({ published: '2025-01-01', updated: '2026-05-01', lastReviewed: '2026-03-01' })).toBe(
      '2026-05-01',
    );
    expect(articleModified({ published: '2026-04-01', lastReviewed: '2026-03-01' })).toBe('2026-04-01');
  });
});

describe('every sample article gives one modified date everywhere', () => {
  const sitemap = lastModifiedByPath(published);
  const feed = new Map(feedItems(records, (date) => date, Number.POSITIVE_INFINITY).map((item) => [item.link, item]));

  it('covers all the published sample articles, including those without an `updated` date', () => {
    expect(records).toHaveLength(published.length);
    expect(records.length).toBeGreaterThanOrEqual(12);
    const withoutUpdated = records.filter((record) => record.dates.updated === undefined);
    expect(withoutUpdated.map((record) => record.slug).sort()).toEqual([
      'cognitive-behavioral-therapy',
      'group-therapy-and-peer-support',
      'what-happens-in-detox',
    ]);
    // Reviewed long after publication: the review, not publication, is when they last changed.
    for (const record of withoutUpdated) expect(record.dates.modified).toBe(record.dates.lastReviewed);
  });

  it.each(records.map((record) => [record.slug, record] as const))('%s', (_slug, record) => {
    const modified = record.dates.modified;
    const { page, article } = jsonLdOf(record);
    expect(page.dateModified).toBe(`${modified}T00:00:00+00:00`);
    expect(article.dateModified).toBe(`${modified}T00:00:00+00:00`);
    expect(page.datePublished).toBe(`${record.dates.published}T00:00:00+00:00`);
    expect(article.datePublished).toBe(page.datePublished);
    expect(sitemap.get(record.path)).toBe(modified);
    expect(feed.get(record.path)?.date).toBe(modified);
  });
});

describe('Article markup', () => {
  const baclofen = records.find((record) => record.slug === 'baclofen-withdrawal') as ArticleRecord;
  const { page, article } = jsonLdOf(baclofen);

  it('is an Article, the main entity of the MedicalWebPage, named like the page', () => {
    expect(article['@type']).toBe('Article');
    expect(page.mainEntity).toEqual({ '@id': article['@id'] });
    expect(article.mainEntityOfPage).toEqual({ '@id': page['@id'] });
    expect(article.headline).toBe(baclofen.title);
    expect(article.headline.length).toBeLessThanOrEqual(110);
    expect(article.articleSection).toBe('Withdrawal');
    expect(article.image).toBe('https://steadyground.example.org/og/articles/x.png');
    expect(article.publisher).toEqual({ '@id': `${site.url}/#organization`, name: site.organisation.name });
  });

  it('names the author the visible byline names, and the reviewer stays on the page', () => {
    expect(article.author).toEqual(
      expect.objectContaining({
        '@type': 'Person',
        name: baclofen.author.name,
        url: `${site.url}${baclofen.author.path}`,
      }),
    );
    expect(page.author).toEqual(article.author);
    expect(page.reviewedBy).toEqual(expect.objectContaining({ name: baclofen.reviewer.name }));
    expect(baclofen.reviewer.displayName).toBe([page.reviewedBy.name, page.reviewedBy.honorificSuffix].join(', '));
  });

  it('shortens a headline Google would cut, and nothing else', () => {
    const long = { ...baclofen, title: `${'Word '.repeat(30)}end` };
    expect(jsonLdOf(long).article.headline).toHaveLength(110);
    expect(jsonLdOf(long).article.headline.endsWith('…')).toBe(true);
    expect(jsonLdOf(long).page.name).toBe(long.title);
  });
});

describe('the record', () => {
  it('resolves people, addresses, the review state and the search title', () => {
    const [record] = articleRecords(
      [{ ...published[0], data: { ...published[0].data, seoTitle: 'Short title for search' } }],
      new Map([...content.people].map(([id, person]) => [id, person.data])),
      settings.reviewPolicy,
      '2099-01-01',
    );
    expect(record.pageTitle).toBe('Short title for search');
    expect(record.title).toBe(published[0].data.title);
    expect(record.path).toBe(`/articles/${published[0].id}/`);
    expect(record.shareImagePath).toBe(`/og/articles/${published[0].id}.png`);
    expect(record.review).toEqual(expect.objectContaining({ status: 'overdue', asOf: '2099-01-01' }));
    expect(record.reviewer.path).toBe(`/people/${published[0].data.reviewer}/`);
    expect(records[0].pageTitle).toBe(records[0].title);
  });

  it('refuses an unknown person, naming the file and the field', () => {
    expect(() =>
      articleRecords(
        [{ ...published[0], data: { ...published[0].data, reviewer: 'nobody' } }],
        new Map([...content.people].map(([id, person]) => [id, person.data])),
        settings.reviewPolicy,
        TODAY,
      ),
    ).toThrow(
      `content/articles/${published[0].id}.mdx: reviewer: expected the id of a file in content/people/, got "nobody"`,
    );
  });
});

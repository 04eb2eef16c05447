import { describe, expect, it } from 'vitest';
import { articleModified } from '../../src/lib/content/article-record.ts';
import { feedItems } from '../../src/lib/seo/feed.ts';
import {
  articleRedirects,
  lastModifiedByPath,
  type MappableArticle,
  redirectsFile,
} from '../../src/lib/seo/site-map.ts';

const article = (id: string, overrides: Partial<MappableArticle['data']> = {}): MappableArticle => ({
  id,
  file: `content/articles/${id}.mdx`,
  data: {
    category: 'withdrawal',
    author: 'a',
    reviewer: 'r',
    lastReviewed: '2026-06-01',
    published: '2025-01-01',
    redirectFrom: [],
    draft: false,
    ...overrides,
  },
});

describe('sitemap lastmod', () => {
  it('is the later of the last review and the last update, never a build date', () => {
    expect(articleModified(article('x').data)).toBe('2026-06-01');
    expect(articleModified(article('x', { updated: '2026-08-01' }).data)).toBe('2026-08-01');
    expect(lastModifiedByPath([article('x', { updated: '2026-08-01' })]).get('/articles/x/')).toBe('2026-08-01');
  });

  it('dates listing pages by their newest article and leaves undated pages out', () => {
    const dates = lastModifiedByPath([
      article('one', { lastReviewed: '2026-03-01' }),
      article('two', { category: 'treatment', lastReviewed: '2026-09-01', reviewer: 'r2' }),
      article('draft', { lastReviewed: '2026-11-01', draft: true }),
    ]);
    expect(dates.get('/articles/one/')).toBe('2026-03-01');
    expect(dates.get('/categories/withdrawal/')).toBe('2026-03-01');
    expect(dates.get('/categories/treatment/')).toBe('2026-09-01');
    expect(dates.get('/')).toBe('2026-09-01');
    expect(dates.get('/people/r/')).toBe('2026-03-01');
    expect(dates.get('/people/r2/')).toBe('2026-09-01');
    expect(dates.has('/articles/draft/')).toBe(false);
    expect(dates.has('/about/')).toBe(false);
  });
});

describe('redirects from old slugs', () => {
  it('maps each old slug to the current article and writes a host file', () => {
    const { redirects, problems } = articleRedirects([article('new-name', { redirectFrom: ['old-name'] })]);
    expect(problems).toEqual([]);
    expect([...redirects]).toEqual([['/articles/old-name/', '/articles/new-name/']]);
    expect(redirectsFile(redirects)).toContain(
      '/articles/old-name/ /articles/new-name/ 301\n/articles/old-name /articles/new-name/ 301\n',
    );
  });

  it('refuses an old slug that is still in use or claimed twice, naming the file and field', () => {
    const { problems } = articleRedirects([
      article('alpha', { redirectFrom: ['beta'] }),
      article('beta'),
      article('gamma', { redirectFrom: ['old'] }),
      article('delta', { redirectFrom: ['old'] }),
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/articles/alpha.mdx',
        field: 'redirectFrom',
        message: expect.stringMatching(/still the slug of another article/),
      }),
      expect.objectContaining({
        file: 'content/articles/delta.mdx',
        field: 'redirectFrom',
        message: expect.stringMatching(/already redirects to \/articles\/gamma\//),
      }),
    ]);
  });
});

describe('feed', () => {
  const feedArticle = (slug: string, dates: { published: string; lastReviewed: string; updated?: string }) => ({
    path: `/articles/${slug}/`,
    title: slug[0].toUpperCase() + slug.slice(1),
    description: `${slug} page.`,
    dates: { ...dates, nextReviewDue: '2099-01-01', modified: articleModified(dates) },
    reviewer: { name: 'Dr. R' },
  });

  it('announces a re-review or an update as a new item, dated like the page, newest first', () => {
    const items = feedItems(
      [
        feedArticle('fresh', { published: '2026-10-01', lastReviewed: '2026-10-01' }),
        feedArticle('old', { published: '2024-01-01', lastReviewed: '2026-11-01' }),
        feedArticle('edited', { published: '2024-01-01', lastReviewed: '2026-01-01', updated: '2026-09-01' }),
      ],
      (date) => `on-${date}`,
    );
    expect(items.map((i) => [i.title, i.date, i.guid])).toEqual([
      ['Reviewed: Old', '2026-11-01', '/articles/old/#reviewed-2026-11-01'],
      ['Fresh', '2026-10-01', '/articles/fresh/#published-2026-10-01'],
      ['Updated: Edited', '2026-09-01', '/articles/edited/#updated-2026-09-01'],
    ]);
    expect(items[0].description).toBe('old page. Medically reviewed by Dr. R on on-2026-11-01.');
    expect(items[2].description).toBe('edited page. Updated on on-2026-09-01.');
  });

  it('labels a sample reviewer as such, as the byline does', () => {
    const article = feedArticle('old', { published: '2024-01-01', lastReviewed: '2026-11-01' });
    const [item] = feedItems([{ ...article, reviewer: { name: 'Dr. R', sample: true } }], (date) => `on-${date}`);
    expect(item.description).toBe(
      'old page. Medically reviewed by Dr. R (fictional sample reviewer) on on-2026-11-01.',
    );
  });
});

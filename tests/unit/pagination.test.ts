// Long lists split over static pages: page cutting and addresses, the A–Z letter pages and the
// review dashboard's filter pages (issue 14: no page grows with the number of articles).
import { describe, expect, it } from 'vitest';
import { groupByInitial, letterPath, letterSlug } from '../../src/lib/content/a-z.ts';
import { pagedPath, pageParam, pageSuffix, pageWindow, paginate } from '../../src/lib/content/paginate.ts';
import type { DashboardRow } from '../../src/lib/review/dashboard.ts';
import { dashboardPath, dashboardViews } from '../../src/lib/review/dashboard-views.ts';

describe('paginate', () => {
  it('cuts a list into pages that together hold every item once, in order', () => {
    const items = Array.from({ length: 23 }, (_, i) => i);
    const pages = paginate(items, 10);
    expect(pages.map((page) => page.items.length)).toEqual([10, 10, 3]);
    expect(pages.flatMap((page) => page.items)).toEqual(items);
    expect(pages.map((page) => [page.number, page.total])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('gives an empty list one empty page, and refuses a nonsense page size', () => {
    expect(paginate([], 10)).toEqual([{ number: 1, total: 1, items: [] }]);
    expect(() => paginate([1], 0)).toThrow(/pageSize must be a whole number/);
  });

  it('keeps page 1 at the list’s own address', () => {
    expect(pagedPath('/a-z/b/', 1)).toBe('/a-z/b/');
    expect(pagedPath('/a-z/b/', 3)).toBe('/a-z/b/3/');
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(2)).toBe('2');
    expect(() => pagedPath('a-z/b', 2)).toThrow(/expected \/a\/path\//);
  });

  it('offers first, last and neighbouring pages, and fills a gap of one instead of "…"', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageWindow(10, 100)).toEqual([1, null, 8, 9, 10, 11, 12, null, 100]);
    expect(pageWindow(4, 100)).toEqual([1, 2, 3, 4, 5, 6, null, 100]);
  });

  it('makes titles of later pages unique', () => {
    expect(pageSuffix({ number: 1, total: 3 })).toBe('');
    expect(pageSuffix({ number: 2, total: 3 })).toBe(' (page 2 of 3)');
  });
});

describe('A–Z letters', () => {
  it('files titles under their first letter, anything else under "#", with addresses per letter', () => {
    const groups = groupByInitial(['beta', 'Alpha', '3 things', 'apple'], (title) => title);
    expect([...groups.keys()]).toEqual(['#', 'A', 'B']);
    expect(groups.get('A')).toEqual(['Alpha', 'apple']);
    expect(letterPath('B')).toBe('/a-z/b/');
    expect(letterSlug('#')).toBe('other');
  });
});

describe('review dashboard pages', () => {
  const row = (slug: string, status: DashboardRow['status'], reviewer: string): DashboardRow => ({
    slug,
    title: slug,
    url: `/articles/${slug}/`,
    reviewer: { id: reviewer, name: reviewer.toUpperCase() },
    lastReviewed: '2026-01-01',
    nextReviewDue: '2027-01-01',
    status,
    daysUntilDue: 1,
    readingGrade: 7,
  });
  const rows = [
    ...Array.from({ length: 5 }, (_, i) => row(`o${i}`, 'overdue', i % 2 ? 'ann' : 'bob')),
    ...Array.from({ length: 7 }, (_, i) => row(`c${i}`, 'current', 'ann')),
  ];
  const views = dashboardViews(rows, 4);

  it('has a page for every status × reviewer filter, each list cut into pages', () => {
    const bases = [...new Set(views.map((view) => view.basePath))];
    expect(bases.sort()).toEqual(
      [
        '/reviews/',
        '/reviews/by/ann/',
        '/reviews/by/bob/',
        '/reviews/overdue/',
        '/reviews/overdue/by/ann/',
        '/reviews/overdue/by/bob/',
        '/reviews/due-soon/',
        '/reviews/due-soon/by/ann/',
        '/reviews/due-soon/by/bob/',
        '/reviews/current/',
        '/reviews/current/by/ann/',
        '/reviews/current/by/bob/',
      ].sort(),
    );
    const all = views.filter((view) => view.basePath === '/reviews/');
    expect(all.map((view) => view.param)).toEqual([undefined, '2', '3']);
    expect(all.flatMap((view) => view.page.items)).toEqual(rows);
  });

  it('keeps only matching rows on a filter page, and counts the other filters for its links', () => {
    const annOverdue = views.filter((view) => view.basePath === '/reviews/overdue/by/ann/');
    expect(annOverdue.flatMap((view) => view.page.items.map((r) => r.slug))).toEqual(['o1', 'o3']);
    expect(annOverdue[0].param).toBe('overdue/by/ann');
    expect(annOverdue[0].statusCounts).toEqual({ all: 9, overdue: 2, 'due-soon': 0, current: 7 });
    expect(Object.fromEntries(annOverdue[0].reviewerCounts)).toEqual({ ann: 2, bob: 3 });
    // An empty filter still has its page, so its link never breaks.
    const empty = views.filter((view) => view.basePath === '/reviews/due-soon/by/bob/');
    expect(empty).toHaveLength(1);
    expect(empty[0].page.items).toEqual([]);
  });

  it('builds filter addresses that cannot collide with page numbers or each other', () => {
    expect(dashboardPath({ status: 'all' })).toBe('/reviews/');
    expect(dashboardPath({ status: 'due-soon', reviewer: 'page' })).toBe('/reviews/due-soon/by/page/');
  });
});

import { describe, expect, it } from 'vitest';
import { type RelatableArticle, relatedArticles, relatedArticlesIndex } from '../../src/lib/content/related.ts';
import { CATEGORY_IDS } from '../../src/schemas/categories.ts';

function randomArticles(count: number, seed: number): RelatableArticle[] {
  let a = seed;
  const next = () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
  const substances = ['baclofen', 'alcohol', 'gabapentin', 'opioids', 'diazepam', 'kratom'];
  return Array.from({ length: count }, (_, i) => ({
    id: `a-${i}`,
    data: {
      category: pick(CATEGORY_IDS),
      substances: [...new Set(Array.from({ length: Math.floor(next() * 3) }, () => pick(substances)))],
      // Few distinct dates and titles, so the tie-breaks are exercised.
      lastReviewed: pick(['2026-01-01', '2026-02-01', '2026-03-01']),
      title: pick(['Alpha', 'Beta', 'Gamma', 'Delta']),
    },
  }));
}

describe('relatedArticlesIndex', () => {
  it('gives exactly what relatedArticles gives, for every article', () => {
    for (const seed of [1, 2, 3]) {
      const articles = randomArticles(300, seed);
      const related = relatedArticlesIndex(articles);
      for (const article of articles) {
        expect(related(article).map((a) => a.id)).toEqual(relatedArticles(article, articles).map((a) => a.id));
      }
    }
  });

  it('returns nothing for an article that shares neither substance nor category', () => {
    const articles = randomArticles(20, 4).map((a) => ({
      ...a,
      data: { ...a.data, category: 'withdrawal' as const, substances: [] },
    }));
    const lonely = {
      id: 'lonely',
      data: { category: 'recovery' as const, substances: ['nothing'], lastReviewed: '2026-01-01', title: 'L' },
    };
    expect(relatedArticlesIndex([...articles, lonely])(lonely)).toEqual([]);
  });
});

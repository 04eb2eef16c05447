import type { ArticleInput } from './article-record.ts';

export interface RelatableArticle {
  id: string;
  data: Pick<ArticleInput['data'], 'category' | 'substances' | 'lastReviewed' | 'title'>;
}

/**
 * Articles that share substances (worth 2 each) or the category (worth 1) with `current`,
 * best first; ties go to the more recently reviewed, then by title for a stable order.
 */
export function relatedArticles<T extends RelatableArticle>(current: T, candidates: readonly T[], limit = 3): T[] {
  const score = (other: T) =>
    other.data.substances.filter((s) => current.data.substances.includes(s)).length * 2 +
    (other.data.category === current.data.category ? 1 : 0);
  return candidates
    .filter((other) => other.id !== current.id)
    .map((other) => ({ other, score: score(other) }))
    .filter(({ score }) => score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.other.data.lastReviewed.localeCompare(a.other.data.lastReviewed) ||
        a.other.data.title.localeCompare(b.other.data.title),
    )
    .slice(0, limit)
    .map(({ other }) => other);
}

/**
 * The same answer as `relatedArticles(current, all, limit)` for every article, without scoring every
 * pair: `relatedArticles` per page is O(N²) over a build (about 25 million comparisons and 5,000 sorts
 * at 5,000 articles). Candidates are looked up by substance; articles that share only the category
 * (score 1) are taken from a per-category list already in ranking order.
 */
export function relatedArticlesIndex<T extends RelatableArticle>(all: readonly T[], limit = 3): (current: T) => T[] {
  const rank = (a: T, b: T) =>
    b.data.lastReviewed.localeCompare(a.data.lastReviewed) || a.data.title.localeCompare(b.data.title);
  // Lists keep the order of `all` (as relatedArticles' candidates do), so stable sorts break ties alike.
  const bySubstance = new Map<string, T[]>();
  const byCategory = new Map<string, T[]>();
  for (const article of all) {
    for (const substance of new Set(article.data.substances)) {
      if (!bySubstance.has(substance)) bySubstance.set(substance, []);
      bySubstance.get(substance)?.push(article);
    }
    if (!byCategory.has(article.data.category)) byCategory.set(article.data.category, []);
    byCategory.get(article.data.category)?.push(article);
  }
  for (const list of byCategory.values()) list.sort(rank);
  const position = new Map(all.map((article, index) => [article, index]));

  return (current) => {
    // Anything sharing a substance scores at least 2, above every category-only match.
    const sharing = new Set<T>();
    for (const substance of current.data.substances)
      for (const other of bySubstance.get(substance) ?? []) sharing.add(other);
    sharing.delete(current);
    const score = (other: T) =>
      other.data.substances.filter((s) => current.data.substances.includes(s)).length * 2 +
      (other.data.category === current.data.category ? 1 : 0);
    const result = [...sharing]
      .filter((other) => other.id !== current.id)
      .sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0))
      .map((other) => ({ other, score: score(other) }))
      .sort((a, b) => b.score - a.score || rank(a.other, b.other))
      .slice(0, limit)
      .map(({ other }) => other);
    for (const other of byCategory.get(current.data.category) ?? []) {
      if (result.length >= limit) break;
      if (other.id !== current.id && !sharing.has(other)) result.push(other);
    }
    return result;
  };
}

export interface RelatableArticle {
  id: string;
  data: { category: string; substances: string[]; lastReviewed: string; title: string };
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

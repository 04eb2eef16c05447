import { articlePath } from '../core/urls.ts';

export interface FeedArticle {
  slug: string;
  title: string;
  description: string;
  published: string;
  lastReviewed: string;
  reviewer: string;
}

export interface FeedItem {
  title: string;
  link: string;
  description: string;
  /** The event the item announces: first publication or the latest medical review. */
  date: string;
  /** Changes with each review, so feed readers show a re-review as a new item. */
  guid: string;
}

/** One item per article, for its latest event, newest first. */
export function feedItems(
  articles: readonly FeedArticle[],
  reviewerName: (id: string) => string,
  formatDate: (date: string) => string,
  limit = 50,
): FeedItem[] {
  return articles
    .map((article) => {
      const reReviewed = article.lastReviewed > article.published;
      return {
        title: reReviewed ? `Reviewed: ${article.title}` : article.title,
        link: articlePath(article.slug),
        description: reReviewed
          ? `${article.description} Medically reviewed by ${reviewerName(article.reviewer)} on ${formatDate(article.lastReviewed)}.`
          : article.description,
        date: reReviewed ? article.lastReviewed : article.published,
        guid: `${articlePath(article.slug)}#${reReviewed ? `reviewed-${article.lastReviewed}` : `published-${article.published}`}`,
      };
    })
    .sort((a, b) => b.date.localeCompare(a.date) || a.link.localeCompare(b.link))
    .slice(0, limit);
}

import type { ArticleRecord } from '../content/article-record.ts';

export interface FeedItem {
  title: string;
  link: string;
  description: string;
  /** The article's modified date (`articleModified`): the one its page, JSON-LD and sitemap give. */
  date: string;
  /** Changes with each review or update, so feed readers show it as a new item. */
  guid: string;
}

export type FeedArticle = Pick<ArticleRecord, 'path' | 'title' | 'description' | 'dates'> & {
  reviewer: Pick<ArticleRecord['reviewer'], 'name'> & Partial<Pick<ArticleRecord['reviewer'], 'sample'>>;
};

/** What the item announces: first publication, the latest medical review, or an update after it. */
function feedEvent({ dates }: FeedArticle): 'published' | 'reviewed' | 'updated' {
  if (dates.modified === dates.published) return 'published';
  return dates.modified === dates.lastReviewed ? 'reviewed' : 'updated';
}

/** One item per article, for its latest event, newest first. */
export function feedItems(
  articles: readonly FeedArticle[],
  formatDate: (date: string) => string,
  limit = 50,
): FeedItem[] {
  return articles
    .map((article) => {
      const event = feedEvent(article);
      const date = article.dates.modified;
      const prefix = { published: '', reviewed: 'Reviewed: ', updated: 'Updated: ' }[event];
      const note = {
        published: '',
        reviewed: ` Medically reviewed by ${article.reviewer.name}${article.reviewer.sample ? ' (fictional sample reviewer)' : ''} on ${formatDate(date)}.`,
        updated: ` Updated on ${formatDate(date)}.`,
      }[event];
      return {
        title: `${prefix}${article.title}`,
        link: article.path,
        description: `${article.description}${note}`,
        date,
        guid: `${article.path}#${event}-${date}`,
      };
    })
    .sort((a, b) => b.date.localeCompare(a.date) || a.link.localeCompare(b.link))
    .slice(0, limit);
}

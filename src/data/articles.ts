// The one normalised article record per published article (src/lib/content/article-record.ts),
// built once per build from the content layer. Pages, JSON-LD, the feed, search metadata and the
// dashboard all read these, so none of them decides a date, a name or a review state on its own.
import { type ArticleRecord, articleRecord, type PersonRecord, personRecord } from '../lib/content/article-record.ts';
import type { PlainDate } from '../lib/core/dates.ts';
import { siteToday } from '../lib/io/today.ts';
import { type Article, getPeople, getPublishedArticles, getSettings, memo, type Person } from './site.ts';

export const getPersonRecords = memo(async (): Promise<Map<string, PersonRecord>> => {
  const people = await getPeople();
  return new Map([...people].map(([id, person]) => [id, personRecord(id, person.data)]));
});

/** A person's content-layer entry (for their photo); the article records have already refused unknown ids. */
export async function getPersonEntry(id: string): Promise<Person> {
  const person = (await getPeople()).get(id);
  if (!person) throw new Error(`No person "${id}" (content/people/${id}.yml)`);
  return person;
}

export interface ArticleRecords {
  /** The day every record's review state is judged by. */
  today: PlainDate;
  /** Every published article, most recently reviewed first (the order of getPublishedArticles). */
  all: ArticleRecord[];
  bySlug: ReadonlyMap<string, ArticleRecord>;
  /** The record of a published article; a missing one is a bug in the page asking, so it throws. */
  record: (slug: string) => ArticleRecord;
  /** The content-layer entry behind a record, for what only Astro can do with it (render, images). */
  entry: (slug: string) => Article;
}

/** The records as of the build's day (SITE_TODAY pins it): a static page can only know that day. */
export const getArticleRecords = memo(async (): Promise<ArticleRecords> => {
  const [articles, people, settings] = await Promise.all([getPublishedArticles(), getPersonRecords(), getSettings()]);
  const today = siteToday();
  const all = articles.map((article) =>
    articleRecord(
      { id: article.id, data: { ...article.data, author: article.data.author.id, reviewer: article.data.reviewer.id } },
      people,
      settings.reviewPolicy,
      today,
    ),
  );
  const entries = new Map(articles.map((article) => [article.id, article]));
  const bySlug = new Map(all.map((record) => [record.slug, record]));
  return {
    today,
    all,
    bySlug,
    record: (slug) => {
      const found = bySlug.get(slug);
      if (!found) throw new Error(`No published article "${slug}" (content/articles/${slug}.mdx)`);
      return found;
    },
    entry: (slug) => {
      const found = entries.get(slug);
      if (!found) throw new Error(`No published article "${slug}" (content/articles/${slug}.mdx)`);
      return found;
    },
  };
});

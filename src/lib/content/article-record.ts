// One article as every part of the site needs it: people resolved, dates decided, addresses built
// and the review state worked out for one day. Built once per build (src/data/articles.ts) and
// handed to the page, the JSON-LD, the sitemap, the feed, the search metadata and the dashboard,
// so none of them decides a date or a status on its own.
import { CATEGORIES, type CategoryId } from '../../schemas/categories.ts';
import type { PlainDate } from '../core/dates.ts';
import { articlePath, categoryPath, personPath, shareImagePath } from '../core/urls.ts';
import { type ReviewPolicy, type ReviewState, reviewState } from '../review/policy.ts';
import { nameWithCredentials } from './people.ts';

/** What the record needs to know about a person (a content/people/ file's data). */
export interface PersonInput {
  name: string;
  credentials: readonly string[];
  jobTitle: string;
  roles: readonly string[];
  sample: boolean;
}

export interface PersonRecord {
  id: string;
  path: string;
  name: string;
  credentials: readonly string[];
  /** "Dr. Rowan Example, MD, FASAM": the name as a byline prints it. */
  displayName: string;
  jobTitle: string;
  /** A fictional person shipped with the kit: every page that names them says so. */
  sample: boolean;
}

/** An article's front matter with its people as ids (what check:content and astro:content both give). */
export interface ArticleInput {
  id: string;
  data: {
    title: string;
    seoTitle?: string;
    description: string;
    category: CategoryId;
    substances: readonly string[];
    tags: readonly string[];
    author: string;
    reviewer: string;
    published: PlainDate;
    updated?: PlainDate;
    lastReviewed: PlainDate;
    nextReviewDue: PlainDate;
    keyTakeaways?: readonly string[];
    sources: ReadonlyArray<{ title: string; publisher: string; url: string; year: number; accessed: PlainDate }>;
    redirectFrom: readonly string[];
  };
}

export interface ArticleDates {
  published: PlainDate;
  /** The last change readers would notice, when the editors recorded one. */
  updated?: PlainDate;
  lastReviewed: PlainDate;
  nextReviewDue: PlainDate;
  /** When the page last changed in a way that matters: see `articleModified`. */
  modified: PlainDate;
}

export interface ArticleRecord {
  slug: string;
  path: string;
  title: string;
  /** What the <title> and link previews say: the short `seoTitle` when editors set one, else the title. */
  pageTitle: string;
  description: string;
  category: { id: CategoryId; label: string; path: string };
  substances: readonly string[];
  tags: readonly string[];
  author: PersonRecord;
  reviewer: PersonRecord;
  dates: ArticleDates;
  /** The review state on the day the record was built (the build's "today"). */
  review: ReviewState & { asOf: PlainDate };
  keyTakeaways: readonly string[];
  sources: ArticleInput['data']['sources'];
  redirectFrom: readonly string[];
  /** The generated link-preview picture (src/pages/og/articles/[slug].png.ts). */
  shareImagePath: string;
}

/**
 * The one rule for "last modified", used by the visible dates, JSON-LD dateModified, the sitemap's
 * lastmod and the feed: the later of the last edit readers would notice (or first publication)
 * and the last medical review. A completed review is a real change for a health page: it is the
 * date a clinician last vouched for every word.
 */
export function articleModified(dates: Pick<ArticleDates, 'published' | 'updated' | 'lastReviewed'>): PlainDate {
  const edited = dates.updated ?? dates.published;
  return edited > dates.lastReviewed ? edited : dates.lastReviewed;
}

export class UnknownPersonError extends Error {}

export function personRecord(id: string, person: PersonInput): PersonRecord {
  return {
    id,
    path: personPath(id),
    name: person.name,
    credentials: person.credentials,
    displayName: nameWithCredentials(person),
    jobTitle: person.jobTitle,
    sample: person.sample,
  };
}

export function articleRecord(
  article: ArticleInput,
  people: ReadonlyMap<string, PersonRecord>,
  policy: ReviewPolicy,
  today: PlainDate,
): ArticleRecord {
  const { data } = article;
  const person = (field: 'author' | 'reviewer') => {
    const found = people.get(data[field]);
    if (!found) {
      throw new UnknownPersonError(
        `content/articles/${article.id}.mdx: ${field}: expected the id of a file in content/people/, got "${data[field]}"`,
      );
    }
    return found;
  };
  const dates: ArticleDates = {
    published: data.published,
    ...(data.updated ? { updated: data.updated } : {}),
    lastReviewed: data.lastReviewed,
    nextReviewDue: data.nextReviewDue,
    modified: articleModified(data),
  };
  return {
    slug: article.id,
    path: articlePath(article.id),
    title: data.title,
    pageTitle: data.seoTitle ?? data.title,
    description: data.description,
    category: { id: data.category, label: CATEGORIES[data.category].label, path: categoryPath(data.category) },
    substances: data.substances,
    tags: data.tags,
    author: person('author'),
    reviewer: person('reviewer'),
    dates,
    review: { ...reviewState(data.nextReviewDue, today, policy), asOf: today },
    keyTakeaways: data.keyTakeaways ?? [],
    sources: data.sources,
    redirectFrom: data.redirectFrom,
    shareImagePath: shareImagePath(article.id),
  };
}

/** The records of a set of articles, in their order, with each person's record built once. */
export function articleRecords(
  articles: readonly ArticleInput[],
  people: ReadonlyMap<string, PersonInput>,
  policy: ReviewPolicy,
  today: PlainDate,
): ArticleRecord[] {
  const personRecords = new Map([...people].map(([id, person]) => [id, personRecord(id, person)]));
  return articles.map((article) => articleRecord(article, personRecords, policy, today));
}

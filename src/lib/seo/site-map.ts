// Facts about the site's URLs computed once from content: the true last-modified date of
// each page (for the sitemap) and the redirects from old slugs. Pure: astro.config.mjs passes
// in the articles it read, so no astro:content is needed before the build starts.
import { type ArticleInput, articleModified } from '../content/article-record.ts';
import { isPublished } from '../content/publishing.ts';
import type { FieldProblem } from '../content/schema-issues.ts';
import { articlePath, categoryPath, personPath } from '../core/urls.ts';

/** What the sitemap and redirects need of an article, drafts included (they are left out here). */
export interface MappableArticle {
  id: string;
  file: string;
  data: Pick<
    ArticleInput['data'],
    'category' | 'author' | 'reviewer' | 'lastReviewed' | 'published' | 'updated' | 'redirectFrom'
  > & { draft: boolean };
}

const latest = (dates: string[]) =>
  dates.reduce<string | undefined>((max, d) => (max === undefined || d > max ? d : max), undefined);

/**
 * Path → YYYY-MM-DD for every page whose content comes from articles: an article's own is
 * `articleModified`, the date its page, JSON-LD and feed item give; a listing's is its newest article's. Pages with no dated
 * source (about, editorial policy) are left out: no lastmod is better than a made-up one.
 */
export function lastModifiedByPath(articles: readonly MappableArticle[]): Map<string, string> {
  const published = articles.filter((a) => isPublished(a.data));
  const dates = new Map<string, string>();
  const all = published.map((a) => articleModified(a.data));
  for (const article of published) dates.set(articlePath(article.id), articleModified(article.data));
  const overall = latest(all);
  if (overall) for (const path of ['/', '/a-z/', '/categories/', '/people/']) dates.set(path, overall);
  for (const category of new Set(published.map((a) => a.data.category))) {
    const date = latest(published.filter((a) => a.data.category === category).map((a) => articleModified(a.data)));
    if (date) dates.set(categoryPath(category), date);
  }
  for (const person of new Set(published.flatMap((a) => [a.data.author, a.data.reviewer]))) {
    const theirs = published.filter((a) => a.data.author === person || a.data.reviewer === person);
    const date = latest(theirs.map((a) => articleModified(a.data)));
    if (date) dates.set(personPath(person), date);
  }
  return dates;
}

/** Old article paths → current ones, with a problem for an old slug that another page still uses. */
export function articleRedirects(articles: readonly MappableArticle[]): {
  redirects: Map<string, string>;
  problems: FieldProblem[];
} {
  const ids = new Set(articles.map((a) => a.id));
  const redirects = new Map<string, string>();
  const problems: FieldProblem[] = [];
  for (const article of articles.filter((a) => isPublished(a.data))) {
    for (const old of article.data.redirectFrom) {
      const from = articlePath(old);
      if (ids.has(old)) {
        problems.push({
          file: article.file,
          field: 'redirectFrom',
          message: `"${old}" is still the slug of another article: remove it from redirectFrom`,
        });
      } else if (redirects.has(from)) {
        problems.push({
          file: article.file,
          field: 'redirectFrom',
          message: `"${old}" already redirects to ${redirects.get(from)}: an old address can lead to one page only`,
        });
      } else {
        redirects.set(from, articlePath(article.id));
      }
    }
  }
  return { redirects, problems };
}

/** A `_redirects` file (Netlify and Cloudflare Pages), with and without the trailing slash. */
export function redirectsFile(redirects: ReadonlyMap<string, string>): string {
  const lines = ['# Generated from the redirectFrom fields of content/articles/. Do not edit.'];
  for (const [from, to] of [...redirects].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`${from} ${to} 301`, `${from.replace(/\/$/, '')} ${to} 301`);
  }
  return `${lines.join('\n')}\n`;
}

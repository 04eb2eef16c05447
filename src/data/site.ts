// Content queries shared by pages. These need `astro:content`, so they live here rather
// than in src/lib (which stays free of astro:* imports for vitest).
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { isPublished } from '../lib/publishing.ts';

export type Article = CollectionEntry<'articles'>;
export type Person = CollectionEntry<'people'>;

export async function getSettings() {
  const entry = await getEntry('settings', 'site');
  if (!entry) throw new Error('content/settings/site.yml is missing: the site cannot be built without its settings.');
  return entry.data;
}

/** Every article a reader may see, most recently reviewed first. Drafts are never built. */
export async function getPublishedArticles(): Promise<Article[]> {
  const articles = await getCollection('articles', ({ data }) => isPublished(data));
  return articles.sort((a, b) => b.data.lastReviewed.localeCompare(a.data.lastReviewed) || a.id.localeCompare(b.id));
}

export async function getPeople(): Promise<Map<string, Person>> {
  const people = await getCollection('people');
  return new Map(people.map((person) => [person.id, person]));
}

/** Looks a referenced person up, failing the build with the article named if they are missing. */
export function personFor(people: Map<string, Person>, ref: { id: string }, article: Article, field: string): Person {
  const person = people.get(ref.id);
  if (!person) {
    throw new Error(
      `content/articles/${article.id}.mdx: ${field}: expected the id of a file in content/people/, got "${ref.id}"`,
    );
  }
  return person;
}

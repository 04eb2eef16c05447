// Content queries shared by pages. These need `astro:content`, so they live here rather
// than in src/lib (which stays free of astro:* imports for vitest).

import { type CollectionEntry, getCollection, getEntry } from 'astro:content';
import { createHash } from 'node:crypto';
import { isPublished } from '../lib/content/publishing.ts';
import type { SeoSite } from '../lib/seo/structured-data.ts';

export type Article = CollectionEntry<'articles'>;
export type Person = CollectionEntry<'people'>;

// A production build never changes content while it runs, so the settings and people are read
// once per build instead of several times per page (header, footer, helpline, byline, JSON-LD).
// The dev server keeps reading them on every request so edits show up without a restart.
export const memo = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let cached: Promise<T> | undefined;
  return () => {
    if (!import.meta.env.PROD) return load();
    cached ??= load();
    return cached;
  };
};

export const getSettingsEntry = memo(async () => {
  const entry = await getEntry('settings', 'site');
  if (!entry) throw new Error('content/settings/site.yml is missing: the site cannot be built without its settings.');
  return entry;
});

export async function getSettings() {
  return (await getSettingsEntry()).data;
}

/** Every article a reader may see, most recently reviewed first. Drafts are never built. */
export async function getPublishedArticles(): Promise<Article[]> {
  const articles = await getCollection('articles', ({ data }) => isPublished(data));
  return articles.sort((a, b) => b.data.lastReviewed.localeCompare(a.data.lastReviewed) || a.id.localeCompare(b.id));
}

export const getPeople: () => Promise<Map<string, Person>> = memo(async () => {
  const people = await getCollection('people');
  return new Map(people.map((person) => [person.id, person]));
});

/** What structured data needs to know about the site; `site` is Astro.site (the canonical origin). */
export async function getSeoSite(site: URL | undefined): Promise<SeoSite> {
  if (!site)
    throw new Error(
      'astro.config.mjs: site: expected the canonical address (set SITE_URL), needed for canonical URLs.',
    );
  const settings = await getSettings();
  return {
    url: site.origin,
    siteName: settings.siteName,
    locale: settings.locale,
    organisation: settings.organisation,
  };
}

/** A short hash of the data a page shows, for Astro's incremental build (`cacheKey` in getStaticPaths). */
export function pageCacheKey(parts: Array<string | number | undefined>): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);
}

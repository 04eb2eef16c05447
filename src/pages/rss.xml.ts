import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getPeople, getPublishedArticles, getSettings } from '../data/site.ts';
import { formatDate } from '../lib/core/dates.ts';
import { siteUrl } from '../lib/core/site-url.ts';
import { feedItems } from '../lib/seo/feed.ts';

/** New and newly re-reviewed articles: a re-review is news to a clinician who follows the site. */
export const GET: APIRoute = async ({ site }) => {
  const [articles, people, settings] = await Promise.all([getPublishedArticles(), getPeople(), getSettings()]);
  const items = feedItems(
    articles.map((a) => ({
      slug: a.id,
      title: a.data.title,
      description: a.data.description,
      published: a.data.published,
      lastReviewed: a.data.lastReviewed,
      reviewer: a.data.reviewer.id,
    })),
    (id) => people.get(id)?.data.name ?? id,
    (date) => formatDate(date, settings.locale),
  );
  return rss({
    title: `${settings.siteName}: new and re-reviewed articles`,
    description: settings.tagline,
    site: site ?? siteUrl(),
    trailingSlash: true,
    items: items.map((item) => ({
      ...item,
      pubDate: new Date(`${item.date}T00:00:00Z`),
      customData: `<guid isPermaLink="false">${new URL(item.guid, site).href}</guid>`,
    })),
    customData: `<language>${settings.locale}</language>`,
  });
};

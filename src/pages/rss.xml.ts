import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getArticleRecords } from '../data/articles.ts';
import { getSettings } from '../data/site.ts';
import { formatDate } from '../lib/core/dates.ts';
import { siteUrl } from '../lib/core/site-url.ts';
import { feedItems } from '../lib/seo/feed.ts';

/** New, newly re-reviewed and updated articles: a re-review is news to a clinician who follows the site. */
export const GET: APIRoute = async ({ site }) => {
  const [records, settings] = await Promise.all([getArticleRecords(), getSettings()]);
  const items = feedItems(records.all, (date) => formatDate(date, settings.locale));
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

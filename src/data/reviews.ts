import { siteToday } from '../lib/io/today.ts';
import { dashboardRows } from '../lib/review/dashboard.ts';
import { getPeople, getPublishedArticles, getSettings, memo } from './site.ts';

/**
 * The review dashboard as of the build date (SITE_TODAY pins it): a static build can only know that day.
 * Computed once per build (it scores every article's reading level), shared by /reviews/ and /reviews.json.
 */
export const getReviewDashboard = memo(async () => {
  const [articles, people, settings] = await Promise.all([getPublishedArticles(), getPeople(), getSettings()]);
  const asOf = siteToday();
  const rows = dashboardRows(
    articles.map((article) => ({ id: article.id, body: article.body ?? '', data: article.data })),
    (id) => people.get(id)?.data.name ?? id,
    settings.reviewPolicy,
    asOf,
  );
  return { asOf, policy: settings.reviewPolicy, maxGrade: settings.readability.maxGrade, rows };
});

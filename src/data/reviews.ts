import { dashboardRows } from '../lib/review/dashboard.ts';
import { getArticleRecords } from './articles.ts';
import { getSettings, memo } from './site.ts';

/**
 * The review dashboard as of the build date (the records' day; SITE_TODAY pins it): a static build
 * can only know that day. Computed once per build (it scores every article's reading level), shared
 * by /reviews/ and /reviews.json.
 */
export const getReviewDashboard = memo(async () => {
  const [records, settings] = await Promise.all([getArticleRecords(), getSettings()]);
  const rows = dashboardRows(records.all.map((record) => ({ record, body: records.entry(record.slug).body ?? '' })));
  return { asOf: records.today, policy: settings.reviewPolicy, maxGrade: settings.readability.maxGrade, rows };
});

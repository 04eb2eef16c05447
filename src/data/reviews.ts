import { cachedReadingGrades } from '../lib/io/reading-grades.ts';
import { dashboardRows } from '../lib/review/dashboard.ts';
import { getArticleRecords } from './articles.ts';
import { getSettings, memo } from './site.ts';

/**
 * The review dashboard as of the build date (the records' day; SITE_TODAY pins it): a static build
 * can only know that day. Computed once per build (reading grades come from check:content's cache,
 * else are scored here), shared by /reviews/ and /reviews.json.
 */
export const getReviewDashboard = memo(async () => {
  const [records, settings] = await Promise.all([getArticleRecords(), getSettings()]);
  const grades = cachedReadingGrades(records.all.map((record) => record.slug));
  const rows = dashboardRows(
    records.all.map((record) => ({
      record,
      body: records.entry(record.slug).body ?? '',
      readingGrade: grades.get(record.slug),
    })),
  );
  return { asOf: records.today, policy: settings.reviewPolicy, maxGrade: settings.readability.maxGrade, rows };
});

import type { ArticleRecord } from '../content/article-record.ts';
import type { PlainDate } from '../core/dates.ts';
import type { ReviewStatus } from './policy.ts';
import { readabilityOf, readableText } from './readability.ts';

/** An article record and its MDX body (for the reading grade). */
export interface DashboardInput {
  record: Pick<ArticleRecord, 'slug' | 'title' | 'path' | 'dates' | 'review'> & {
    reviewer: Pick<ArticleRecord['reviewer'], 'id' | 'name'>;
  };
  body: string;
  /** The body's grade when already known (check:content's cache); scored from `body` otherwise. */
  readingGrade?: number;
}

export interface DashboardRow {
  slug: string;
  title: string;
  url: string;
  reviewer: { id: string; name: string };
  lastReviewed: PlainDate;
  nextReviewDue: PlainDate;
  status: ReviewStatus;
  /** Days until the review is due; negative once overdue. */
  daysUntilDue: number;
  /** Flesch–Kincaid US grade of the body. */
  readingGrade: number;
}

const URGENCY: Record<ReviewStatus, number> = { overdue: 0, 'due-soon': 1, current: 2 };

/**
 * Every article's review state on the day its record was built, most urgent first (then soonest
 * due). The state is the record's: the page, the dashboard and the JSON share one reviewState() call.
 */
export function dashboardRows(articles: readonly DashboardInput[]): DashboardRow[] {
  return articles
    .map(({ record, body, readingGrade }) => ({
      slug: record.slug,
      title: record.title,
      url: record.path,
      reviewer: { id: record.reviewer.id, name: record.reviewer.name },
      lastReviewed: record.dates.lastReviewed,
      nextReviewDue: record.dates.nextReviewDue,
      status: record.review.status,
      daysUntilDue: record.review.daysUntilDue,
      readingGrade: readingGrade ?? readabilityOf(readableText(body)).grade,
    }))
    .sort(
      (a, b) =>
        URGENCY[a.status] - URGENCY[b.status] ||
        a.nextReviewDue.localeCompare(b.nextReviewDue) ||
        a.slug.localeCompare(b.slug),
    );
}

export const STATUS_LABELS: Record<ReviewStatus, string> = {
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  current: 'Current',
};

import type { PlainDate } from '../core/dates.ts';
import { articlePath } from '../core/urls.ts';
import { type ReviewPolicy, type ReviewStatus, reviewState } from './policy.ts';
import { readabilityOf, readableText } from './readability.ts';

export interface DashboardInput {
  id: string;
  body: string;
  data: { title: string; reviewer: { id: string }; lastReviewed: PlainDate; nextReviewDue: PlainDate };
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

/** Every article's review state on `today`, most urgent first (then soonest due). */
export function dashboardRows(
  articles: readonly DashboardInput[],
  reviewerName: (id: string) => string,
  policy: ReviewPolicy,
  today: PlainDate,
): DashboardRow[] {
  return articles
    .map((article) => {
      const state = reviewState(article.data.nextReviewDue, today, policy);
      return {
        slug: article.id,
        title: article.data.title,
        url: articlePath(article.id),
        reviewer: { id: article.data.reviewer.id, name: reviewerName(article.data.reviewer.id) },
        lastReviewed: article.data.lastReviewed,
        nextReviewDue: article.data.nextReviewDue,
        status: state.status,
        daysUntilDue: state.daysUntilDue,
        readingGrade: readabilityOf(readableText(article.body)).grade,
      };
    })
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

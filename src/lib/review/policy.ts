import { addDays, addMonths, type PlainDate } from '../core/dates.ts';

export interface ReviewPolicy {
  /** Months between medical reviews. */
  intervalMonths: number;
  /** Days before the due date when a review counts as due soon. */
  warningDays: number;
}

export const DEFAULT_REVIEW_POLICY: ReviewPolicy = { intervalMonths: 12, warningDays: 60 };

export type ReviewStatus = 'current' | 'due-soon' | 'overdue';

/** The latest date the next review may be set to: last review plus the policy interval. */
export function nextReviewDueFrom(lastReviewed: PlainDate, policy: ReviewPolicy): PlainDate {
  return addMonths(lastReviewed, policy.intervalMonths);
}

/**
 * Where a page stands on `today`: overdue once its due date has passed, due soon from
 * `warningDays` before it up to and including the due date, otherwise current.
 */
export function reviewStatus(nextReviewDue: PlainDate, today: PlainDate, policy: ReviewPolicy): ReviewStatus {
  if (today > nextReviewDue) return 'overdue';
  if (today >= addDays(nextReviewDue, -policy.warningDays)) return 'due-soon';
  return 'current';
}

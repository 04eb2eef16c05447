// The review status rule, written once: the article page, the dashboard, check:content and the
// reader's browser (src/client/review-due-notice.ts) all ask reviewState(), so they never disagree.
import { addDays, addMonths, daysBetween, type PlainDate } from '../core/dates.ts';

export interface ReviewPolicy {
  /** Months between medical reviews. */
  intervalMonths: number;
  /** Days before the due date when a review counts as due soon. */
  warningDays: number;
  /** Days a review may be overdue before check:content fails (it warns meanwhile). */
  overdueGraceDays: number;
}

export type ReviewStatus = 'current' | 'due-soon' | 'overdue';

export interface ReviewState {
  status: ReviewStatus;
  /** Days until the review is due; negative once overdue. */
  daysUntilDue: number;
  /**
   * Overdue for longer than the policy's grace period: the content gate fails. Readers are told
   * a page is overdue from the first day either way; the grace only delays the failing gate.
   */
  pastGrace: boolean;
}

/** The latest date the next review may be set to: last review plus the policy interval. */
export function nextReviewDueFrom(lastReviewed: PlainDate, policy: Pick<ReviewPolicy, 'intervalMonths'>): PlainDate {
  return addMonths(lastReviewed, policy.intervalMonths);
}

/**
 * Where a page stands on `today`: overdue once its due date has passed, due soon from
 * `warningDays` before it up to and including the due date, otherwise current.
 */
export function reviewState(
  nextReviewDue: PlainDate,
  today: PlainDate,
  policy: Pick<ReviewPolicy, 'warningDays' | 'overdueGraceDays'>,
): ReviewState {
  const daysUntilDue = daysBetween(today, nextReviewDue);
  if (today > nextReviewDue) {
    return { status: 'overdue', daysUntilDue, pastGrace: -daysUntilDue > policy.overdueGraceDays };
  }
  const status = today >= addDays(nextReviewDue, -policy.warningDays) ? 'due-soon' : 'current';
  return { status, daysUntilDue, pastGrace: false };
}

import { fromUtcDate, isPlainDate } from '../lib/core/dates.ts';
import { reviewState } from '../lib/review/policy.ts';

/**
 * For every `[data-review-due]` block whose review is overdue on the reader's date (their clock,
 * read in UTC like every date on the site), shows its `[data-review-when="overdue"]` parts and
 * hides its `[data-review-when="current"]` parts (the ✓ "Medically reviewed" opening). The rule is
 * reviewState(), the same function the build, the dashboard and check:content use.
 * Returns how many blocks turned overdue.
 */
export function showOverdueReviews(root: ParentNode, now: Date): number {
  const today = fromUtcDate(now);
  let changed = 0;
  for (const block of root.querySelectorAll<HTMLElement>('[data-review-due]')) {
    const due = block.dataset.reviewDue ?? '';
    const policy = {
      warningDays: Number(block.dataset.reviewWarningDays ?? 0),
      overdueGraceDays: Number(block.dataset.reviewGraceDays ?? 0),
    };
    if (!isPlainDate(due) || reviewState(due, today, policy).status !== 'overdue') continue;
    for (const part of block.querySelectorAll<HTMLElement>('[data-review-when]')) {
      part.hidden = part.dataset.reviewWhen !== 'overdue';
    }
    changed += 1;
  }
  return changed;
}

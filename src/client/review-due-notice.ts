/**
 * Unhides every `[data-review-due]` notice whose date has passed on `now` (a reader's
 * clock, read in UTC like every other date on the site). Runs in the browser, so it
 * imports nothing: a YYYY-MM-DD string compares correctly as text.
 */
export function showReviewDueNotices(root: ParentNode, now: Date): number {
  const today = now.toISOString().slice(0, 10);
  let shown = 0;
  for (const notice of root.querySelectorAll<HTMLElement>('[data-review-due]')) {
    if (today > (notice.dataset.reviewDue ?? '9999-12-31')) {
      notice.hidden = false;
      shown += 1;
    }
  }
  return shown;
}

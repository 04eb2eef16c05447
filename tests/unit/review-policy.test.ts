import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_POLICY, nextReviewDueFrom, reviewStatus } from '../../src/lib/review/policy.ts';

const policy = DEFAULT_REVIEW_POLICY;

describe('review policy', () => {
  it('defaults to a 12-month interval with a 60-day warning window', () => {
    expect(policy).toEqual({ intervalMonths: 12, warningDays: 60 });
  });

  it('sets the next review from the last one and the interval, month-end safe', () => {
    expect(nextReviewDueFrom('2026-11-26', policy)).toBe('2027-11-26');
    expect(nextReviewDueFrom('2024-02-29', policy)).toBe('2025-02-28');
    expect(nextReviewDueFrom('2026-08-31', { intervalMonths: 6, warningDays: 30 })).toBe('2027-02-28');
  });

  it('is current outside the warning window', () => {
    expect(reviewStatus('2027-06-01', '2026-11-26', policy)).toBe('current');
    expect(reviewStatus('2027-01-26', '2026-11-26', policy)).toBe('current'); // 61 days ahead
  });

  it('is due soon inside the window, up to and including the due date', () => {
    expect(reviewStatus('2027-01-25', '2026-11-26', policy)).toBe('due-soon'); // exactly 60 days
    expect(reviewStatus('2026-12-26', '2026-11-26', policy)).toBe('due-soon');
    expect(reviewStatus('2026-11-26', '2026-11-26', policy)).toBe('due-soon');
  });

  it('is overdue the day after the due date', () => {
    expect(reviewStatus('2026-11-25', '2026-11-26', policy)).toBe('overdue');
    expect(reviewStatus('2023-11-26', '2026-11-26', policy)).toBe('overdue');
  });

  it('honours a different warning window', () => {
    expect(reviewStatus('2027-01-25', '2026-11-26', { intervalMonths: 12, warningDays: 30 })).toBe('current');
  });
});

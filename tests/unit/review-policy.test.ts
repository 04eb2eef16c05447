import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_POLICY } from '../../src/lib/review/default-policy.ts';
import { nextReviewDueFrom, reviewState } from '../../src/lib/review/policy.ts';

const policy = DEFAULT_REVIEW_POLICY;
const status = (due: string, today: string, p = policy) => reviewState(due, today, p).status;

describe('review policy', () => {
  it('defaults to a 12-month interval, a 60-day warning window and no grace period', () => {
    expect(policy).toEqual({ intervalMonths: 12, warningDays: 60, overdueGraceDays: 0 });
  });

  it('sets the next review from the last one and the interval, month-end safe', () => {
    expect(nextReviewDueFrom('2026-11-26', policy)).toBe('2027-11-26');
    expect(nextReviewDueFrom('2024-02-29', policy)).toBe('2025-02-28');
    expect(nextReviewDueFrom('2026-08-31', { intervalMonths: 6 })).toBe('2027-02-28');
  });

  it('is current outside the warning window', () => {
    expect(status('2027-06-01', '2026-11-26')).toBe('current');
    expect(status('2027-01-26', '2026-11-26')).toBe('current'); // 61 days ahead
  });

  it('is due soon inside the window, up to and including the due date', () => {
    expect(status('2027-01-25', '2026-11-26')).toBe('due-soon'); // exactly 60 days
    expect(status('2026-12-26', '2026-11-26')).toBe('due-soon');
    expect(status('2026-11-26', '2026-11-26')).toBe('due-soon');
  });

  it('is overdue the day after the due date', () => {
    expect(reviewState('2026-11-25', '2026-11-26', policy)).toEqual({
      status: 'overdue',
      daysUntilDue: -1,
      pastGrace: true,
    });
    expect(status('2023-11-26', '2026-11-26')).toBe('overdue');
  });

  it('honours a different warning window', () => {
    expect(status('2027-01-25', '2026-11-26', { ...policy, warningDays: 30 })).toBe('current');
  });

  it('is overdue from day one whatever the grace; only pastGrace (the failing gate) waits for it', () => {
    const graced = { ...policy, overdueGraceDays: 14 };
    expect(reviewState('2026-11-12', '2026-11-26', graced)).toEqual({
      status: 'overdue',
      daysUntilDue: -14,
      pastGrace: false,
    });
    expect(reviewState('2026-11-11', '2026-11-26', graced)).toEqual({
      status: 'overdue',
      daysUntilDue: -15,
      pastGrace: true,
    });
    expect(reviewState('2026-11-27', '2026-11-26', graced).pastGrace).toBe(false);
  });
});

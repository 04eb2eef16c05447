import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runContentCheck } from '../../src/lib/io/content-check.ts';
import { FIXTURES } from '../helpers.ts';

// One fixture article per rule in tests/fixtures/review-rules/articles/, evaluated on one fixed day.
const report = runContentCheck({ root: path.join(FIXTURES, 'review-rules'), today: '2026-11-26', useHistory: false });
const findingsFor = (name: string) => report.findings.filter((f) => f.file.endsWith(`/${name}.mdx`));

describe('review-governance rules', () => {
  it.each([
    ['review-overdue', 'review-overdue', 'nextReviewDue', /review overdue since 2024-09-01 \(816 days\)/],
    [
      'due-past-policy',
      'due-past-policy',
      'nextReviewDue',
      /later than the 12-month review policy allows: set it to 2027-06-01/,
    ],
    ['review-in-future', 'review-in-future', 'lastReviewed', /after today \(2026-11-26\)/],
    ['reviewer-unknown', 'reviewer-unknown', 'reviewer', /"nobody-by-this-name" is not a person/],
    [
      'reviewer-without-credentials',
      'reviewer-without-credentials',
      'reviewer',
      /Uma Uncredentialed has no credentials/,
    ],
    ['self-review', 'self-review', 'reviewer', /is also the author \(marcus-demo\)/],
    ['no-sources', 'no-sources', 'sources', /must cite at least one source/],
    ['author-unknown', 'author-unknown', 'author', /"ghost-writer" is not a person/],
  ])('%s: an error naming the field', (fixture, rule, field, message) => {
    const findings = findingsFor(fixture);
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'error', rule, field, message: expect.stringMatching(message) }),
    ]);
  });

  it('a reviewer without the reviewer role is refused', () => {
    const rules = findingsFor('reviewer-not-a-reviewer')
      .map((f) => f.rule)
      .sort();
    expect(rules).toEqual(['reviewer-not-a-reviewer', 'reviewer-without-credentials']);
  });

  it('a review due within the warning window is a warning, not an error', () => {
    expect(findingsFor('due-soon')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        rule: 'review-due-soon',
        field: 'nextReviewDue',
        message: expect.stringMatching(/in 30 days/),
      }),
    ]);
  });

  it('skips drafts, however stale', () => {
    expect(findingsFor('draft-overdue-is-skipped')).toEqual([]);
    expect(report.articles.find((a) => a.file.endsWith('draft-overdue-is-skipped.mdx'))?.draft).toBe(true);
  });

  it('passes a current, complete page', () => {
    expect(findingsFor('current-and-valid')).toEqual([]);
  });

  it('lists errors before warnings and counts them', () => {
    expect(report.errors).toBe(report.findings.filter((f) => f.severity === 'error').length);
    expect(report.errors).toBeGreaterThanOrEqual(9);
    expect(report.warnings).toBe(1);
    expect(report.findings.at(-1)?.severity).toBe('warning');
  });

  it('gives the same answers on another day: everything current is overdue three years on', () => {
    const later = runContentCheck({
      root: path.join(FIXTURES, 'review-rules'),
      today: '2029-11-26',
      useHistory: false,
    });
    const current = later.findings.filter((f) => f.file.endsWith('/current-and-valid.mdx'));
    expect(current.map((f) => f.rule)).toEqual(['review-overdue']);
  });
});

import { describe, expect, it } from 'vitest';
import { articleRecords } from '../../src/lib/content/article-record.ts';
import { dashboardRows } from '../../src/lib/review/dashboard.ts';
import { DEFAULT_REVIEW_POLICY } from '../../src/lib/review/default-policy.ts';

const people = new Map([
  [
    'rowan-example',
    { name: 'Dr. Rowan Example', credentials: ['MD'], jobTitle: 'Physician', roles: ['reviewer'], sample: true },
  ],
  [
    'jamie-placeholder',
    { name: 'Jamie Placeholder', credentials: [], jobTitle: 'Writer', roles: ['author'], sample: true },
  ],
]);
const article = (id: string, lastReviewed: string, nextReviewDue: string) => ({
  record: articleRecords(
    [
      {
        id,
        data: {
          title: id.toUpperCase(),
          description: 'A page.',
          category: 'withdrawal' as const,
          substances: [],
          tags: [],
          author: 'jamie-placeholder',
          reviewer: 'rowan-example',
          published: '2024-01-01',
          lastReviewed,
          nextReviewDue,
          sources: [],
          redirectFrom: [],
        },
      },
    ],
    people,
    DEFAULT_REVIEW_POLICY,
    '2026-11-26',
  )[0],
  body: 'Short words. Easy to read.',
});

describe('review dashboard rows', () => {
  const rows = dashboardRows([
    article('current-late', '2026-10-01', '2027-10-01'),
    article('overdue', '2025-01-01', '2026-01-01'),
    article('current-early', '2026-05-01', '2027-05-01'),
    article('due-soon', '2026-01-10', '2027-01-10'),
  ]);

  it('puts the most urgent first, then the soonest due', () => {
    expect(rows.map((row) => row.slug)).toEqual(['overdue', 'due-soon', 'current-early', 'current-late']);
    expect(rows.map((row) => row.status)).toEqual(['overdue', 'due-soon', 'current', 'current']);
  });

  it('carries reviewer name, days until due and a reading grade', () => {
    expect(rows[0]).toEqual(
      expect.objectContaining({
        url: '/articles/overdue/',
        reviewer: { id: 'rowan-example', name: 'Dr. Rowan Example' },
        daysUntilDue: -329,
      }),
    );
    expect(rows[1].daysUntilDue).toBe(45);
    expect(rows[0].readingGrade).toBeLessThan(3);
  });
});

// Recording a completed medical review is one action with one result, whoever performs it
// (`npm run review:record` now, the CMS's "Record review completed" control later): the
// reviewer, the day, the next due date from the policy, and the fingerprint of the approved text.
import type { PlainDate } from '../core/dates.ts';
import { type ReviewedContent, reviewFingerprint } from './fingerprint.ts';
import { nextReviewDueFrom, type ReviewPolicy } from './policy.ts';

export interface ReviewRecord {
  reviewer: string;
  lastReviewed: PlainDate;
  nextReviewDue: PlainDate;
  reviewFingerprint: string;
}

/** The front-matter values a review of `content` by `reviewer`, completed on `today`, sets. */
export function reviewRecord(
  content: ReviewedContent,
  reviewer: string,
  today: PlainDate,
  policy: Pick<ReviewPolicy, 'intervalMonths'>,
): ReviewRecord {
  return {
    reviewer,
    lastReviewed: today,
    nextReviewDue: nextReviewDueFrom(today, policy),
    reviewFingerprint: reviewFingerprint(content),
  };
}

export interface ReviewerProfile {
  name: string;
  credentials: readonly string[];
  roles: readonly string[];
}

/** Why `reviewer` may not sign off a page by `author`, or undefined when they may. */
export function reviewerProblem(
  reviewer: string,
  author: string,
  people: ReadonlyMap<string, { data: ReviewerProfile }>,
): string | undefined {
  const person = people.get(reviewer)?.data;
  if (!person) return `"${reviewer}" is not a person in content/people/: use the id of a reviewer's file`;
  if (!person.roles.includes('reviewer')) return `${person.name} does not have the reviewer role`;
  if (person.credentials.length === 0) return `${person.name} has no credentials on their profile`;
  if (reviewer === author) return `${person.name} wrote the page: it must be reviewed by someone else`;
  return undefined;
}

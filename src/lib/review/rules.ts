import { CATEGORIES } from '../../schemas/categories.ts';
import { isPublished } from '../content/publishing.ts';
import { addDays, type PlainDate } from '../core/dates.ts';
import { countOf } from '../core/plural.ts';
import { nextReviewDueFrom, type ReviewPolicy, reviewState } from './policy.ts';

export type Severity = 'error' | 'warning';

export interface Finding {
  severity: Severity;
  /** Short id of the rule, stable for tooling (`review-overdue`, `self-review`, ...). */
  rule: string;
  file: string;
  field: string;
  /** What is wrong and what to do about it. */
  message: string;
}

export interface ReviewableArticle {
  file: string;
  data: {
    category: keyof typeof CATEGORIES;
    author: string;
    reviewer: string;
    lastReviewed: PlainDate;
    nextReviewDue: PlainDate;
    sources: readonly unknown[];
    draft: boolean;
  };
}

export interface KnownPerson {
  name: string;
  credentials: readonly string[];
  roles: readonly string[];
}

/**
 * The review-governance rules for one article on `today`. Drafts are not checked: they
 * are never built (see publishing.ts).
 */
export function reviewFindings(
  article: ReviewableArticle,
  people: ReadonlyMap<string, { data: KnownPerson }>,
  policy: ReviewPolicy,
  today: PlainDate,
): Finding[] {
  if (!isPublished(article.data)) return [];
  const { file, data } = article;
  const findings: Finding[] = [];
  const slug =
    file
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.mdx$/, '') ?? file;
  const error = (rule: string, field: string, message: string) =>
    findings.push({ severity: 'error', rule, file, field, message });
  const latestAllowed = nextReviewDueFrom(data.lastReviewed, policy);

  if (data.lastReviewed > today) {
    error(
      'review-in-future',
      'lastReviewed',
      `is ${data.lastReviewed}, after today (${today}): record the date the review was actually completed`,
    );
  }
  if (data.nextReviewDue <= data.lastReviewed) {
    error(
      'due-before-review',
      'nextReviewDue',
      `is ${data.nextReviewDue}, not after lastReviewed (${data.lastReviewed}): set it to ${latestAllowed}`,
    );
  } else if (data.nextReviewDue > latestAllowed) {
    error(
      'due-past-policy',
      'nextReviewDue',
      `is ${data.nextReviewDue}, later than the ${policy.intervalMonths}-month review policy allows: set it to ${latestAllowed} or earlier`,
    );
  }

  const state = reviewState(data.nextReviewDue, today, policy);
  if (state.status === 'overdue') {
    const days = -state.daysUntilDue;
    const grace =
      policy.overdueGraceDays > 0 && !state.pastGrace
        ? `, within the ${policy.overdueGraceDays}-day grace period; an error from ${addDays(data.nextReviewDue, policy.overdueGraceDays + 1)}`
        : '';
    findings.push({
      severity: state.pastGrace ? 'error' : 'warning',
      rule: 'review-overdue',
      file,
      field: 'nextReviewDue',
      message: `review overdue since ${data.nextReviewDue} (${days} day${days === 1 ? '' : 's'})${grace}: have ${data.reviewer} review the page, then record it with npm run review:record -- ${slug} --reviewer ${data.reviewer}`,
    });
  } else if (state.status === 'due-soon') {
    findings.push({
      severity: 'warning',
      rule: 'review-due-soon',
      file,
      field: 'nextReviewDue',
      message: `review due on ${data.nextReviewDue} (in ${countOf(state.daysUntilDue, 'day')}): schedule it with ${data.reviewer}`,
    });
  }

  const reviewer = people.get(data.reviewer);
  if (!reviewer) {
    error(
      'reviewer-unknown',
      'reviewer',
      `"${data.reviewer}" is not a person in content/people/: pick an existing reviewer or add their profile`,
    );
  } else {
    if (reviewer.data.credentials.length === 0) {
      error(
        'reviewer-without-credentials',
        'reviewer',
        `${reviewer.data.name} has no credentials on their profile: a medical reviewer needs at least one (MD, PharmD, ...)`,
      );
    }
    if (!reviewer.data.roles.includes('reviewer')) {
      error(
        'reviewer-not-a-reviewer',
        'reviewer',
        `${reviewer.data.name} does not have the reviewer role: pick a medical reviewer, or add the role to their profile`,
      );
    }
  }
  if (!people.has(data.author)) {
    error(
      'author-unknown',
      'author',
      `"${data.author}" is not a person in content/people/: pick an existing author or add their profile`,
    );
  }
  if (data.author === data.reviewer) {
    error(
      'self-review',
      'reviewer',
      `is also the author (${data.author}): a page must be reviewed by someone who did not write it`,
    );
  }
  if (CATEGORIES[data.category].medical && data.sources.length === 0) {
    error(
      'no-sources',
      'sources',
      'is empty: a medical page must cite at least one source (NIDA, SAMHSA, FDA label, peer-reviewed work)',
    );
  }
  return findings;
}

// The one commit a CMS publish puts on the published branch: which entry, what changed (created,
// updated, review recorded), who published it, and the draft's history (saves and status changes,
// which stay on the draft branch and are squashed into this commit).
import { CATEGORIES } from '../../schemas/categories.ts';

export interface Editor {
  name: string;
  email: string;
}

export interface DraftEvent {
  /** ISO date-time of the commit on the draft branch. */
  date: string;
  author: string;
  subject: string;
}

export interface PublishFacts {
  collection: string;
  slug: string;
  file: string;
  /** The entry's front matter (or YAML data) as published and as it was before, if it existed. */
  after: Record<string, unknown>;
  before?: Record<string, unknown>;
  bodyChanged: boolean;
  editor: Editor;
  history: readonly DraftEvent[];
}

const KIND: Record<string, string> = { articles: 'Article', people: 'Person', pages: 'Page', settings: 'Settings' };
/** The front-matter fields a medical review sets; changing them (and only them) records a review. */
const REVIEW_FIELDS = ['reviewer', 'lastReviewed', 'nextReviewDue', 'reviewFingerprint'];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Top-level fields whose values differ, in the order of the newer version. */
export function changedFields(before: Record<string, unknown> | undefined, after: Record<string, unknown>): string[] {
  if (!before) return Object.keys(after);
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return keys.filter((key) => !same(before[key], after[key]));
}

/** "created", "updated", "review recorded" or "updated, review recorded". */
export function whatChanged(facts: Pick<PublishFacts, 'collection' | 'before' | 'after' | 'bodyChanged'>): string[] {
  if (!facts.before) return ['created'];
  const fields = changedFields(facts.before, facts.after);
  const review =
    facts.collection === 'articles' &&
    (!same(facts.before.lastReviewed, facts.after.lastReviewed) ||
      !same(facts.before.reviewFingerprint, facts.after.reviewFingerprint));
  const other = facts.bodyChanged || fields.some((field) => !REVIEW_FIELDS.includes(field));
  const changes = [];
  if (other || !review) changes.push('updated');
  if (review) changes.push('review recorded');
  return changes;
}

function entryName(facts: PublishFacts): string {
  const title = facts.after.title ?? facts.after.name ?? facts.after.siteName;
  return typeof title === 'string' && title ? title : facts.slug;
}

/** Subject and body of the publish commit. */
export function publishCommitMessage(facts: PublishFacts): string {
  const kind = KIND[facts.collection] ?? facts.collection;
  const changes = whatChanged(facts);
  const subject = `${kind} “${entryName(facts)}”: ${changes.join(', ')} (by ${facts.editor.name})`;
  const lines = [subject, '', `File: ${facts.file}`];
  if (facts.before) {
    const fields = changedFields(facts.before, facts.after);
    const parts = [...fields, ...(facts.bodyChanged ? ['body'] : [])];
    lines.push(`Changed: ${parts.length ? parts.join(', ') : 'nothing but whitespace'}`);
  }
  if (changes.includes('review recorded')) {
    const { reviewer, lastReviewed, nextReviewDue } = facts.after;
    lines.push(
      `Review recorded: reviewed by ${String(reviewer)} on ${String(lastReviewed)}, next review due ${String(nextReviewDue)}`,
    );
  }
  if (facts.collection === 'articles' && typeof facts.after.category === 'string') {
    const category = CATEGORIES[facts.after.category as keyof typeof CATEGORIES];
    if (category) lines.push(`Category: ${category.label}`);
  }
  lines.push(`Published by: ${facts.editor.name} <${facts.editor.email}> in the CMS`);
  if (facts.history.length > 0) {
    lines.push('', 'Draft history (squashed into this commit):');
    for (const event of facts.history) {
      lines.push(`- ${event.date.slice(0, 16).replace('T', ' ')} ${event.author}: ${event.subject}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The subject of the empty commit that records a workflow status change on a draft branch. */
export function statusCommitMessage(status: string, editor: Editor): string {
  const label: Record<string, string> = { draft: 'Draft', pending_review: 'In review', pending_publish: 'Ready' };
  return `Status: ${label[status] ?? status} (by ${editor.name})`;
}

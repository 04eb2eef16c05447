// What the CMS checks before it saves an entry: the rules `check:content` applies, run on the
// entry as the editor holds it. The collection's Zod schema, the review rules (author ≠ reviewer,
// a reviewer with the role and credentials, review dates within the policy, sources on medical
// pages), an optional picture's alt text, and the body (text MDX would read as code or as a
// component, pictures without alt text). The same function runs in the browser (next to each
// field, and again when Save is pressed) and in the local backend's guard before anything is
// committed, with the people the rules need passed in.
import type { z } from 'astro/zod';
import { articleSchema } from '../../schemas/article.ts';
import { CATEGORIES } from '../../schemas/categories.ts';
import { pageSchema } from '../../schemas/page.ts';
import { personSchema } from '../../schemas/person.ts';
import { settingsSchema } from '../../schemas/settings.ts';
import { plainHelpers } from '../content/schema-helpers.ts';
import { problemsFromZod } from '../content/schema-issues.ts';
import { isPlainDate, type PlainDate } from '../core/dates.ts';
import { type BodyFix, bodyProblems } from '../mdx/editor-check.ts';
import type { ReviewPolicy } from '../review/policy.ts';
import { type KnownPerson, type ReviewableArticle, reviewFindings } from '../review/rules.ts';
import type { FieldUi, UiMap } from './schema-fields.ts';
import { ARTICLE_UI, PAGE_UI, PERSON_UI, SETTINGS_UI } from './ui.ts';

export interface EntryProblem {
  /** The top-level field the problem belongs to (where the editor sees it). */
  field: string;
  /** Where exactly, in words: "Sources › 2 › Address (https)", or the field's label. */
  where: string;
  message: string;
  /** Errors stop a save; warnings are shown and the entry can still be saved. */
  severity: 'error' | 'warning';
  /** For body problems: the line in the body and a one-click fix, when there is one. */
  line?: number;
  fix?: BodyFix;
}

export interface EntryCheckContext {
  /** The people the review rules need, by id (content/people/). */
  people: ReadonlyMap<string, KnownPerson>;
  policy: ReviewPolicy;
  today: PlainDate;
  /** The file the entry is saved to, for rule messages. */
  file?: string;
  /**
   * Leave out schema problems of fields that are simply empty: the editor's own "required" check
   * already says so next to them (the browser sets this; the server-side guard does not).
   */
  skipEmpty?: boolean;
}

const SCHEMAS: Record<string, z.ZodType> = {
  articles: articleSchema(plainHelpers),
  people: personSchema(plainHelpers),
  pages: pageSchema,
  settings: settingsSchema,
};

const UI: Record<string, UiMap> = { articles: ARTICLE_UI, people: PERSON_UI, pages: PAGE_UI, settings: SETTINGS_UI };

/** An optional picture's two fields are asked for together (Decap cannot say "required once used"). */
export const OPTIONAL_PICTURES: Record<string, [field: string, label: string]> = {
  articles: ['hero', 'Picture at the top'],
  people: ['photo', 'Photo'],
};

/** Collections whose entries have an MDX body. */
const WITH_BODY = new Set(['articles', 'pages']);

export type PictureVerdict = { drop: true } | { error: string } | { ok: true };

export function optionalPicture(value: unknown, what: string): PictureVerdict {
  const picture = (value ?? {}) as { image?: unknown; alt?: unknown };
  const image = typeof picture.image === 'string' ? picture.image.trim() : '';
  const alt = typeof picture.alt === 'string' ? picture.alt.trim() : '';
  if (!image && !alt) return { drop: true };
  if (!image) return { error: `${what}: choose an image or clear the alt text.` };
  if (!alt) return { error: `${what}: alt text is required. Describe the image for people who cannot see it.` };
  return { ok: true };
}

/**
 * The top-level keys an editor cleared: Decap keeps them as "" or null, which the schemas rightly
 * refuse ("" is not a date), so they are left out of the file, as if never filled in.
 */
export function clearedKeys(data: Record<string, unknown>): string[] {
  return Object.entries(data)
    .filter(([key, value]) => key !== 'body' && (value === '' || value === null))
    .map(([key]) => key);
}

/** The entry's data as it will be written: cleared optional fields and an unused picture left out. */
export function normalisedEntry(collection: string, data: Record<string, unknown>): Record<string, unknown> {
  const result = { ...data };
  for (const key of clearedKeys(result)) delete result[key];
  const picture = OPTIONAL_PICTURES[collection];
  if (picture && 'drop' in optionalPicture(result[picture[0]], picture[1])) delete result[picture[0]];
  return result;
}

/** "sources.1.url" → "Sources › 2 › Address (https)", from the labels editors see. */
export function fieldLabel(collection: string, path: string): string {
  const parts = path.split('.');
  const words: string[] = [];
  let ui: FieldUi | undefined;
  let map: UiMap | undefined = UI[collection];
  for (const part of parts) {
    if (/^\d+$/.test(part)) {
      words.push(String(Number(part) + 1));
      continue;
    }
    ui = map?.[part];
    words.push(ui?.label || (part === 'body' ? 'Body' : part));
    map = ui?.fields;
  }
  return words.join(' › ');
}

/** One line per problem, naming the field, or nothing when the build would accept the front matter. */
export function schemaProblems(collection: string, data: Record<string, unknown>): string[] {
  return schemaIssues(collection, data).map((p) => `${p.path}: ${p.message}`);
}

function schemaIssues(collection: string, data: Record<string, unknown>): Array<{ path: string; message: string }> {
  const schema = SCHEMAS[collection];
  if (!schema) return [];
  const { body: _body, ...frontMatter } = data;
  const result = schema.safeParse(frontMatter);
  return result.success
    ? []
    : problemsFromZod(collection, result.error).map((p) => ({ path: p.field, message: p.message }));
}

function valueAt(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], data);
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/** The parts of an article the review rules read, when they are well-formed enough to judge. */
function reviewable(data: Record<string, unknown>, file: string): ReviewableArticle | undefined {
  const { category, author, reviewer, lastReviewed, nextReviewDue, sources, draft } = data;
  if (typeof category !== 'string' || !(category in CATEGORIES)) return undefined;
  if (typeof author !== 'string' || !author || typeof reviewer !== 'string' || !reviewer) return undefined;
  if (!isPlainDate(lastReviewed) || !isPlainDate(nextReviewDue)) return undefined;
  return {
    file,
    data: {
      category: category as keyof typeof CATEGORIES,
      author,
      reviewer,
      lastReviewed,
      nextReviewDue,
      sources: Array.isArray(sources) ? sources : [],
      draft: draft === true,
    },
  };
}

/**
 * Every problem the build would have with this entry, by field. Review rules whose inputs are
 * themselves invalid are skipped: the schema's message for that input comes first.
 */
export function entryProblems(
  collection: string,
  rawData: Record<string, unknown>,
  context: EntryCheckContext,
): EntryProblem[] {
  const data = normalisedEntry(collection, rawData);
  const problems: EntryProblem[] = [];
  const add = (path: string, message: string, severity: EntryProblem['severity'] = 'error') => {
    const field = path.split('.')[0] || path;
    problems.push({ field, where: fieldLabel(collection, path), message, severity });
  };

  const picture = OPTIONAL_PICTURES[collection];
  const pictureVerdict = picture ? optionalPicture(rawData[picture[0]], picture[1]) : { ok: true as const };
  if ('error' in pictureVerdict && picture) add(picture[0], pictureVerdict.error.replace(/^[^:]+: /, ''));

  for (const issue of schemaIssues(collection, data)) {
    // The picture's own message already says what to do.
    if (picture && issue.path.startsWith(`${picture[0]}.`) && 'error' in pictureVerdict) continue;
    if (context.skipEmpty && isEmpty(valueAt(data, issue.path))) continue;
    add(issue.path, withLabels(collection, issue.message));
  }
  const fieldsWithSchemaErrors = new Set(problems.map((p) => p.field));

  if (collection === 'articles') {
    const article = reviewable(data, context.file ?? 'this article');
    if (article) {
      const people = new Map([...context.people].map(([id, person]) => [id, { data: person }]));
      for (const finding of reviewFindings(article, people, context.policy, context.today)) {
        if (finding.rule === 'review-due-soon') continue;
        // The schema already said it (next review not after the last one) in its own words.
        if (fieldsWithSchemaErrors.has(finding.field)) continue;
        // An overdue page can still be saved (that is how its review gets recorded); it cannot be published.
        const severity = finding.rule === 'review-overdue' ? 'warning' : finding.severity;
        add(finding.field, reviewMessage(finding.rule, finding.message, context.people, data), severity);
      }
    }
  }

  if (WITH_BODY.has(collection) && typeof data.body === 'string') {
    for (const problem of bodyProblems(data.body)) {
      problems.push({
        field: 'body',
        where: `Body, line ${problem.line}`,
        message: problem.message,
        severity: 'error',
        line: problem.line,
        fix: problem.fix,
      });
    }
  }
  return problems;
}

/** Schema messages name fields by key ("after lastReviewed"); editors know them by label. */
function withLabels(collection: string, message: string): string {
  return message.replace(/\b[a-z]+[A-Z][A-Za-z]*\b/g, (key) => {
    const label = UI[collection]?.[key]?.label;
    return label ? `“${label}”` : key;
  });
}

/** The review rules speak to developers in ids; an editor knows people by name. */
function reviewMessage(
  rule: string,
  message: string,
  people: ReadonlyMap<string, KnownPerson>,
  data: Record<string, unknown>,
): string {
  const name = (id: unknown) => (typeof id === 'string' && people.get(id)?.name) || String(id);
  switch (rule) {
    case 'self-review':
      return `${name(data.reviewer)} wrote this page, so cannot also review it: choose a different medical reviewer.`;
    case 'reviewer-unknown':
      return `“${String(data.reviewer)}” is not in People: choose a medical reviewer from the list.`;
    case 'author-unknown':
      return `“${String(data.author)}” is not in People: choose an author from the list.`;
    case 'reviewer-without-credentials':
      return `${name(data.reviewer)} has no credentials on their profile, so cannot be the medical reviewer: choose a reviewer with credentials (MD, PharmD, …), or add them to the person's profile first.`;
    case 'reviewer-not-a-reviewer':
      return `${name(data.reviewer)} is not a medical reviewer (their profile lacks the reviewer role): choose a medical reviewer.`;
    case 'review-in-future':
      return `${String(data.lastReviewed)} is after today: record the date the review was actually completed.`;
    case 'due-past-policy':
      return `${String(data.nextReviewDue)} is ${message.replace(/^is \S+, /, '')}`;
    case 'no-sources':
      return 'A medical page must cite at least one source: add the guidance or study the text relies on.';
    case 'review-overdue':
      return `${message.replace(/^review overdue/, 'The review is overdue')}. You can save, but the page cannot be published until its review is recorded.`;
    default:
      return message.charAt(0).toUpperCase() + message.slice(1);
  }
}

/** One line for a message box: "Medical reviewer: … (and 2 more problems)". */
export function problemSummary(problems: readonly EntryProblem[]): string {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return '';
  const lines = errors.slice(0, 5).map((p) => `${p.where}: ${p.message}`);
  if (errors.length > 5) lines.push(`… and ${errors.length - 5} more.`);
  return lines.join('\n');
}

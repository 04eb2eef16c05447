// `npm run review:record -- <slug> --reviewer <id> [--today YYYY-MM-DD] [--content-dir DIR]`:
// records a completed medical review of content/articles/<slug>.mdx. Writes reviewer,
// lastReviewed, nextReviewDue (from the site's review policy) and reviewFingerprint (the
// fingerprint of the reviewed text: title, description, key takeaways, sources and body),
// changing only those lines of the front matter.
// Exit 1 when the review cannot be recorded (unknown article or reviewer, ...), 2 on bad options.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { splitFrontmatter } from '../src/lib/content/frontmatter.ts';
import { setFrontmatterFields } from '../src/lib/content/frontmatter-edit.ts';
import { isPlainDate } from '../src/lib/core/dates.ts';
import { contentRoot } from '../src/lib/io/content-root.ts';
import { loadContent } from '../src/lib/io/read-content.ts';
import { SiteTodayError, siteToday } from '../src/lib/io/today.ts';
import { DEFAULT_REVIEW_POLICY } from '../src/lib/review/default-policy.ts';
import { reviewerProblem, reviewRecord } from '../src/lib/review/record.ts';

const fail = (code: number, message: string): never => {
  console.error(`review:record: ${message}`);
  process.exit(code);
};

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      reviewer: { type: 'string' },
      today: { type: 'string' },
      'content-dir': { type: 'string' },
    },
  });
} catch (error) {
  fail(2, (error as Error).message);
}
const { values, positionals } = parsed!;
const usage = 'usage: npm run review:record -- <slug> --reviewer <person id> [--today YYYY-MM-DD]';
if (positionals.length !== 1) fail(2, `expected one article slug. ${usage}`);
if (!values.reviewer) fail(2, `--reviewer: expected the id of the reviewer (a file in content/people/). ${usage}`);
let today = values.today;
if (today === undefined) {
  try {
    today = siteToday();
  } catch (error) {
    if (!(error instanceof SiteTodayError)) throw error;
    fail(2, error.message);
  }
}
if (!isPlainDate(today)) fail(2, `--today: expected a date written YYYY-MM-DD, got "${today}"`);

const slug = path.basename(positionals[0]).replace(/\.mdx$/, '');
const root = path.resolve(values['content-dir'] ?? contentRoot());
const file = path.join(root, 'articles', `${slug}.mdx`);
const shown = path.relative(process.cwd(), file) || file;
if (!existsSync(file)) fail(1, `${shown} does not exist: give the article's file name without .mdx`);

const content = loadContent(root);
const ownProblems = content.problems.filter((p) => path.resolve(p.file) === file);
if (ownProblems.length > 0) {
  fail(1, `fix the article first:\n${ownProblems.map((p) => `  ${p.file}: ${p.field}: ${p.message}`).join('\n')}`);
}
const article = content.articles.find((a) => path.resolve(a.file) === file)!;
const reviewer = values.reviewer!;
const problem = reviewerProblem(reviewer, article.data.author, content.people);
if (problem) fail(1, `--reviewer: ${problem}`);

const policy = content.settings?.reviewPolicy ?? DEFAULT_REVIEW_POLICY;
const record = reviewRecord({ ...article.data, body: article.body }, reviewer, today!, policy);
const before = readFileSync(file, 'utf8');
const after = setFrontmatterFields(before, [
  { key: 'reviewer', value: record.reviewer },
  { key: 'lastReviewed', value: record.lastReviewed },
  { key: 'nextReviewDue', value: record.nextReviewDue },
  // A new field goes last, where Decap CMS keeps a field it does not edit (so a CMS save moves nothing).
  { key: 'reviewFingerprint', value: record.reviewFingerprint },
]);
// Refuse to write anything but the four values: the body and every other field stay as they were.
const was = splitFrontmatter(before);
const now = splitFrontmatter(after);
if (now.body !== was.body || !isDeepStrictEqual(now.data, { ...was.data, ...record })) {
  fail(1, `${shown}: the front matter could not be updated safely; nothing was written`);
}
writeFileSync(file, after);
console.log(
  `Recorded the review of ${shown} by ${reviewer} on ${record.lastReviewed}: next review due ${record.nextReviewDue}, text fingerprint ${record.reviewFingerprint.slice(0, 15)}…`,
);

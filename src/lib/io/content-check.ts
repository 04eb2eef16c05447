// The whole content gate behind `npm run check:content` and the build: schema problems,
// review-governance rules, changes since review (from the review fingerprint) and readability,
// as one report.
import path from 'node:path';
import type { PlainDate } from '../core/dates.ts';
import { DEFAULT_REVIEW_POLICY } from '../review/default-policy.ts';
import { fingerprintState, reviewFingerprint } from '../review/fingerprint.ts';
import { type ReviewStatus, reviewState } from '../review/policy.ts';
import { readabilityOf, readableText } from '../review/readability.ts';
import { type Finding, reviewFindings } from '../review/rules.ts';
import { articleRedirects } from '../seo/site-map.ts';
import { ContentCache } from './content-cache.ts';
import { bodyChangedSinceReview, historyState } from './git-history.ts';
import { checkMdxFiles } from './mdx-check.ts';
import { loadContent } from './read-content.ts';

export interface ArticleSummary {
  file: string;
  title: string;
  reviewer: string;
  lastReviewed: PlainDate;
  nextReviewDue: PlainDate;
  status: ReviewStatus;
  readingGrade: number;
  draft: boolean;
}

export interface ContentReport {
  today: PlainDate;
  root: string;
  errors: number;
  warnings: number;
  findings: Finding[];
  articles: ArticleSummary[];
  /** Why the optional git-history comparison (--git-history) could not run, when it was asked for. */
  historyNote?: string;
  elapsedMs?: number;
}

export interface CheckOptions {
  root: string;
  today: PlainDate;
  /** Report "changed since review" as an error instead of a warning. */
  strict?: boolean;
  /**
   * Also compare each body with git history as of its review day (default false: the review
   * fingerprint is the mechanism; history costs git processes per article and needs a full clone).
   */
  useHistory?: boolean;
  /** Report overdue reviews as warnings (the build: time alone must never stop a deploy). */
  overdueAsWarning?: boolean;
  /** What earlier checks learnt from files that have not changed since (default: none). */
  cache?: ContentCache;
  /**
   * Compile every MDX body through the build's guarded compiler (default true). `npm run build`
   * passes false: Astro compiles each body right after this check with the very same processor
   * (astro.config.mjs) and stops on the first one the guard refuses, naming the file and line, so
   * compiling them here as well only doubled the work. Verdicts cached by an earlier full check are
   * still reported.
   */
  compileBodies?: boolean;
}

export function runContentCheck({
  root,
  today,
  strict = false,
  useHistory = false,
  overdueAsWarning = false,
  cache = ContentCache.disabled(),
  compileBodies = true,
}: CheckOptions): ContentReport {
  const content = loadContent(path.resolve(root), { cache });
  const factsOf = (file: string) => cache.facts(content.contentHashes.get(file) ?? '');
  const policy = content.settings?.reviewPolicy ?? DEFAULT_REVIEW_POLICY;
  const maxGrade = content.settings?.readability.maxGrade ?? 9;
  const findings: Finding[] = [
    ...content.problems.map((problem) => ({ severity: 'error' as const, rule: 'schema', ...problem })),
    ...articleRedirects(content.articles).problems.map((problem) => ({
      severity: 'error' as const,
      rule: 'redirect-conflict',
      ...problem,
    })),
  ];
  // MDX safety applies to every file the build compiles, drafts included: each is compiled by the
  // build's own compiler and judged on its own tree (src/lib/io/mdx-compiler.ts).
  const uncompiled = compileBodies ? content.mdxFiles.filter((file) => !factsOf(file).mdx) : [];
  for (const [file, problems] of checkMdxFiles(uncompiled, content.root)) {
    factsOf(file).mdx = problems;
    cache.learnt();
  }
  for (const file of content.mdxFiles) {
    for (const problem of factsOf(file).mdx ?? []) {
      findings.push({
        severity: 'error',
        rule: `mdx-${problem.kind}`,
        file: path.relative(process.cwd(), file) || file,
        field: `line ${problem.line}`,
        message: problem.message,
      });
    }
  }
  const articles: ArticleSummary[] = [];
  const history = useHistory ? historyState(path.resolve(root)) : { available: false as const, reason: undefined };

  for (const article of content.articles) {
    const { data, file } = article;
    const facts = cache.facts(article.contentHash);
    if (facts.readingGrade === undefined || facts.fingerprint === undefined) {
      facts.readingGrade = readabilityOf(readableText(article.body)).grade;
      facts.fingerprint = reviewFingerprint({ ...data, body: article.body });
      cache.learnt();
    }
    const { readingGrade, fingerprint } = facts;
    articles.push({
      file,
      title: data.title,
      reviewer: data.reviewer,
      lastReviewed: data.lastReviewed,
      nextReviewDue: data.nextReviewDue,
      status: reviewState(data.nextReviewDue, today, policy).status,
      readingGrade,
      draft: data.draft,
    });
    if (data.draft) continue;
    for (const finding of reviewFindings(article, content.people, policy, today)) {
      if (overdueAsWarning && finding.rule === 'review-overdue') finding.severity = 'warning';
      findings.push(finding);
    }
    if (readingGrade > maxGrade) {
      findings.push({
        severity: 'warning',
        rule: 'reading-level',
        file,
        field: 'body',
        message: `reads at US grade ${readingGrade}, above the site's target of ${maxGrade}: use shorter sentences and everyday words`,
      });
    }
    const textState = fingerprintState(fingerprint, data.reviewFingerprint);
    if (textState === 'changed') {
      findings.push({
        severity: strict ? 'error' : 'warning',
        rule: 'changed-since-review',
        file,
        field: 'reviewFingerprint',
        message: `the text changed after ${data.reviewer} reviewed it on ${data.lastReviewed}: ask them to review the changes, then record it with npm run review:record -- ${article.id} --reviewer ${data.reviewer}`,
      });
    } else if (textState === 'unrecorded') {
      findings.push({
        severity: strict ? 'error' : 'warning',
        rule: 'review-not-fingerprinted',
        file,
        field: 'reviewFingerprint',
        message: `is missing, so nothing shows which text ${data.reviewer} approved: record the review with npm run review:record -- ${article.id} --reviewer ${data.reviewer}`,
      });
    }
    if (history.available && bodyChangedSinceReview(history, path.resolve(file), article.body, data.lastReviewed)) {
      findings.push({
        severity: strict ? 'error' : 'warning',
        rule: 'changed-since-review-git',
        file,
        field: 'lastReviewed',
        message: `git history shows the text changed after the review on ${data.lastReviewed}: ask ${data.reviewer} to review the changes, then record it with npm run review:record`,
      });
    }
  }

  findings.sort((a, b) => (a.severity === b.severity ? a.file.localeCompare(b.file) : a.severity === 'error' ? -1 : 1));
  return {
    today,
    root: path.relative(process.cwd(), path.resolve(root)) || '.',
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    findings,
    articles,
    historyNote: history.available ? undefined : history.reason,
  };
}

export type ReportFormat = 'text' | 'json' | 'markdown';

export function renderReport(report: ContentReport, format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  const published = report.articles.filter((a) => !a.draft);
  const summary = `${published.length} published article${published.length === 1 ? '' : 's'} checked on ${report.today}: ${report.errors} error${report.errors === 1 ? '' : 's'}, ${report.warnings} warning${report.warnings === 1 ? '' : 's'}`;
  if (format === 'markdown') {
    const escapeCell = (text: string) => text.replace(/\|/g, '\\|');
    const lines = [
      '## Content check',
      '',
      `${report.errors > 0 ? '❌' : '✅'} ${summary}${report.elapsedMs !== undefined ? ` (${report.elapsedMs} ms)` : ''}.`,
      '',
    ];
    if (report.findings.length > 0) {
      lines.push('| Severity | File | Field | Problem |', '| --- | --- | --- | --- |');
      for (const f of report.findings)
        lines.push(`| ${f.severity} | \`${f.file}\` | \`${f.field}\` | ${escapeCell(f.message)} |`);
      lines.push('');
    }
    const upcoming = published
      .filter((a) => a.status !== 'current')
      .sort((a, b) => a.nextReviewDue.localeCompare(b.nextReviewDue));
    if (upcoming.length > 0) {
      lines.push('### Reviews due', '', '| Due | Status | Article | Reviewer |', '| --- | --- | --- | --- |');
      for (const a of upcoming)
        lines.push(`| ${a.nextReviewDue} | ${a.status} | ${escapeCell(a.title)} (\`${a.file}\`) | ${a.reviewer} |`);
      lines.push('');
    }
    if (report.historyNote) lines.push(`> Note: ${report.historyNote}.`, '');
    return `${lines.join('\n')}\n`;
  }
  const lines = report.findings.map(
    (f) => `${f.severity === 'error' ? 'error' : 'warning'}  ${f.file}: ${f.field}: ${f.message}`,
  );
  lines.push('', 'Reading level (Flesch–Kincaid grade):');
  for (const a of published) lines.push(`  ${a.readingGrade.toFixed(1).padStart(5)}  ${a.file}`);
  if (report.historyNote) lines.push('', `note: ${report.historyNote}.`);
  lines.push('', `${summary}${report.elapsedMs !== undefined ? ` in ${report.elapsedMs} ms` : ''}.`);
  return `${lines.join('\n')}\n`;
}

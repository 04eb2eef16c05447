// "Changed since review", against real git repositories made for the test.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runContentCheck } from '../../src/lib/io/content-check.ts';
import { contentWith } from '../helpers.ts';

function repoWithContent() {
  const repo = contentWith();
  const git = (args: string[], date = '2026-05-01T12:00:00Z') =>
    execFileSync('git', args, {
      cwd: repo,
      env: {
        ...process.env,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 't@example.org',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 't@example.org',
      },
    });
  git(['init', '-q', '-b', 'main']);
  git(['add', '-A']);
  git(['commit', '-qm', 'content as reviewed']);
  return { repo, git };
}

const article = (repo: string) => path.join(repo, 'articles/good-withdrawal-article.mdx');
const drift = (repo: string, strict = false) =>
  runContentCheck({ root: repo, today: '2026-11-26', strict }).findings.filter(
    (f) => f.rule === 'changed-since-review',
  );

describe('changed since review', () => {
  it('is quiet when the body is as reviewed', () => {
    const { repo } = repoWithContent();
    expect(drift(repo)).toEqual([]);
  });

  it('warns when the body changed after the review date, and errors with --strict', () => {
    const { repo, git } = repoWithContent();
    writeFileSync(article(repo), `${readFileSync(article(repo), 'utf8')}\nTake twice the dose.\n`);
    git(['commit', '-qam', 'edit without review'], '2026-07-01T09:00:00Z');
    expect(drift(repo)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'lastReviewed',
        message: expect.stringMatching(/text changed after the review on 2026-06-01/),
      }),
    ]);
    expect(drift(repo, true)).toEqual([expect.objectContaining({ severity: 'error' })]);
  });

  it('counts uncommitted edits too', () => {
    const { repo } = repoWithContent();
    writeFileSync(
      article(repo),
      readFileSync(article(repo), 'utf8').replace('Your body gets used', 'The body gets used'),
    );
    expect(drift(repo)).toHaveLength(1);
  });

  it('accepts a body change that came with a new review', () => {
    const { repo, git } = repoWithContent();
    const source = readFileSync(article(repo), 'utf8')
      .replace('lastReviewed: 2026-06-01', 'lastReviewed: 2026-07-02')
      .replace('nextReviewDue: 2027-06-01', 'nextReviewDue: 2027-07-02');
    writeFileSync(article(repo), `${source}\nA reviewed addition.\n`);
    git(['commit', '-qam', 'reviewed edit'], '2026-07-02T09:00:00Z');
    expect(drift(repo)).toEqual([]);
  });

  it('ignores front-matter-only edits', () => {
    const { repo, git } = repoWithContent();
    writeFileSync(
      article(repo),
      readFileSync(article(repo), 'utf8').replace('tags: [tapering]', 'tags: [tapering, detox]'),
    );
    git(['commit', '-qam', 'retag'], '2026-08-01T09:00:00Z');
    expect(drift(repo)).toEqual([]);
  });

  it('says history is missing in a shallow clone instead of guessing', () => {
    const { repo, git } = repoWithContent();
    writeFileSync(article(repo), `${readFileSync(article(repo), 'utf8')}\nLater edit.\n`);
    git(['commit', '-qam', 'later'], '2026-09-01T09:00:00Z');
    const shallow = path.join(mkdtempSync(path.join(tmpdir(), 'shallow-')), 'clone');
    const clone = spawnSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    expect(clone.status).toBe(0);
    const report = runContentCheck({ root: shallow, today: '2026-11-26' });
    expect(report.historyNote).toMatch(/shallow clone, so history is missing/);
    expect(report.findings.filter((f) => f.rule === 'changed-since-review')).toEqual([]);
  });
});

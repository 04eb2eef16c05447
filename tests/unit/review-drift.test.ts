// "Changed since review": decided from the review fingerprint in the front matter alone (no git,
// so it works in shallow clones, exported folders and the CMS); git history is an opt-in extra.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runContentCheck } from '../../src/lib/io/content-check.ts';
import { contentWith } from '../helpers.ts';

const article = (root: string) => path.join(root, 'articles/good-withdrawal-article.mdx');
const edit = (root: string, change: (text: string) => string) =>
  writeFileSync(article(root), change(readFileSync(article(root), 'utf8')));
const drift = (root: string, options: { strict?: boolean; useHistory?: boolean } = {}) =>
  runContentCheck({ root, today: '2026-11-26', ...options }).findings.filter((f) =>
    ['changed-since-review', 'review-not-fingerprinted', 'changed-since-review-git'].includes(f.rule),
  );

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

describe('changed since review, from the fingerprint', () => {
  it('is quiet when the body is as reviewed', () => {
    expect(drift(contentWith())).toEqual([]);
  });

  it('warns naming the file when a word changed, and errors with --strict', () => {
    const root = contentWith();
    edit(root, (text) => text.replace('Your body gets used', 'The body gets used'));
    expect(drift(root)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        rule: 'changed-since-review',
        file: expect.stringMatching(/articles\/good-withdrawal-article\.mdx$/),
        field: 'reviewFingerprint',
        message: expect.stringMatching(/text changed after rowan-example reviewed it on 2026-06-01/),
      }),
    ]);
    expect(drift(root, { strict: true })).toEqual([expect.objectContaining({ severity: 'error' })]);
  });

  it('ignores front-matter-only edits and formatting-only edits (line wrapping)', () => {
    const root = contentWith();
    edit(root, (text) =>
      text.replace('tags: [tapering]', 'tags: [tapering, detox]').replace('medicine. If', 'medicine.\n   If'),
    );
    expect(readFileSync(article(root), 'utf8')).toMatch(/tags: \[tapering, detox\][\s\S]*medicine\.\n {3}If/);
    expect(drift(root)).toEqual([]);
  });

  it('flags an edited key takeaway or cited source, but not a re-checked source date', () => {
    const takeaway = contentWith();
    edit(takeaway, (text) => text.replace('- Stop slowly, with a doctor.', '- Stop quickly, with a doctor.'));
    expect(drift(takeaway).map((f) => f.rule)).toEqual(['changed-since-review']);
    const accessed = contentWith();
    edit(accessed, (text) => text.replace(/accessed: \d{4}-\d{2}-\d{2}/, 'accessed: 2026-11-20'));
    expect(readFileSync(article(accessed), 'utf8')).toContain('accessed: 2026-11-20');
    expect(drift(accessed)).toEqual([]);
  });

  it('accepts a changed body once the review is recorded again', () => {
    const root = contentWith();
    edit(root, (text) => `${text}\nA reviewed addition.\n`);
    expect(drift(root)).toHaveLength(1);
    const result = spawnSync(
      process.execPath,
      ['scripts/review-record.ts', 'good-withdrawal-article', '--reviewer', 'rowan-example', '--today', '2026-11-20'],
      { encoding: 'utf8', env: { ...process.env, CONTENT_DIR: root } },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(drift(root)).toEqual([]);
  });

  it('warns when a published article has no fingerprint at all', () => {
    const root = contentWith();
    edit(root, (text) => text.replace(/^reviewFingerprint: .*\n/m, ''));
    expect(drift(root)).toEqual([
      expect.objectContaining({ severity: 'warning', rule: 'review-not-fingerprinted', field: 'reviewFingerprint' }),
    ]);
  });

  it('flags a body edit in a shallow clone (depth 1), from the fingerprint alone, running no git', () => {
    const { repo, git } = repoWithContent();
    edit(repo, (text) => text.replace('Your body gets used', 'Your body is used'));
    git(['commit', '-qam', 'edit without review'], '2026-09-01T09:00:00Z');
    const shallow = path.join(mkdtempSync(path.join(tmpdir(), 'shallow-')), 'clone');
    expect(spawnSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]).status).toBe(0);
    expect(execFileSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: shallow, encoding: 'utf8' })).toBe(
      'true\n',
    );
    const report = runContentCheck({ root: shallow, today: '2026-11-26' });
    expect(report.historyNote).toBeUndefined();
    expect(report.findings.filter((f) => f.rule === 'changed-since-review')).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/good-withdrawal-article\.mdx$/) }),
    ]);
  });
});

describe('git history, only when asked for (--git-history)', () => {
  it('also reports a body committed after the review date', () => {
    const { repo, git } = repoWithContent();
    edit(repo, (text) => `${text}\nTake twice the dose.\n`);
    git(['commit', '-qam', 'edit without review'], '2026-07-01T09:00:00Z');
    expect(drift(repo).map((f) => f.rule)).toEqual(['changed-since-review']);
    expect(
      drift(repo, { useHistory: true })
        .map((f) => f.rule)
        .sort(),
    ).toEqual(['changed-since-review', 'changed-since-review-git']);
  });

  it('says history is missing in a shallow clone instead of guessing', () => {
    const { repo } = repoWithContent();
    const shallow = path.join(mkdtempSync(path.join(tmpdir(), 'shallow-')), 'clone');
    expect(spawnSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]).status).toBe(0);
    const report = runContentCheck({ root: shallow, today: '2026-11-26', useHistory: true });
    expect(report.historyNote).toMatch(/shallow clone, so history is missing/);
  });
});

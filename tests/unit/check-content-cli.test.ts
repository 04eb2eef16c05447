import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentWith, FIXTURES } from '../helpers.ts';

function checkContent(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/check-content.ts', ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run check:content', () => {
  it('passes good content (exit 0)', () => {
    const { status, stdout } = checkContent(
      '--content-dir',
      path.join(FIXTURES, 'content-good'),
      '--today',
      '2026-11-26',
    );
    expect(stdout).toMatch(/1 published article checked on 2026-11-26: 0 errors, 0 warnings/);
    expect(status).toBe(0);
  });

  it('warns but passes when a review is due in 30 days', () => {
    const { status, stdout } = checkContent(
      '--content-dir',
      path.join(FIXTURES, 'content-good'),
      '--today',
      '2027-05-02',
    );
    expect(stdout).toMatch(
      /warning {2}tests\/fixtures\/content-good\/articles\/good-withdrawal-article\.mdx: nextReviewDue: review due on 2027-06-01 \(in 30 days\)/,
    );
    expect(status).toBe(0);
  });

  it('fails (exit 1) naming the file when lastReviewed is three years ago', () => {
    const root = contentWith();
    const file = path.join(root, 'articles/good-withdrawal-article.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('lastReviewed: 2026-06-01', 'lastReviewed: 2023-11-26'));
    const { status, stdout } = checkContent('--content-dir', root, '--today', '2026-11-26');
    expect(status).toBe(1);
    expect(stdout).toMatch(
      /error {2}.*articles\/good-withdrawal-article\.mdx: nextReviewDue: is 2027-06-01, later than the 12-month review policy allows/,
    );
  });

  it('fails on the rule fixtures and names every rule file', () => {
    const { status, stdout } = checkContent(
      '--content-dir',
      path.join(FIXTURES, 'review-rules'),
      '--today',
      '2026-11-26',
    );
    expect(status).toBe(1);
    for (const name of [
      'review-overdue',
      'due-past-policy',
      'review-in-future',
      'reviewer-unknown',
      'self-review',
      'no-sources',
    ]) {
      expect(stdout).toContain(`tests/fixtures/review-rules/articles/${name}.mdx`);
    }
  });

  it('prints JSON with counts and a row per article', () => {
    const { status, stdout } = checkContent(
      '--content-dir',
      path.join(FIXTURES, 'review-rules'),
      '--today',
      '2026-11-26',
      '--format',
      'json',
    );
    expect(status).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.today).toBe('2026-11-26');
    expect(report.errors).toBeGreaterThan(0);
    expect(report.articles).toHaveLength(12);
    expect(report.findings[0]).toEqual(
      expect.objectContaining({ severity: 'error', file: expect.any(String), field: expect.any(String) }),
    );
  });

  it('prints a Markdown table fit for a CI job summary', () => {
    const { stdout } = checkContent(
      '--content-dir',
      path.join(FIXTURES, 'review-rules'),
      '--today',
      '2026-11-26',
      '--format',
      'markdown',
    );
    expect(stdout).toMatch(/^## Content check\n\n❌ /);
    expect(stdout).toContain('| Severity | File | Field | Problem |');
    expect(stdout).toMatch(
      /\| warning \| `tests\/fixtures\/review-rules\/articles\/due-soon\.mdx` \| `nextReviewDue` \|/,
    );
    expect(stdout).toContain('### Reviews due');
  });

  it('rejects a bad option with exit 2 and says what was expected', () => {
    expect(checkContent('--today', '26/11/2026')).toEqual(
      expect.objectContaining({
        status: 2,
        stderr: expect.stringMatching(/--today: expected a date written YYYY-MM-DD/),
      }),
    );
    expect(checkContent('--format', 'html')).toEqual(
      expect.objectContaining({
        status: 2,
        stderr: expect.stringMatching(/--format: expected text, json or markdown/),
      }),
    );
  });

  it('says when git history is missing, if asked to look at it (--git-history)', () => {
    const { stdout } = checkContent('--content-dir', contentWith(), '--today', '2026-11-26', '--git-history');
    expect(stdout).toMatch(/note: the content is not in a git repository, so changes since review cannot be checked/);
    expect(checkContent('--content-dir', contentWith(), '--today', '2026-11-26').stdout).not.toMatch(/note:/);
  });
});

describe('overdue reviews: the gate, the grace period and the build', () => {
  const overdueOn = '2027-06-15'; // the good fixture article fell due on 2027-06-01: 14 days overdue
  const withGrace = (days: number) => {
    const root = contentWith();
    const settings = path.join(root, 'settings/site.yml');
    writeFileSync(
      settings,
      readFileSync(settings, 'utf8').replace(
        /^( +)warningDays: (\d+)$/m,
        `$1warningDays: $2\n$1overdueGraceDays: ${days}`,
      ),
    );
    return root;
  };

  it('check:content fails (exit 1) naming the file once a review is overdue', () => {
    const { status, stdout } = checkContent('--content-dir', contentWith(), '--today', overdueOn);
    expect(status).toBe(1);
    expect(stdout).toMatch(
      /error {2}\S*articles\/good-withdrawal-article\.mdx: nextReviewDue: review overdue since 2027-06-01 \(14 days\)/,
    );
  });

  it('only warns within the grace period (overdueGraceDays), and fails after it', () => {
    const root = withGrace(14);
    const within = checkContent('--content-dir', root, '--today', overdueOn);
    expect(within.status).toBe(0);
    expect(within.stdout).toMatch(
      /warning {2}\S*good-withdrawal-article\.mdx: nextReviewDue: review overdue since 2027-06-01 \(14 days\), within the 14-day grace period; an error from 2027-06-16/,
    );
    const after = checkContent('--content-dir', root, '--today', '2027-06-16');
    expect(after.status).toBe(1);
    expect(after.stdout).toMatch(
      /error {2}\S*good-withdrawal-article\.mdx: nextReviewDue: review overdue since 2027-06-01 \(15 days\)/,
    );
  });

  it('rejects a grace period that is not a whole number of days, naming the field', () => {
    const { status, stdout } = checkContent('--content-dir', withGrace(-3), '--today', '2026-11-26');
    expect(status).toBe(1);
    expect(stdout).toMatch(/settings\/site\.yml: reviewPolicy\.overdueGraceDays: /);
  });

  it('--overdue-as-warning (what the build uses) reports it as a warning and exits 0', () => {
    const { status, stdout } = checkContent(
      '--content-dir',
      contentWith(),
      '--today',
      overdueOn,
      '--overdue-as-warning',
    );
    expect(stdout).toMatch(
      /warning {2}\S*good-withdrawal-article\.mdx: nextReviewDue: review overdue since 2027-06-01/,
    );
    expect(status).toBe(0);
  });

  it('--overdue-as-warning still fails on every other error', () => {
    const { status } = checkContent(
      '--content-dir',
      path.join(FIXTURES, 'review-rules'),
      '--today',
      '2026-11-26',
      '--overdue-as-warning',
    );
    expect(status).toBe(1);
  });

  it('takes today from SITE_TODAY when --today is not given, and refuses a malformed one', () => {
    const env = (today: string) =>
      spawnSync(process.execPath, ['scripts/check-content.ts', '--content-dir', contentWith()], {
        encoding: 'utf8',
        env: { ...process.env, SITE_TODAY: today },
      });
    expect(env(overdueOn).stdout).toMatch(/checked on 2027-06-15: 1 error/);
    expect(env('2027-02-30')).toEqual(
      expect.objectContaining({
        status: 2,
        stderr: expect.stringMatching(/SITE_TODAY: expected a date written YYYY-MM-DD/),
      }),
    );
  });
});

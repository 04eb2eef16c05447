// `npm run review:record`: one action writes reviewer, review date, next due date and the text
// fingerprint, editing only those front-matter lines.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { runContentCheck } from '../../src/lib/io/content-check.ts';
import { reviewFingerprint } from '../../src/lib/review/fingerprint.ts';
import { contentWith } from '../helpers.ts';

const slug = 'good-withdrawal-article';
function record(root: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/review-record.ts', ...args, '--content-dir', root], {
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
const fileIn = (root: string) => path.join(root, 'articles', `${slug}.mdx`);

describe('npm run review:record', () => {
  it('writes reviewer, lastReviewed, nextReviewDue and the fingerprint, changing only those lines', () => {
    const root = contentWith();
    const file = fileIn(root);
    const edited = readFileSync(file, 'utf8').replace('Your body gets used', 'Your body is used');
    writeFileSync(file, edited);
    const { status, stdout } = record(root, slug, '--reviewer', 'rowan-example', '--today', '2026-11-26');
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /Recorded the review of .*good-withdrawal-article\.mdx by rowan-example on 2026-11-26: next review due 2027-11-26/,
    );
    const after = readFileSync(file, 'utf8');
    const { data, body } = splitFrontmatter(after);
    expect(data).toMatchObject({
      reviewer: 'rowan-example',
      lastReviewed: '2026-11-26',
      nextReviewDue: '2027-11-26',
      reviewFingerprint: reviewFingerprint({ ...(data as any), body }),
    });
    expect(body).toBe(splitFrontmatter(edited).body);
    const changedLines = after.split('\n').filter((line, i) => line !== edited.split('\n')[i]);
    expect(changedLines).toEqual([
      'lastReviewed: 2026-11-26',
      'nextReviewDue: 2027-11-26',
      `reviewFingerprint: ${reviewFingerprint({ ...(data as any), body })}`,
    ]);
    expect(runContentCheck({ root, today: '2026-11-26' }).findings).toEqual([]);
  });

  it('adds the fingerprint as the last field, giving exactly the migrated sample article (CMS style)', () => {
    // content/ is kept in Decap's own YAML style (npm run cms:format -- --check), so a save in the CMS stays a one-line diff.
    const root = mkdtempSync(path.join(tmpdir(), 'content-real-'));
    cpSync('content', root, { recursive: true });
    const file = path.join(root, 'articles/baclofen-withdrawal.mdx');
    const migrated = readFileSync(file, 'utf8');
    writeFileSync(file, migrated.replace(/^reviewFingerprint: .*\n/m, ''));
    // Recorded again on the day the sample article was last reviewed, it must come out byte for byte.
    const reviewedOn = /^lastReviewed: (\S+)$/m.exec(migrated)?.[1] ?? '';
    const { status } = record(root, 'baclofen-withdrawal', '--reviewer', 'rowan-example', '--today', reviewedOn);
    expect(status).toBe(0);
    // Last is where Decap keeps a field its config does not list, so a CMS save moves nothing.
    expect(readFileSync(file, 'utf8')).toMatch(/\nreviewFingerprint: v1:[0-9a-f]{64}\n---\n/);
    expect(readFileSync(file, 'utf8')).toBe(migrated);
  });

  it('takes the interval from the review policy and today from SITE_TODAY', () => {
    const root = contentWith();
    const settings = path.join(root, 'settings/site.yml');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace(/intervalMonths: 12/, 'intervalMonths: 6'));
    const result = spawnSync(
      process.execPath,
      ['scripts/review-record.ts', slug, '--reviewer', 'rowan-example', '--content-dir', root],
      { encoding: 'utf8', env: { ...process.env, SITE_TODAY: '2026-08-31' } },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(splitFrontmatter(readFileSync(fileIn(root), 'utf8')).data).toMatchObject({
      lastReviewed: '2026-08-31',
      nextReviewDue: '2027-02-28',
    });
  });

  it('refuses, writing nothing, a reviewer who is unknown, not a reviewer, or the author', () => {
    const root = contentWith();
    const before = readFileSync(fileIn(root), 'utf8');
    expect(record(root, slug, '--reviewer', 'nobody')).toEqual(
      expect.objectContaining({
        status: 1,
        stderr: expect.stringMatching(/--reviewer: "nobody" is not a person in content\/people\//),
      }),
    );
    expect(record(root, slug, '--reviewer', 'jamie-placeholder').stderr).toMatch(
      /Jamie Placeholder does not have the reviewer role|Jamie Placeholder wrote the page/,
    );
    expect(readFileSync(fileIn(root), 'utf8')).toBe(before);
  });

  it('names a missing article and rejects bad options with exit 2', () => {
    const root = contentWith();
    expect(record(root, 'no-such-page', '--reviewer', 'rowan-example')).toEqual(
      expect.objectContaining({ status: 1, stderr: expect.stringMatching(/no-such-page\.mdx does not exist/) }),
    );
    expect(record(root, slug).stderr).toMatch(/--reviewer: expected the id of the reviewer/);
    expect(record(root, slug, '--reviewer', 'rowan-example', '--today', '26/11/2026')).toEqual(
      expect.objectContaining({
        status: 2,
        stderr: expect.stringMatching(/--today: expected a date written YYYY-MM-DD/),
      }),
    );
    expect(record(root, '--reviewer', 'rowan-example').status).toBe(2);
  });
});

// `npm run build` refuses bad content, names the file and field, and never touches dist/.
// Every real build of the test suite lives in this one file: Astro builds that share a project
// folder must not run at the same time (they share .astro/), and tests in one file run in turn.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { contentWith, FIXTURES } from '../helpers.ts';

/** The day every fixture build judges reviews by, so this file gives the same results in any year. */
const PINNED_TODAY = '2026-11-26';

function build(contentDir: string, outDir: string, script = 'scripts/build.ts', today = PINNED_TODAY) {
  const result = spawnSync(
    process.execPath,
    script === 'astro' ? ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir] : [script],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        ASTRO_CACHE_DIR: path.join(outDir, '..', 'cache'),
        CONTENT_DIR: contentDir,
        BUILD_OUT_DIR: outDir,
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        SITE_TODAY: today,
      },
    },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const text = (node: { text: () => string }) => node.text().replace(/\s+/g, ' ').trim();
const scratch = () => mkdtempSync(path.join(tmpdir(), 'build-gate-'));

describe('npm run build', () => {
  it('fails on a review three years old in the real content, naming the file, and leaves the old site alone', () => {
    const content = path.join(scratch(), 'content');
    cpSync('content', content, { recursive: true });
    const file = path.join(content, 'articles/baclofen-withdrawal.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^lastReviewed: .*$/m, 'lastReviewed: 2023-10-14'));
    const out = path.join(scratch(), 'site');
    cpSync(path.join(FIXTURES, 'content-good/settings'), out, { recursive: true }); // an "old site" to protect
    const { status, output } = build(content, out);
    expect(status).toBe(1);
    expect(output).toMatch(
      /articles\/baclofen-withdrawal\.mdx: nextReviewDue: .*later than the 12-month review policy allows/,
    );
    expect(output).toContain('Build stopped: check:content failed');
    expect(readFileSync(path.join(out, 'site.yml'), 'utf8')).toContain('siteName');
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
  });

  it('fails on a bad front-matter field with the file, the field and what was expected', () => {
    const out = path.join(scratch(), 'site');
    const { status, output } = build(contentWith(path.join(FIXTURES, 'articles-bad/bad-category-unknown.mdx')), out);
    expect(status).toBe(1);
    expect(output).toMatch(
      /articles\/bad-category-unknown\.mdx: category: expected one of: substances, withdrawal, treatment, recovery/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('is backed by Astro’s own schema check, which names the entry and the field too', () => {
    const { status, output } = build(
      contentWith(path.join(FIXTURES, 'articles-bad/bad-description-too-long.mdx')),
      path.join(scratch(), 'site'),
      'astro',
    );
    expect(status).toBe(1);
    expect(output).toContain('articles → bad-description-too-long data does not match collection schema');
    expect(output).toMatch(/description: expected at most 160 characters/);
  });

  it('builds good fixture content, leaving drafts out; a current review shows the ✓ and hides the notice', () => {
    const out = path.join(scratch(), 'site');
    const { status, output } = build(contentWith(), out);
    expect(status, output).toBe(0);
    expect(existsSync(path.join(out, 'articles/good-draft-article'))).toBe(false);
    const $ = load(readFileSync(path.join(out, 'articles/good-withdrawal-article/index.html'), 'utf8'));
    expect(
      $('[data-review-when="overdue"]')
        .toArray()
        .every((el) => $(el).attr('hidden') !== undefined),
    ).toBe(true);
    // What a reader sees without JavaScript: the hidden "overdue" wording is only for the reader script.
    $('[hidden]').remove();
    expect(text($('.byline__reviewed'))).toMatch(/^✓ Medically reviewed by Dr\. Rowan Example, .* on June 1, 2026\./);
    expect($('.article__header').attr('data-review-due')).toBe('2027-06-01');
  });

  it('builds content with an overdue review, says so in the page’s HTML, and warns in the output', () => {
    const out = path.join(scratch(), 'site');
    // The fixture article fell due on 2027-06-01; a build on 2027-07-01 finds it 30 days overdue.
    const { status, output } = build(contentWith(), out, 'scripts/build.ts', '2027-07-01');
    expect(status, output).toBe(0);
    expect(output).toMatch(
      /warning {2}\S*articles\/good-withdrawal-article\.mdx: nextReviewDue: review overdue since 2027-06-01 \(30 days\)/,
    );
    const $ = load(readFileSync(path.join(out, 'articles/good-withdrawal-article/index.html'), 'utf8'));
    const byline = text($('.byline__reviewed'));
    expect(byline).toMatch(
      /^Review overdue since June 1, 2027; last reviewed by Dr\. Rowan Example, .* on June 1, 2026\. How we review pages$/,
    );
    expect($('.byline__badge')).toHaveLength(0);
    expect($.html()).not.toContain('✓');
    expect($('.review-due-notice').attr('hidden')).toBeUndefined();
    expect(text($('.review-due-notice'))).toContain('This page is due for medical review.');
    const webPage = $('script[type="application/ld+json"]')
      .toArray()
      .flatMap((el) => [JSON.parse($(el).text())].flat())
      .find((item) => item['@type'] === 'MedicalWebPage');
    // Truthful structured data: the review that happened, by whom; nothing newer is claimed.
    expect(webPage).toMatchObject({ lastReviewed: '2026-06-01', reviewedBy: { name: 'Dr. Rowan Example' } });
    const dashboard = JSON.parse(readFileSync(path.join(out, 'reviews.json'), 'utf8'));
    expect(dashboard.asOf).toBe('2027-07-01');
    expect(dashboard.articles).toEqual([
      expect.objectContaining({ slug: 'good-withdrawal-article', status: 'overdue', daysUntilDue: -30 }),
    ]);
  });
});

describe('the build refuses unsafe MDX on its own', () => {
  it('stops astro build before an export can run, naming the file', () => {
    const marker = '/tmp/mdx-attack-ran';
    rmSync(marker, { force: true });
    const scratch = mkdtempSync(path.join(tmpdir(), 'mdx-build-'));
    const content = contentWith(path.join(FIXTURES, 'mdx-attacks/articles/esm-side-effect.mdx'));
    // `astro build` directly, skipping check:content, to prove the build's own guard.
    const result = spawnSync(
      process.execPath,
      ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', path.join(scratch, 'site')],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          CONTENT_DIR: content,
          ASTRO_CACHE_DIR: path.join(scratch, 'cache'),
          ASTRO_TELEMETRY_DISABLED: '1',
          NO_COLOR: '1',
        },
      },
    );
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status).toBe(1);
    expect(output).toMatch(/Unsafe MDX in .*esm-side-effect\.mdx/);
    expect(output).toContain('import/export statements are not allowed');
    expect(existsSync(marker)).toBe(false);
  });
});

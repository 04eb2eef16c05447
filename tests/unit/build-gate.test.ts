// `npm run build` refuses bad content, names the file and field, and never touches dist/.
// Every real build of the test suite lives in this one file: Astro builds that share a project
// folder must not run at the same time (they share .astro/), and tests in one file run in turn.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentWith, FIXTURES } from '../helpers.ts';

function build(contentDir: string, outDir: string, script = 'scripts/build.ts') {
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
      },
    },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

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

  it('builds good fixture content, leaving drafts out', () => {
    const out = path.join(scratch(), 'site');
    const { status, output } = build(contentWith(), out);
    expect(status, output).toBe(0);
    expect(existsSync(path.join(out, 'articles/good-withdrawal-article/index.html'))).toBe(true);
    expect(existsSync(path.join(out, 'articles/good-draft-article'))).toBe(false);
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

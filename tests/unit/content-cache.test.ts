// check:content keeps what it learnt from each file's bytes, so a second check over unchanged
// content parses nothing again; a changed file, or a change in the checking code, is checked afresh.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentCache, toolchainKey } from '../../src/lib/io/content-cache.ts';
import { runContentCheck } from '../../src/lib/io/content-check.ts';
import { cachedReadingGrades, PROJECT_ROOT_VARIABLE } from '../../src/lib/io/reading-grades.ts';
import { FIXTURES } from '../helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'content-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
cpSync(path.join(FIXTURES, 'content-good'), dir, { recursive: true });

const check = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/check-content.ts', '--content-dir', dir, '--today', '2026-11-26', ...args], {
    encoding: 'utf8',
  });

describe('check:content reuses what it learnt from unchanged files', () => {
  it('a second check reuses every file and reports the same findings', () => {
    const first = check('--format', 'json');
    expect(first.status, first.stderr).toBe(0);
    const second = check();
    expect(second.stderr).toMatch(/check:content: \d+ unchanged files were not parsed again/);
    const again = check('--format', 'json');
    const findings = (out: string) => JSON.parse(out).findings;
    expect(findings(again.stdout)).toEqual(findings(first.stdout));
  });

  it('a file changed since the last check is checked afresh: new unsafe MDX is caught', () => {
    expect(check().status).toBe(0);
    const file = path.join(dir, 'articles', 'good-withdrawal-article.mdx');
    const original = readFileSync(file, 'utf8');
    appendFileSync(file, '\n<script>alert(1)</script>\n');
    try {
      const result = check();
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(/good-withdrawal-article\.mdx: line \d+: .*script/i);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('--no-cache checks everything afresh', () => {
    const result = check('--no-cache');
    expect(result.status).toBe(0);
    expect(result.stderr).not.toMatch(/not parsed again/);
  });

  it('facts learnt by other checking code are not used, and any change to that code changes the key', () => {
    const cache = ContentCache.open(process.cwd(), dir);
    runContentCheck({ root: dir, today: '2026-11-26', cache });
    expect(cache.reused).toBeGreaterThan(0);
    const otherCode = ContentCache.open(process.cwd(), dir, 'another-version-of-the-rules');
    runContentCheck({ root: dir, today: '2026-11-26', cache: otherCode });
    expect(otherCode.reused).toBe(0);
    // The key covers src/schemas, src/lib and the lockfile: the code the verdicts come from.
    const copy = mkdtempSync(path.join(tmpdir(), 'toolchain-'));
    try {
      cpSync('src', path.join(copy, 'src'), { recursive: true });
      const before = toolchainKey(copy);
      appendFileSync(path.join(copy, 'src/lib/mdx/safety.ts'), '\n// a rule changed\n');
      expect(toolchainKey(copy)).not.toBe(before);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('what npm run build takes from check:content', () => {
  it('--no-compile (the build) checks everything but the bodies, which a later full check still compiles', () => {
    const content = mkdtempSync(path.join(tmpdir(), 'content-no-compile-'));
    try {
      cpSync(path.join(FIXTURES, 'content-good'), content, { recursive: true });
      const file = path.join(content, 'articles', 'good-withdrawal-article.mdx');
      appendFileSync(file, '\n<script>alert(1)</script>\n');
      writeFileSync(
        path.join(content, 'articles', 'bad-field.mdx'),
        readFileSync(file, 'utf8').replace(/^category: .*$/m, 'category: nonsense'),
      );
      const run = (...args: string[]) =>
        spawnSync(
          process.execPath,
          ['scripts/check-content.ts', '--content-dir', content, '--today', '2026-11-26', ...args],
          { encoding: 'utf8' },
        );
      const build = run('--no-compile');
      expect(build.status).toBe(1);
      expect(build.stdout).toMatch(/bad-field\.mdx: category: expected one of/);
      expect(build.stdout).not.toMatch(/script/i);
      // The body was never judged, so nothing about it was cached as safe: the full check compiles it.
      const full = run();
      expect(full.status).toBe(1);
      expect(full.stdout).toMatch(/good-withdrawal-article\.mdx: line \d+: .*script/i);
      // Once known, the verdict is reported by the build's check too, without compiling again.
      expect(run('--no-compile').stdout).toMatch(/good-withdrawal-article\.mdx: line \d+: .*script/i);
    } finally {
      rmSync(content, { recursive: true, force: true });
    }
  });

  it('the review dashboard reads the reading grades the check recorded, only for unchanged files', () => {
    const cache = ContentCache.open(process.cwd(), dir);
    const report = runContentCheck({ root: dir, today: '2026-11-26', cache });
    cache.save();
    const published = report.articles.filter((article) => !article.draft);
    const slugs = published.map((article) => path.basename(article.file, '.mdx'));
    expect(slugs.length).toBeGreaterThan(0);
    const saved = process.env[PROJECT_ROOT_VARIABLE];
    try {
      delete process.env[PROJECT_ROOT_VARIABLE];
      expect(cachedReadingGrades(slugs, dir).size).toBe(0);
      process.env[PROJECT_ROOT_VARIABLE] = process.cwd();
      const grades = cachedReadingGrades(slugs, dir);
      expect(Object.fromEntries(grades)).toEqual(
        Object.fromEntries(published.map((article, i) => [slugs[i], article.readingGrade])),
      );
      const file = path.join(dir, 'articles', `${slugs[0]}.mdx`);
      const original = readFileSync(file, 'utf8');
      appendFileSync(file, '\nOne more sentence.\n');
      try {
        expect(cachedReadingGrades(slugs, dir).has(slugs[0])).toBe(false);
      } finally {
        writeFileSync(file, original);
      }
    } finally {
      if (saved === undefined) delete process.env[PROJECT_ROOT_VARIABLE];
      else process.env[PROJECT_ROOT_VARIABLE] = saved;
    }
  });
});

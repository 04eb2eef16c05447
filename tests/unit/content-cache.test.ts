// check:content keeps what it learnt from each file's bytes, so a second check over unchanged
// content parses nothing again; a changed file, or a change in the checking code, is checked afresh.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentCache, toolchainKey } from '../../src/lib/io/content-cache.ts';
import { runContentCheck } from '../../src/lib/io/content-check.ts';
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

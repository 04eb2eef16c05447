// Every built page through the Nu HTML Checker (vnu-jar, run on Java): zero errors.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { distDir } from './built-site.ts';
import { validateHtml } from './vnu.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'pagefind' ? [] : htmlFiles(full);
    return entry.name.endsWith('.html') ? [full] : [];
  });
}

describe('HTML validity', () => {
  it('passes the Nu HTML Checker with 0 errors on every built page', () => {
    const files = htmlFiles(distDir());
    expect(files.length).toBeGreaterThan(20);
    const errors = validateHtml(files).map(
      (m) => `${path.relative(distDir(), new URL(m.url).pathname)}:${m.lastLine}: ${m.message}`,
    );
    console.log(`Nu HTML Checker: ${files.length} pages validated, ${errors.length} errors.`);
    expect(errors).toEqual([]);
    // One Java run over every page (the dashboard's filter pages included): over a minute on a loaded machine.
  }, 180_000);

  it('reports errors in a broken page (the check can fail)', () => {
    const errors = validateHtml([path.resolve('tests/fixtures/invalid-html/index.html')]);
    expect(errors.map((e) => e.message).join('\n')).toMatch(/Element “title” must not be empty|Duplicate ID “dup”/);
    expect(errors.length).toBeGreaterThanOrEqual(2);
  });
});

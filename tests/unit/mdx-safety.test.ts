// Every attack fixture in tests/fixtures/mdx-attacks/ is rejected with its file and line,
// by check:content and by the build itself, before any of it runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runContentCheck } from '../../src/lib/content-check.ts';
import { checkMdxBody } from '../../src/lib/mdx-safety.ts';
import { FIXTURES, contentWith } from '../helpers.ts';

const attacksDir = path.join(FIXTURES, 'mdx-attacks');
const report = runContentCheck({ root: attacksDir, today: '2026-11-26', useHistory: false });

const expectedKind: Record<string, string> = {
  'import-statement': 'mdx-esm',
  'export-statement': 'mdx-esm',
  'esm-side-effect': 'mdx-esm',
  'text-expression': 'mdx-expression',
  'flow-expression': 'mdx-expression',
  'script-element': 'mdx-element',
  'iframe-element': 'mdx-element',
  'style-element': 'mdx-syntax',
  'img-onerror': 'mdx-element',
  'event-handler-on-component': 'mdx-handler',
  'attribute-expression': 'mdx-expression',
  'spread-attribute': 'mdx-expression',
  'javascript-link': 'mdx-url',
  'data-url-image': 'mdx-url',
  'javascript-url-reference': 'mdx-url',
  'unknown-component': 'mdx-element',
};

describe('MDX attacks', () => {
  it('has a fixture for every attack and nothing untested', () => {
    expect(readdirSync(path.join(attacksDir, 'articles')).map((f) => f.replace(/\.mdx$/, '')).sort()).toEqual(Object.keys(expectedKind).sort());
  });

  it.each(Object.entries(expectedKind))('%s is rejected with file and line', (attack, rule) => {
    const findings = report.findings.filter((f) => f.file.endsWith(`/${attack}.mdx`));
    expect(findings.map((f) => f.rule)).toContain(rule);
    for (const finding of findings) {
      expect(finding.severity).toBe('error');
      expect(finding.field).toMatch(/^line 4[24]$/); // the line in the file where the attack sits
    }
  });

  it('lets the allow-listed components through with literal values', () => {
    expect(checkMdxBody('<Callout level="emergency" title="Call 911">\n\n- a seizure\n\n</Callout>\n\n<HelplineBox />\n\n[NIDA](https://nida.nih.gov/)')).toEqual([]);
  });

  it('requires the Callout attributes and a known level', () => {
    expect(checkMdxBody('<Callout title="x">\n\ny\n\n</Callout>').map((p) => p.message)).toEqual(['<Callout> needs a level="…" attribute']);
    expect(checkMdxBody('<Callout level="severe" title="x" />').map((p) => p.message)).toEqual([
      '<Callout level="severe"> expected one of: non-urgent, urgent, emergency',
    ]);
  });

  it('finds nothing unsafe in the sample content', () => {
    const real = runContentCheck({ root: 'content', today: '2026-11-26', useHistory: false });
    expect(real.findings.filter((f) => f.rule.startsWith('mdx-'))).toEqual([]);
  });
});

describe('the build refuses unsafe MDX on its own', () => {
  it('stops astro build before an export can run, naming the file', () => {
    const marker = '/tmp/mdx-attack-ran';
    rmSync(marker, { force: true });
    const scratch = mkdtempSync(path.join(tmpdir(), 'mdx-build-'));
    const content = contentWith(path.join(attacksDir, 'articles/esm-side-effect.mdx'));
    // `astro build` directly, skipping check:content, to prove the build's own guard.
    const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', path.join(scratch, 'site')], {
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: content, ASTRO_CACHE_DIR: path.join(scratch, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status).toBe(1);
    expect(output).toMatch(/Unsafe MDX in .*esm-side-effect\.mdx/);
    expect(output).toContain('import/export statements are not allowed');
    expect(existsSync(marker)).toBe(false);
  });
});

// Every attack fixture in tests/fixtures/mdx-attacks/ is rejected with its file and line,
// by check:content (the build's own guard is tested in build-gate.test.ts).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runContentCheck } from '../../src/lib/io/content-check.ts';
import { checkMdxBody } from '../../src/lib/mdx/safety.ts';
import { FIXTURES } from '../helpers.ts';

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
    expect(
      readdirSync(path.join(attacksDir, 'articles'))
        .map((f) => f.replace(/\.mdx$/, ''))
        .sort(),
    ).toEqual(Object.keys(expectedKind).sort());
  });

  it.each(Object.entries(expectedKind))('%s is rejected with file and line', (attack, rule) => {
    const findings = report.findings.filter((f) => f.file.endsWith(`/${attack}.mdx`) && f.rule.startsWith('mdx-'));
    expect(findings.map((f) => f.rule)).toContain(rule);
    for (const finding of findings) {
      expect(finding.severity).toBe('error');
      expect(finding.field).toMatch(/^line 4[24]$/); // the line in the file where the attack sits
    }
  });

  it('lets the allow-listed components through with literal values', () => {
    expect(
      checkMdxBody(
        '<Callout level="emergency" title="Call 911">\n\n- a seizure\n\n</Callout>\n\n<HelplineBox />\n\n[NIDA](https://nida.nih.gov/)',
      ),
    ).toEqual([]);
  });

  it('requires the Callout attributes and a known level', () => {
    expect(checkMdxBody('<Callout title="x">\n\ny\n\n</Callout>').map((p) => p.message)).toEqual([
      '<Callout> needs a level="…" attribute',
    ]);
    expect(checkMdxBody('<Callout level="severe" title="x" />').map((p) => p.message)).toEqual([
      '<Callout level="severe"> expected one of: non-urgent, urgent, emergency',
    ]);
  });

  it('finds nothing unsafe in the sample content', () => {
    const real = runContentCheck({ root: 'content', today: '2026-11-26', useHistory: false });
    expect(real.findings.filter((f) => f.rule.startsWith('mdx-'))).toEqual([]);
  });
});

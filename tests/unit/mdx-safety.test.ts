// Every attack fixture in tests/fixtures/mdx-attacks/ is refused by check:content with its file
// and line, plus the hostile-input limits, file names, encodings and picture rules. The build's
// own guard is proved in build-gate.test.ts and mdx-dev-server.test.ts; that the check and the
// build judge the same tree, in mdx-differential.test.ts.
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runContentCheck } from '../../src/lib/io/content-check.ts';
import { loadContent } from '../../src/lib/io/read-content.ts';
import { MDX_LIMITS, preParseProblems } from '../../src/lib/mdx/limits.ts';
import { IMAGE_EXTENSIONS, localImageReferenceProblem } from '../../src/lib/mdx/media.ts';
import { linkUrlProblem } from '../../src/lib/mdx/safety.ts';
import { svgProblem } from '../../src/lib/mdx/svg.ts';
import { contentWith, FIXTURES } from '../helpers.ts';

const attacksDir = path.join(FIXTURES, 'mdx-attacks');
const report = runContentCheck({ root: attacksDir, today: '2026-11-26', useHistory: false });

/** What check:content must say about each fixture: the rule and the place (a line, or the field). */
const expected: Record<string, Array<[rule: string, where: string]>> = {
  'articles/attribute-expression.mdx': [['mdx-expression', 'line 42']],
  'articles/autolink-javascript.mdx': [['mdx-syntax', 'line 42']],
  'articles/blockquote-lazy-esm.mdx': [['mdx-esm', 'line 43']],
  'articles/callout-boolean-attribute.mdx': [['mdx-attribute', 'line 42']],
  'articles/callout-level-outside-list.mdx': [['mdx-attribute', 'line 42']],
  'articles/callout-nested-script.mdx': [['mdx-element', 'line 44']],
  'articles/data-url-image.mdx': [['mdx-image', 'line 42']],
  'articles/deep-blockquote.mdx': [['mdx-nesting', 'line 42']],
  'articles/deep-list.mdx': [['mdx-nesting', 'line 42']],
  'articles/definition-data-url.mdx': [['mdx-url', 'line 44']],
  'articles/draft-with-script.mdx': [['mdx-element', 'line 42']],
  'articles/emphasis-flood.mdx': [['mdx-nesting', 'line 42']],
  'articles/esm-side-effect.mdx': [
    ['mdx-expression', 'line 42'],
    ['mdx-esm', 'line 42'],
  ],
  'articles/event-handler-on-component.mdx': [['mdx-attribute', 'line 42']],
  'articles/export-statement.mdx': [['mdx-esm', 'line 42']],
  'articles/flow-expression.mdx': [['mdx-expression', 'line 42']],
  'articles/footnote-esm.mdx': [['mdx-esm', 'line 45']],
  'articles/footnote-expression.mdx': [['mdx-expression', 'line 44']],
  'articles/footnote-script.mdx': [['mdx-element', 'line 44']],
  'articles/frontmatter-alias-bomb.mdx': [['schema', '(front matter)']],
  'articles/frontmatter-astro-image-marker.mdx': [['schema', 'title']],
  'articles/frontmatter-fence-with-text.mdx': [['schema', '(front matter)']],
  'articles/frontmatter-layout.mdx': [
    ['schema', '(front matter)'],
    ['mdx-frontmatter', 'line 1'],
  ],
  'articles/frontmatter-leading-blank-line.mdx': [['schema', '(front matter)']],
  'articles/frontmatter-merge-key.mdx': [['schema', '(front matter)']],
  'articles/frontmatter-plus-fence.mdx': [['schema', '(front matter)']],
  'articles/heading-inline-element.mdx': [['mdx-element', 'line 42']],
  'articles/helplinebox-with-content.mdx': [
    ['mdx-element', 'line 42'],
    ['mdx-element', 'line 42'],
  ],
  'articles/hero-module.mdx': [['schema', 'hero.image']],
  'articles/hero-outside-content.mdx': [['schema', 'hero.image']],
  'articles/iframe-element.mdx': [['mdx-element', 'line 42']],
  'articles/image-encoded-module.mdx': [['mdx-image', 'line 42']],
  'articles/image-module.mdx': [['mdx-image', 'line 42']],
  'articles/image-outside-content.mdx': [['mdx-image', 'line 42']],
  'articles/image-query-suffix.mdx': [['mdx-image', 'line 42']],
  'articles/image-reference-module.mdx': [
    ['mdx-construct', 'line 42'],
    ['mdx-url', 'line 44'],
  ],
  'articles/image-remote.mdx': [['mdx-image', 'line 42']],
  'articles/image-svg-with-script.mdx': [['mdx-image', 'line 42']],
  'articles/image-symlink-to-module.mdx': [['mdx-image', 'line 42']],
  'articles/images/chart.mjs': [['schema', '(file name)']],
  'articles/images/scripted-chart.svg': [['schema', '(file)']],
  'articles/img-onerror.mdx': [['mdx-element', 'line 42']],
  'articles/import-statement.mdx': [['mdx-esm', 'line 42']],
  'articles/javascript-link.mdx': [['mdx-url', 'line 42']],
  'articles/javascript-url-reference.mdx': [['mdx-url', 'line 44']],
  'articles/jsx-flood.mdx': [['mdx-nesting', 'line 42']],
  'articles/link-backslash-host.mdx': [['mdx-url', 'line 42']],
  'articles/link-entity-javascript.mdx': [['mdx-url', 'line 42']],
  'articles/link-protocol-relative.mdx': [['mdx-url', 'line 42']],
  'articles/link-text-element.mdx': [['mdx-element', 'line 42']],
  'articles/link-vbscript.mdx': [['mdx-url', 'line 42']],
  'articles/list-item-element.mdx': [['mdx-element', 'line 43']],
  'articles/lowercase-callout.mdx': [['mdx-element', 'line 42']],
  'articles/member-component.mdx': [['mdx-element', 'line 42']],
  'articles/namespaced-element.mdx': [['mdx-element', 'line 42']],
  'articles/raw-html-comment.mdx': [['mdx-syntax', 'line 42']],
  'articles/script-element.mdx': [['mdx-element', 'line 42']],
  'articles/spread-attribute.mdx': [['mdx-expression', 'line 42']],
  'articles/style-element.mdx': [['mdx-expression', 'line 42']],
  'articles/table-backtick-expression.mdx': [['mdx-expression', 'line 44']],
  'articles/table-backtick-meta-refresh.mdx': [['mdx-element', 'line 44']],
  'articles/table-backtick-pagefind-meta.mdx': [['mdx-element', 'line 44']],
  'articles/table-backtick-script.mdx': [['mdx-element', 'line 44']],
  'articles/table-callout-pagefind-attribute.mdx': [['mdx-attribute', 'line 44']],
  'articles/task-list-element.mdx': [['mdx-element', 'line 42']],
  'articles/text-expression.mdx': [['mdx-expression', 'line 42']],
  'articles/unknown-component.mdx': [['mdx-element', 'line 42']],
  'pages/page-with-script.mdx': [['mdx-element', 'line 6']],
  'people/images/portrait.mjs': [['schema', '(file name)']],
  'people/photo-module.yml': [['schema', 'photo.image']],
};

function attackFiles(): string[] {
  const files: string[] = [];
  for (const folder of ['articles', 'pages', 'people', 'articles/images', 'people/images']) {
    for (const name of readdirSync(path.join(attacksDir, folder))) {
      const file = `${folder}/${name}`;
      if (
        /\.(mdx|mjs|svg)$/.test(name) ||
        (folder === 'people' &&
          !/^(jamie-placeholder|marcus-demo|rowan-example)\.yml$/.test(name) &&
          name.endsWith('.yml'))
      )
        files.push(file);
    }
  }
  return files.sort();
}

describe('MDX attacks: check:content refuses each with its file and line', () => {
  it('has an expectation for every fixture and nothing untested', () => {
    expect(attackFiles()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s', (file, rules) => {
    const findings = report.findings.filter(
      (f) => f.severity === 'error' && f.file === path.join('tests/fixtures/mdx-attacks', file),
    );
    expect(findings.map((f) => [f.rule, f.field])).toEqual(rules);
    for (const finding of findings) {
      expect(finding.severity).toBe('error');
      // Problems found while cutting or reading the front matter carry their line in the message.
      if (/YAML|front matter must/.test(finding.message)) expect(finding.message).toMatch(/^line \d+: /);
    }
  });

  it('finds nothing unsafe in the sample content or the good fixtures', () => {
    for (const root of ['content', path.join(FIXTURES, 'content-good')]) {
      const real = runContentCheck({ root, today: '2026-11-26', useHistory: false });
      expect(real.findings.filter((f) => f.rule.startsWith('mdx-') || f.field === '(file name)')).toEqual([]);
    }
  });
});

/** A copy of the good fixtures with one extra article, written from `body` (front matter kept). */
function withArticle(name: string, body: string, frontmatter?: (front: string) => string): string {
  const root = contentWith();
  const good = readFileSync(path.join(root, 'articles/good-withdrawal-article.mdx'), 'utf8');
  const end = good.indexOf('\n---\n', 4) + 5;
  const front = frontmatter ? frontmatter(good.slice(0, end)) : good.slice(0, end);
  writeFileSync(path.join(root, 'articles', name), `${front}\n${body}`);
  return root;
}
const check = (root: string) => runContentCheck({ root, today: '2026-11-26', useHistory: false });
const errorsFor = (root: string, name: string) =>
  check(root).findings.filter((f) => f.severity === 'error' && f.file.endsWith(`articles/${name}`));

describe('hostile input gets a clear error, never a crash or a hang', () => {
  it.each([
    ['10 KB of nested >', '>'.repeat(10_000), /nests quotes, lists or indentation 10000 levels deep; the limit is 24/],
    ['60 KB of *a_', '*a_'.repeat(20_000), /more than 1000 emphasis marks/],
    ['a file over the size limit', `${'Plain words. '.repeat(11_000)}\n`, /KB, more than the limit of 128 KB/],
    [
      'deeply nested component tags',
      '<Callout level="urgent" title="x">'.repeat(250),
      /component tags .* the limit is 200/,
    ],
  ])('%s is refused with the file, a line and the limit', (_, body, message) => {
    const started = performance.now();
    const errors = errorsFor(withArticle('hostile.mdx', body), 'hostile.mdx');
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].message).toMatch(message);
    expect(`${errors[0].field}: ${errors[0].message}`).toMatch(/^(line \d+|\(file\)): /);
  });

  it('refuses a YAML alias bomb in front matter and in a person file, naming the line', () => {
    const bomb = `x0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n${Array.from(
      { length: 9 },
      (_, i) => `x${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(',')}]\n`,
    ).join('')}`;
    const root = withArticle('bomb.mdx', 'Text.\n', (front) =>
      front.replace('draft: false\n', `draft: false\n${bomb}`),
    );
    writeFileSync(path.join(root, 'people/bomb-person.yml'), bomb);
    const problems = loadContent(root).problems.filter((p) => /bomb/.test(p.file));
    expect(problems.map((p) => [path.basename(p.file), p.message])).toEqual([
      ['bomb-person.yml', expect.stringMatching(/^line 1: YAML anchors \(&a0\) are not allowed/)],
      ['bomb.mdx', expect.stringMatching(/^line 2\d: YAML anchors \(&a0\) are not allowed/)],
    ]);
  });

  it('refuses YAML nested too deeply to be parsed safely', () => {
    const root = contentWith();
    writeFileSync(path.join(root, 'people/deep.yml'), `name: ${'['.repeat(5000)}`);
    const [problem] = loadContent(root).problems.filter((p) => p.file.endsWith('deep.yml'));
    expect(problem.message).toMatch(/more than 256 \[ or \{ brackets .* nested too deeply/);
  });

  it('checks limits before the parser: what would crash it is refused without parsing', () => {
    expect(preParseProblems('>'.repeat(100_000))).toEqual([
      { line: 1, kind: 'nesting', message: expect.stringMatching(/100000 levels deep/) },
    ]);
    expect(preParseProblems(`${'a\n'.repeat(10)}{x}\n`)).toEqual([
      { line: 11, kind: 'expression', message: expect.stringMatching(/write \\\{ for a literal brace/) },
    ]);
    expect(preParseProblems('An escaped \\{brace\\} and \\\\\\{ one more.\n')).toEqual([]);
    expect(preParseProblems('Text with \\\\{x} after an escaped backslash.\n').map((p) => p.kind)).toEqual([
      'expression',
    ]);
    expect(MDX_LIMITS.maxBytes).toBe(131_072);
  });
});

describe('file names and encodings', () => {
  it.each([
    ['What now?.mdx', /\?, # and % break the page address/],
    ['dose#2.mdx', /\?, # and % break the page address/],
    ['100%.mdx', /\?, # and % break the page address/],
    ['two words.mdx', /contains a space/],
    ['Baclofen.mdx', /contains capital letters/],
    ['baclofène.mdx', /letters outside a–z/],
    ['notes.md', /only \.mdx files belong in this folder/],
  ])('refuses the article file name "%s"', (name, why) => {
    const root = contentWith();
    cpSync(path.join(root, 'articles/good-withdrawal-article.mdx'), path.join(root, 'articles', name));
    const problems = loadContent(root).problems.filter((p) => p.field === '(file name)');
    expect(problems).toHaveLength(1);
    expect(problems[0].file).toBe(path.join(path.relative(process.cwd(), root), 'articles', name));
    expect(problems[0].message).toMatch(/lower-case|belong/);
    expect(problems[0].message).toMatch(why);
  });

  it('accepts a UTF-8 byte-order mark and names invalid UTF-8 with its line', () => {
    const root = contentWith();
    const file = path.join(root, 'articles/good-withdrawal-article.mdx');
    const source = readFileSync(file);
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), source]));
    expect(check(root).errors).toBe(0);
    const lines = source.toString('utf8').split('\n');
    lines[44] = `${lines[44]} \u0000`;
    writeFileSync(
      file,
      Buffer.concat([Buffer.from(lines.join('\n')).subarray(0, 40), Buffer.from([0xc3, 0x28]), source.subarray(40)]),
    );
    const [problem] = loadContent(root).problems;
    expect(problem).toMatchObject({
      field: '(file)',
      message: expect.stringMatching(/^line 2: the file is not valid UTF-8 text/),
    });
  });
});

describe('pictures are images inside content/', () => {
  it('names the allowed extensions in one list', () => {
    expect(IMAGE_EXTENSIONS).toEqual(['png', 'jpg', 'jpeg', 'webp', 'avif', 'gif', 'svg']);
  });

  it.each([
    ['./images/chart.png', undefined],
    ['../people/images/portrait.webp', undefined],
    ['./images/chart.mjs', /not an image file/],
    ['./images/chart.PNG', /not an image file/],
    ['./images/chart%2Emjs', /not an image file/],
    ['./images/chart.mjs?.png', /characters a picture path may not use/],
    ['./images/chart.png?raw', /not an image file/],
    ['./images/../../../src/x.png', /characters a picture path may not use/],
    ['../../src/assets/og-default.png', /characters a picture path may not use/],
    ['images/chart.png', /must be a path relative to the file, starting with \.\//],
    ['/images/chart.png', /must be a path relative to the file/],
    ['https://example.org/x.png', /not a local picture/],
    ['data:image/png;base64,AAAA', /not a local picture/],
  ])('%s', (reference, problem) => {
    if (problem) expect(localImageReferenceProblem(reference)).toMatch(problem);
    else expect(localImageReferenceProblem(reference)).toBeUndefined();
  });

  it('refuses a picture path that resolves outside content/ or through a link to code', () => {
    const root = withArticle('pictures.mdx', '![A](./images/inside.png)\n\n![B](./images/linked.png)\n');
    writeFileSync(path.join(root, 'articles/images/inside.png'), 'not really a png, but an image by name');
    writeFileSync(path.join(root, 'articles/images/linked.mjs'), 'export default 1;');
    symlinkSync('linked.mjs', path.join(root, 'articles/images/linked.png'));
    mkdirSync(path.join(root, 'media'), { recursive: true });
    const errors = errorsFor(root, 'pictures.mdx');
    const line =
      readFileSync(path.join(root, 'articles/pictures.mdx'), 'utf8').split('\n').indexOf('![B](./images/linked.png)') +
      1;
    expect(errors.map((e) => [e.field, e.message])).toEqual([
      [
        `line ${line}`,
        expect.stringMatching(/linked\.png" is a link to a file that is not an image inside the content folder/),
      ],
    ]);
    const mediaProblem = loadContent(root).problems.find((p) => p.file.endsWith('linked.mjs'));
    expect(mediaProblem?.message).toMatch(/the media folder holds only pictures/);
  });
});

describe('link targets', () => {
  it.each([
    ['https://www.nida.nih.gov/', undefined],
    ['mailto:help@example.org', undefined],
    ['tel:+18006624357', undefined],
    ['/articles/baclofen-withdrawal/', undefined],
    ['#how-to-stop', undefined],
    ['javascript:alert(1)', /only https:, http:, mailto: and tel:/],
    ['JAVASCRIPT:alert(1)', /only https:, http:, mailto: and tel:/],
    ['data:text/html,x', /only https:, http:, mailto: and tel:/],
    ['//evil.example/', /not a path on this site/],
    ['/\\evil.example/', /contains spaces, control characters or \\/],
    ['java\tscript:alert(1)', /contains spaces, control characters/],
    ['relative/page', /must be a full https:\/\/ address or a path on this site/],
  ])('%s', (url, problem) => {
    if (problem) expect(linkUrlProblem(url)).toMatch(problem);
    else expect(linkUrlProblem(url)).toBeUndefined();
  });
});

describe('SVG pictures hold drawing only', () => {
  it('accepts every sample picture', () => {
    for (const folder of ['content/articles/images', path.join(FIXTURES, 'content-good/articles/images')]) {
      for (const name of readdirSync(folder).filter((n) => n.endsWith('.svg'))) {
        expect(svgProblem(readFileSync(path.join(folder, name), 'utf8')), name).toBeUndefined();
      }
    }
  });

  it.each([
    ['<svg><script>alert(1)</script></svg>', /<script> is not allowed/],
    ['<svg onload="alert(1)"/>', /attribute onload/],
    ['<svg><a href="javascript:alert(1)"><rect/></a></svg>', /<a> is not allowed/],
    ['<svg><use href="https://evil.example/x.svg#a"/></svg>', /may only point inside the picture/],
    ['<svg><rect fill="url(https://evil.example/x)"/></svg>', /may not refer to another file/],
    ['<svg><foreignObject><div/></foreignObject></svg>', /<foreignObject> is not allowed/],
    ['<!DOCTYPE svg [<!ENTITY a "b">]><svg/>', /DOCTYPE, entities/],
    ['<svg><set attributeName="href" to="javascript:x"/></svg>', /<set> is not allowed/],
    ['<svg>\n<style>@import url(x)</style></svg>', /^line 2: <style> is not allowed/],
  ])('refuses %s', (svg, problem) => {
    expect(svgProblem(svg)).toMatch(problem);
  });
});

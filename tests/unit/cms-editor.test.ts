// The CMS editor's pure parts: the body's text edits (lossless by construction), the body check an
// editor sees while typing, and the entry check run at save (the build's rules, by field).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { entryProblems, fieldLabel, problemSummary } from '../../src/lib/cms/entry-check.ts';
import { canReview, cmsSiteData } from '../../src/lib/cms/site-data.ts';
import {
  calloutAt,
  calloutBlock,
  citationEdit,
  imageMarkdown,
  insertBlock,
  linkEdit,
  toggleLinePrefix,
  toggleWrap,
} from '../../src/lib/cms/text-edits.ts';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { compileEditorMdx } from '../../src/lib/io/mdx-compiler.ts';
import { applyFix, bodyProblems } from '../../src/lib/mdx/editor-check.ts';

/** What the site's own compiler and guard say about a body (an empty list: it builds). */
async function compilerProblems(body: string): Promise<string[]> {
  const file = path.resolve('content/articles/editor-check-probe.mdx');
  const { problems } = await compileEditorMdx(file, `---\ntitle: Probe\n---\n${body}`, path.resolve('content'));
  return problems.map((p) => p.message);
}

const ARTICLES = 'content/articles';
const articleFiles = readdirSync(ARTICLES).filter((name) => name.endsWith('.mdx'));
const people = new Map(
  readdirSync('content/people').map((name) => {
    const data = parse(readFileSync(path.join('content/people', name), 'utf8'));
    return [name.replace(/\.yml$/, ''), { name: data.name, credentials: data.credentials, roles: data.roles }];
  }),
);
const context = { people, policy: { intervalMonths: 12, warningDays: 60, overdueGraceDays: 0 }, today: '2026-11-26' };

/** An article as the CMS holds it: front matter values plus the body. */
function entry(file: string): Record<string, unknown> {
  const { data, body } = splitFrontmatter(readFileSync(path.join(ARTICLES, file), 'utf8'));
  const plain = Object.fromEntries(
    Object.entries(data).map(([key, value]) => [key, value instanceof Date ? value.toISOString().slice(0, 10) : value]),
  );
  return { ...plain, body };
}
const sample = entry('baclofen-withdrawal.mdx');
const errorsOf = (data: Record<string, unknown>, collection = 'articles') =>
  entryProblems(collection, data, context).filter((p) => p.severity === 'error');

describe('text edits of the body toolbar', () => {
  const text = 'Intro line.\n\nSecond paragraph with words.\n\nLast.';

  it('changes nothing outside the selection it acts on', () => {
    const at = text.indexOf('words');
    const bold = toggleWrap(text, { start: at, end: at + 5 }, '**', 'bold');
    expect(bold.text).toBe(text.replace('words', '**words**'));
    expect(bold.text.slice(bold.selection.start, bold.selection.end)).toBe('words');
    expect(toggleWrap(bold.text, bold.selection, '**', 'bold').text).toBe(text);
  });

  it('sets and removes line prefixes for headings and lists', () => {
    const lines = 'one\ntwo\n\nthree';
    expect(toggleLinePrefix(lines, { start: 0, end: 7 }, '- ').text).toBe('- one\n- two\n\nthree');
    expect(toggleLinePrefix('- one\n- two', { start: 0, end: 11 }, '- ').text).toBe('one\ntwo');
    expect(toggleLinePrefix(lines, { start: 0, end: 7 }, '1. ').text).toBe('1. one\n2. two\n\nthree');
    expect(toggleLinePrefix('- one', { start: 2, end: 2 }, '## ').text).toBe('## one');
  });

  it('inserts blocks as their own paragraph, with one empty line around them', () => {
    const at = text.indexOf('with');
    expect(insertBlock(text, { start: at, end: at }, '<HelplineBox />').text).toBe(
      'Intro line.\n\nSecond paragraph with words.\n\n<HelplineBox />\n\nLast.',
    );
    expect(insertBlock('', { start: 0, end: 0 }, '<HelplineBox />').text).toBe('<HelplineBox />\n');
  });

  it('writes the one callout form the site reads, and finds it again to edit it in place', async () => {
    const block = calloutBlock({ level: 'urgent', title: 'Call "now" <today>', details: '- one\n- two\n' });
    expect(block).toBe('<Callout level="urgent" title="Call ”now” today">\n\n- one\n- two\n\n</Callout>');
    expect(await compilerProblems(block)).toEqual([]);
    const body = `Before.\n\n${block}\n\nAfter.`;
    expect(calloutAt(body, body.indexOf('two'))).toMatchObject({ level: 'urgent', details: '- one\n- two' });
    expect(calloutAt(body, 2)).toBeUndefined();
  });

  it('cites sources as [n], glued to a citation just before the cursor: [1][3]', () => {
    expect(citationEdit('doses [1]', { start: 9, end: 9 }, 3).text).toBe('doses [1][3]');
    expect(citationEdit('doses', { start: 5, end: 5 }, 2).text).toBe('doses [2]');
    expect(citationEdit('doses ', { start: 6, end: 6 }, 2).text).toBe('doses [2]');
  });

  it('links the selected words and keeps picture descriptions inside their brackets', () => {
    expect(linkEdit('see the guide', { start: 8, end: 13 }, 'https://example.org').text).toBe(
      'see the [guide](https://example.org)',
    );
    expect(imageMarkdown('Pills [blister] pack', './images/a b.svg')).toBe('![Pills blister pack](./images/a%20b.svg)');
  });
});

describe('the body check an editor sees while typing', () => {
  it('accepts every sample article body and escaped signs', () => {
    for (const file of articleFiles) expect(bodyProblems(String(entry(file).body)), file).toEqual([]);
    expect(bodyProblems('Less than \\<5 g, braces \\{roughly\\}, a < b, [1][3].')).toEqual([]);
  });

  it('explains a bare < and offers the escape as a fix, as the site\u2019s compiler agrees', async () => {
    const body = 'First line.\n\nTake <5 g a day.';
    expect(await compilerProblems(body)).not.toEqual([]);
    const [problem] = bodyProblems(body);
    expect(problem).toMatchObject({ line: 3, message: expect.stringMatching(/“<5 g a day\.” .*write \\</) });
    expect(applyFix(body, problem.fix!)).toBe('First line.\n\nTake \\<5 g a day.');
    expect(await compilerProblems(applyFix(body, problem.fix!))).toEqual([]);
  });

  it('explains {…} read as code and offers to escape both braces, as the site\u2019s compiler agrees', async () => {
    const body = 'It takes {roughly} a week.';
    expect(await compilerProblems(body)).not.toEqual([]);
    const [problem] = bodyProblems(body);
    expect(problem.message).toMatch(/would be read as code/);
    expect(applyFix(body, problem.fix!)).toBe('It takes \\{roughly\\} a week.');
    expect(await compilerProblems(applyFix(body, problem.fix!))).toEqual([]);
  });

  it('names components the site does not offer, unclosed callouts, code and unsafe links', () => {
    expect(bodyProblems('a <br> b')[0].message).toMatch(/only the urgency callout and the helpline box/);
    expect(bodyProblems('x\n\n<Callout level="urgent" title="t">\n\nhi\n')[0]).toMatchObject({
      line: 3,
      message: expect.stringMatching(/no closing <\/Callout>/),
    });
    expect(bodyProblems('<Callout level="soon" title="t">\n\nhi\n\n</Callout>')[0].message).toMatch(/must be one of/);
    expect(bodyProblems('import x from "y"\n\nText.')[0].message).toMatch(/import\/export/);
    expect(bodyProblems('[x](javascript:alert(1))')[0].message).toMatch(/not allowed/);
  });

  it('asks for alt text on every picture', () => {
    expect(bodyProblems('![](./images/x.svg)')[0].message).toMatch(/no alt text/);
    expect(bodyProblems('![ ](./images/x.svg)')).toHaveLength(1);
    expect(bodyProblems('![Tablets in a pack](./images/x.svg)')).toEqual([]);
  });
});

describe('the save check: the build\u2019s rules on the entry being edited', () => {
  it('finds nothing wrong with the sample articles', () => {
    for (const file of articleFiles) expect(errorsOf(entry(file)), file).toEqual([]);
  });

  it('refuses the author as their own reviewer', () => {
    const problems = errorsOf({ ...sample, author: 'marcus-demo', reviewer: 'marcus-demo' });
    expect(problems).toEqual([
      expect.objectContaining({ field: 'reviewer', message: expect.stringMatching(/^Marcus Demo wrote this page/) }),
    ]);
  });

  it('refuses a reviewer without credentials or the reviewer role', () => {
    const problems = errorsOf({ ...sample, author: 'casey-specimen', reviewer: 'jamie-placeholder' });
    expect(problems.map((p) => p.field)).toEqual(['reviewer', 'reviewer']);
    expect(problems.map((p) => p.message).join(' ')).toMatch(/no credentials.*not a medical reviewer/);
    expect(errorsOf({ ...sample, reviewer: 'nobody' })[0].message).toMatch(/is not in People/);
  });

  it('refuses a next review before the last one or beyond the policy', () => {
    expect(errorsOf({ ...sample, nextReviewDue: '2026-01-01' })).toEqual([
      expect.objectContaining({
        field: 'nextReviewDue',
        message: expect.stringMatching(/after “Last medically reviewed”/),
      }),
    ]);
    expect(errorsOf({ ...sample, nextReviewDue: '2028-12-01' })[0].message).toMatch(/12-month review policy/);
    expect(errorsOf({ ...sample, lastReviewed: '2026-12-01', nextReviewDue: '2027-06-01' })[0]).toMatchObject({
      field: 'lastReviewed',
      message: expect.stringMatching(/after today/),
    });
  });

  it('refuses a medical page without sources', () => {
    expect(errorsOf({ ...sample, sources: [] })).toEqual([
      expect.objectContaining({ field: 'sources', message: expect.stringMatching(/at least one source/) }),
    ]);
  });

  it('refuses pictures without alt text, at the top and in the body', () => {
    expect(errorsOf({ ...sample, hero: { image: './images/x.svg', alt: ' ' } })[0]).toMatchObject({
      field: 'hero',
      message: expect.stringMatching(/alt text is required/),
    });
    const body = `${sample.body}\n![](./images/baclofen-blister-pack.svg)\n`;
    expect(errorsOf({ ...sample, body })[0]).toMatchObject({ field: 'body', message: expect.stringMatching(/alt/) });
  });

  it('refuses MDX the build would reject', () => {
    for (const typed of ['Take <5 g a day.', 'It takes {roughly} a week.']) {
      expect(errorsOf({ ...sample, body: `${sample.body}\n${typed}\n` })[0]).toMatchObject({ field: 'body' });
    }
  });

  it('refuses an e-mail address the schema rejects, naming the field by its label', () => {
    const settings = parse(readFileSync('content/settings/site.yml', 'utf8'));
    const problems = errorsOf(
      { ...settings, organisation: { ...settings.organisation, contactEmail: 'name@localhost' } },
      'settings',
    );
    expect(problems).toEqual([expect.objectContaining({ field: 'organisation', where: 'Publisher › Contact email' })]);
  });

  it('lets an overdue page be saved (that is how its review is recorded) but says so', () => {
    const overdue = entryProblems('articles', sample, { ...context, today: '2028-01-01' });
    expect(overdue).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'nextReviewDue',
        message: expect.stringMatching(/overdue/),
      }),
    ]);
    expect(problemSummary(overdue)).toBe('');
  });

  it('skips the review rules for a draft, like check:content', () => {
    expect(errorsOf({ ...sample, draft: true, reviewer: 'jamie-placeholder' })).toEqual([]);
  });

  it('labels nested fields in the words of the form', () => {
    expect(fieldLabel('articles', 'sources.1.url')).toBe('Sources › 2 › Address (https)');
    expect(fieldLabel('articles', 'body')).toBe('Body');
  });
});

describe('who may be picked as medical reviewer', () => {
  it('needs the reviewer role and at least one credential', () => {
    expect(canReview(people.get('rowan-example'))).toBe(true);
    expect(canReview(people.get('marcus-demo'))).toBe(true);
    expect(canReview(people.get('jamie-placeholder'))).toBe(false);
    expect(canReview(people.get('casey-specimen'))).toBe(false);
    expect(canReview({ roles: ['reviewer'], credentials: [] })).toBe(false);
  });

  it('site data for the editor carries the real helpline and the people', () => {
    const settings = parse(readFileSync('content/settings/site.yml', 'utf8'));
    const data = cmsSiteData(settings, [['rowan-example', { ...people.get('rowan-example')!, jobTitle: 'Physician' }]]);
    expect(data.helpline?.display).toBe(settings.helpline.display);
    expect(data.people['rowan-example']).toMatchObject({ name: 'Dr. Rowan Example', roles: ['reviewer'] });
  });
});

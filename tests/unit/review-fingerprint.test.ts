// The review fingerprint: which edits change it (words, numbers, citations) and which do not
// (formatting only), and that it is the same pure computation wherever it runs.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { decapParse } from '../../src/lib/cms/decap-format.ts';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { sha256Hex } from '../../src/lib/core/sha256.ts';
import { type ReviewedContent, reviewedTextState, reviewFingerprint } from '../../src/lib/review/fingerprint.ts';
import { articleSchema } from '../../src/schemas/article.ts';

const reviewed = `## Stopping baclofen

Do not stop all at once. Withdrawal can start within 2 days [1][3].

- Lower the dose by 5 mg every 3 days.
- Call 911 in an emergency.

<Callout level="urgent" title="Pump users">A missed refill is an emergency.</Callout>
`;
const page: ReviewedContent = {
  title: 'Baclofen withdrawal',
  description: 'Stopping baclofen all at once can cause seizures.',
  keyTakeaways: ['Do not stop baclofen suddenly.', 'A taper is the safest way to stop.'],
  sources: [{ title: 'Baclofen', publisher: 'MedlinePlus', url: 'https://medlineplus.gov/a682530.html', year: 2024 }],
  body: reviewed,
};
const fingerprint = reviewFingerprint(page);
const changes = (edited: string) => reviewFingerprint({ ...page, body: edited }) !== fingerprint;
const changesPage = (edit: Partial<ReviewedContent>) => reviewFingerprint({ ...page, ...edit }) !== fingerprint;

describe('sha256Hex (pure, no node:crypto)', () => {
  it('agrees with node:crypto on empty, block-boundary, multi-block and non-ASCII input', () => {
    const samples = [
      '',
      'abc',
      'a'.repeat(55),
      'a'.repeat(56),
      'a'.repeat(64),
      'a'.repeat(1000),
      'é✓😀 [1]'.repeat(50),
    ];
    for (const text of samples) expect(sha256Hex(text)).toBe(createHash('sha256').update(text).digest('hex'));
  });
});

describe('reviewFingerprint', () => {
  it('is "v1:" and 64 hex digits, which the article schema accepts', () => {
    expect(fingerprint).toMatch(/^v1:[0-9a-f]{64}$/);
    const shape = (articleSchema({ image: () => z.string(), reference: () => z.string() }) as any).shape;
    expect(shape.reviewFingerprint.safeParse(fingerprint).success).toBe(true);
    expect(shape.reviewFingerprint.safeParse('sha256:abc').success).toBe(false);
  });

  it('changes when a word, a number, a citation, a component attribute or a link changes', () => {
    expect(changes(reviewed.replace('Do not stop', 'Do stop'))).toBe(true);
    expect(changes(reviewed.replace('within 2 days', 'within 3 days'))).toBe(true);
    expect(changes(reviewed.replace('5 mg', '50 mg'))).toBe(true);
    expect(changes(reviewed.replace('[1][3]', '[1]'))).toBe(true);
    expect(changes(reviewed.replace('[1][3]', '[1][4]'))).toBe(true);
    expect(changes(reviewed.replace('[1][3]', '\\[1][3]'))).toBe(true);
    expect(changes(reviewed.replace('level="urgent"', 'level="non-urgent"'))).toBe(true);
    expect(changes(reviewed.replace('Call 911', 'Call [911](tel:911)'))).toBe(true);
    expect(changes(reviewed.replace('Lower the dose', 'Lower the *dose*'))).toBe(true);
    expect(changes(`${reviewed}\nOne more sentence.\n`)).toBe(true);
  });

  it('ignores line wrapping, indentation, blank lines, trailing spaces, CRLF and the bullet marker', () => {
    expect(changes(reviewed.replace('at once. Withdrawal', 'at once.\nWithdrawal'))).toBe(false);
    expect(changes(reviewed.replace(/\n\n/g, '\n\n\n'))).toBe(false);
    expect(changes(reviewed.replace(/\n/g, '  \r\n'))).toBe(false);
    expect(changes(reviewed.replace(/^- /gm, '* '))).toBe(false);
    expect(changes(reviewed.replace(/^- /gm, '+   '))).toBe(false);
    expect(changes(`\n\n${reviewed}\n\n`)).toBe(false);
  });

  it('covers what patients read besides the body: title, description, key takeaways, cited sources', () => {
    expect(changesPage({ title: 'Baclofen withdrawal timeline' })).toBe(true);
    expect(changesPage({ description: 'Stopping baclofen all at once can cause a seizure.' })).toBe(true);
    expect(changesPage({ keyTakeaways: ['Do not stop baclofen suddenly.', 'A taper is a safe way to stop.'] })).toBe(
      true,
    );
    expect(changesPage({ keyTakeaways: [...page.keyTakeaways!].reverse() })).toBe(true);
    expect(changesPage({ sources: [{ ...page.sources![0], url: 'https://example.org/other' }] })).toBe(true);
    expect(changesPage({ sources: [{ ...page.sources![0], year: 2019 }] })).toBe(true);
    expect(changesPage({ sources: [] })).toBe(true);
    // The same words wrapped differently (as YAML folding or the CMS may write them) are the same text.
    expect(changesPage({ description: 'Stopping baclofen all at once\n  can cause seizures. ' })).toBe(false);
  });

  it('says whether a page is still the reviewed text', () => {
    expect(reviewedTextState(page, fingerprint)).toBe('unchanged');
    expect(reviewedTextState({ ...page, body: reviewed.replace('5 mg', '10 mg') }, fingerprint)).toBe('changed');
    expect(reviewedTextState(page, undefined)).toBe('unrecorded');
  });

  it('gives the same value for an article as the site reads it and as Decap CMS reads it', () => {
    for (const name of readdirSync('content/articles').filter((n) => n.endsWith('.mdx'))) {
      const source = readFileSync(`content/articles/${name}`, 'utf8');
      const { data, body } = splitFrontmatter(source);
      expect(reviewFingerprint({ ...(data as unknown as ReviewedContent), body }), name).toBe(data.reviewFingerprint);
      const decap = decapParse(source) as unknown as ReviewedContent;
      expect(reviewFingerprint({ ...decap, body: String(decap.body) }), name).toBe(data.reviewFingerprint);
    }
  });

  it('imports nothing but the pure hash, so the browser (the CMS) can run it synchronously', () => {
    for (const file of ['src/lib/review/fingerprint.ts', 'src/lib/core/sha256.ts']) {
      const imports = [...readFileSync(file, 'utf8').matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
      expect(
        imports.every((spec) => spec === '../core/sha256.ts'),
        `${file}: ${imports}`,
      ).toBe(true);
    }
  });
});

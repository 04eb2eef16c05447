// "Nothing lost": for every sample article, changing one front-matter field the way Decap CMS
// writes it changes only that field's lines; the rest of the front matter and the MDX body stay
// byte-identical. Uses Decap's own YAML and gray-matter (src/lib/cms/decap-format.ts); the browser
// test (tests/e2e/cms.spec.ts) proves the same through the real editor for a few articles.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFields } from '../../src/lib/cms/config.ts';
import { decapParse, decapStringify, type EntryData } from '../../src/lib/cms/decap-format.ts';
import { DEFAULT_REVIEW_POLICY } from '../../src/lib/review/default-policy.ts';
import { fieldBlocks } from '../helpers.ts';

const order = articleFields(DEFAULT_REVIEW_POLICY).map((f) => f.name);
const dir = 'content/articles';
const files = readdirSync(dir)
  .filter((n) => n.endsWith('.mdx'))
  .sort();

const edits: Record<string, (data: EntryData) => void> = {
  title: (d) => (d.title = `${d.title} (revised)`),
  description: (d) => (d.description = `${String(d.description).slice(0, 140)} Updated.`),
  lastReviewed: (d) => (d.lastReviewed = '2026-11-20'),
  nextReviewDue: (d) => (d.nextReviewDue = '2027-11-20'),
  reviewer: (d) => (d.reviewer = d.reviewer === 'lena-sample' ? 'rowan-example' : 'lena-sample'),
  category: (d) => (d.category = d.category === 'treatment' ? 'recovery' : 'treatment'),
  draft: (d) => (d.draft = !d.draft),
};

describe.each(files)('%s', (file) => {
  const source = readFileSync(path.join(dir, file), 'utf8');

  it('is already in the style the CMS writes (opening and saving changes nothing)', () => {
    expect(decapStringify(decapParse(source), order)).toBe(source);
  });

  it.each(Object.keys(edits))('changing %s changes only that field', (key) => {
    const data = decapParse(source);
    edits[key](data);
    const saved = decapStringify(data, order);
    const body = source.slice(source.indexOf('\n---\n') + 5);
    expect(saved.endsWith(body), 'MDX body byte-identical').toBe(true);
    const before = fieldBlocks(source);
    const after = fieldBlocks(saved);
    expect(
      after.map(([k]) => k),
      'same fields in the same order',
    ).toEqual(before.map(([k]) => k));
    for (const [index, [name, text]] of before.entries()) {
      if (name === key) expect(after[index][1], `${key} changed`).not.toBe(text);
      else expect(after[index][1], `${name} untouched`).toBe(text);
    }
  });
});

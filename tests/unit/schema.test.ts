import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/content/schema-issues.ts';
import { loadContent } from '../../src/lib/io/read-content.ts';
import { contentWith, FIXTURES } from '../helpers.ts';

describe('good fixture content', () => {
  it('loads with no problems', () => {
    const content = loadContent(path.join(FIXTURES, 'content-good'));
    expect(content.problems).toEqual([]);
    expect(content.articles.map((a) => a.id)).toEqual(['good-draft-article', 'good-withdrawal-article']);
    expect(content.people.size).toBe(3);
    expect(content.settings?.reviewPolicy).toEqual({ intervalMonths: 12, warningDays: 60, overdueGraceDays: 0 });
  });

  it('normalises dates to YYYY-MM-DD strings and applies defaults', () => {
    const article = loadContent(path.join(FIXTURES, 'content-good')).articles.find(
      (a) => a.id === 'good-draft-article',
    )!;
    expect(article.data.lastReviewed).toBe('2020-01-01');
    expect(article.data.sources).toEqual([]);
    expect(article.data.substances).toEqual([]);
    expect(article.data.draft).toBe(true);
  });

  it('keeps the MDX body exactly as written', () => {
    const file = path.join(FIXTURES, 'content-good/articles/good-withdrawal-article.mdx');
    const article = loadContent(path.join(FIXTURES, 'content-good')).articles.find(
      (a) => a.id === 'good-withdrawal-article',
    )!;
    expect(readFileSync(file, 'utf8').endsWith(article.body)).toBe(true);
    expect(article.body.startsWith('\nThis page is a test fixture.')).toBe(true);
  });
});

// Each bad fixture breaks one field; the message must name the file, the field and what was expected.
const badFixtures: Array<[fixture: string, field: string, expected: RegExp]> = [
  ['bad-description-too-long', 'description', /expected at most 160 characters .*got 352/],
  ['bad-category-unknown', 'category', /expected one of: substances, withdrawal, treatment, recovery/],
  ['bad-date-not-iso', 'lastReviewed', /expected a real date written YYYY-MM-DD, got "June 1, 2026"/],
  ['bad-date-impossible', 'nextReviewDue', /expected a real date written YYYY-MM-DD, got "2027-02-30"/],
  ['bad-hero-without-alt', 'hero.alt', /is required but missing/],
  ['bad-source-not-https', 'sources.0.url', /expected a full https:\/\/ address/],
  ['bad-reviewer-missing', 'reviewer', /is required but missing/],
  ['bad-unknown-field', '(front matter)', /unknown field "slug"/],
  ['bad-next-review-before-last', 'nextReviewDue', /expected a date after lastReviewed \(2026-06-01\), got 2026-05-01/],
  ['bad-yaml-unreadable', '(front matter)', /line 7: the YAML cannot be read/],
  ['bad-alias-list', 'aliases.0', /expected one name \(with a letter or digit\), not a list/],
  ['bad-seo-title-too-long', 'seoTitle', /expected a search title of at most 60 characters/],
];

describe.each(badFixtures)('bad fixture %s', (fixture, field, expected) => {
  it(`is rejected with the file, "${field}" and what was expected`, () => {
    const root = contentWith(path.join(FIXTURES, 'articles-bad', `${fixture}.mdx`));
    const problems = loadContent(root).problems;
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem.file).toMatch(new RegExp(`articles/${fixture}\\.mdx$`));
    expect(problem.field).toBe(field);
    expect(problem.message).toMatch(expected);
    expect(formatProblem(problem)).toBe(`${problem.file}: ${field}: ${problem.message}`);
  });
});

describe('search synonyms in site settings', () => {
  const withSynonyms = (fixture: string) => {
    const root = contentWith();
    const file = path.join(root, 'settings/site.yml');
    const settings = readFileSync(file, 'utf8').replace(/^synonyms:[\s\S]*$/m, '');
    const list = readFileSync(path.join(FIXTURES, 'settings-bad', fixture), 'utf8').replace(/^(?!#)/gm, '  ');
    writeFileSync(file, `${settings}synonyms:\n${list}`);
    return loadContent(root).problems.map((p) => `${p.field}: ${p.message}`);
  };

  it('the good fixture has synonyms and aliases, read as lists of names', () => {
    const content = loadContent(path.join(FIXTURES, 'content-good'));
    expect(content.settings?.synonyms[0]).toEqual({ term: 'baclofen', aliases: ['Lioresal', 'Ozobax'] });
    expect(content.articles.find((a) => a.id === 'good-withdrawal-article')?.data.aliases).toEqual([
      'Lioresal',
      'Ozobax',
    ]);
  });

  it('rejects a loop, naming the chain', () => {
    expect(withSynonyms('synonym-loop.yml')).toEqual([
      'synonyms.0.term: expected synonyms without a loop, got benzodiazepines → benzos → benzodiazepines',
      'synonyms.1.term: expected synonyms without a loop, got benzos → benzodiazepines → benzos',
    ]);
  });

  it('rejects an alias claimed by two terms, naming the first', () => {
    expect(withSynonyms('synonym-two-terms.yml')).toEqual([
      'synonyms.1.aliases.1: "soma" is already an alias of "carisoprodol" (synonyms entry 1): a name can lead to one term only',
    ]);
  });
});

it('a missing hero image file is named with the path to fix', () => {
  const root = contentWith();
  const file = path.join(root, 'articles/good-withdrawal-article.mdx');
  const source = readFileSync(file, 'utf8').replace('./images/sample-hero.svg', './images/missing.svg');
  writeFileSync(file, source);
  const [problem] = loadContent(root).problems;
  expect(problem.field).toBe('hero.image');
  expect(problem.message).toMatch(/\.\/images\/missing\.svg, which does not exist/);
});

// The CMS configuration is generated from src/schemas; these tests check that what the editor
// asks for is what the build accepts, by asking the schemas themselves (safeParse on real
// articles), never by reading Zod's internals.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { clearedKeys, optionalPicture, schemaProblems } from '../../src/cms/save-checks.ts';
import { isDecapRuntimeFile, renderConfig } from '../../src/integrations/decap-admin.ts';
import { type CmsConfig, cmsConfig } from '../../src/lib/cms/config.ts';
import type { DecapField } from '../../src/lib/cms/schema-fields.ts';
import { beforePattern, reviewDueFilters, withinPattern } from '../../src/lib/cms/view-filters.ts';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { plainHelpers } from '../../src/lib/content/schema-helpers.ts';
import { addDays } from '../../src/lib/core/dates.ts';
import { DEFAULT_REVIEW_POLICY } from '../../src/lib/review/default-policy.ts';
import { articleSchema } from '../../src/schemas/article.ts';
import { personSchema } from '../../src/schemas/person.ts';
import { settingsSchema } from '../../src/schemas/settings.ts';

const policy = DEFAULT_REVIEW_POLICY;
const config: CmsConfig = cmsConfig({
  backend: { name: 'github', repo: 'example/repo', branch: 'main' },
  localBackendUrl: 'http://127.0.0.1:8081/api/v1',
  siteUrl: 'https://steadyground.example.org',
  policy,
});
const collection = (name: string) => config.collections.find((c) => c.name === name)!;
const fieldsOf = (name: string) =>
  (collection(name) as { fields?: DecapField[]; files?: Array<{ fields: DecapField[] }> }).fields ??
  (collection(name) as { files: Array<{ fields: DecapField[] }> }).files[0].fields;

const articleFiles = readdirSync('content/articles').filter((n) => n.endsWith('.mdx'));
const frontMatter = (file: string) => splitFrontmatter(readFileSync(file, 'utf8')).data;
const sampleArticle = frontMatter('content/articles/baclofen-withdrawal.mdx');
// Optional parts filled in, so every field has a place to probe.
const personFile = parse(readFileSync('content/people/rowan-example.yml', 'utf8'));
const samplePerson = {
  ...personFile,
  photo: { image: './images/portrait.png', alt: 'Portrait of the reviewer' },
  links: [{ label: 'Licence record', url: 'https://example.org/licence' }],
};
const sampleSettings = parse(readFileSync('content/settings/site.yml', 'utf8'));

const cases = [
  {
    name: 'articles',
    schema: articleSchema(plainHelpers),
    sample: sampleArticle,
    fileOrder: Object.keys(sampleArticle),
    extra: ['body'] as string[],
  },
  {
    name: 'people',
    schema: personSchema(plainHelpers),
    sample: samplePerson,
    fileOrder: Object.keys(personFile),
    extra: [] as string[],
  },
  {
    name: 'settings',
    schema: settingsSchema,
    sample: sampleSettings,
    fileOrder: Object.keys(sampleSettings),
    extra: [] as string[],
  },
];

/** The sample with one value replaced at `where` (a path of object keys and list indexes). */
function withValue(sample: unknown, where: Array<string | number>, value: unknown): unknown {
  const copy = structuredClone(sample) as Record<string | number, unknown>;
  let node = copy;
  for (const key of where.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = where.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** Every field with a pattern, with where its value sits in a sample entry. */
function patterned(
  fields: DecapField[],
  where: Array<string | number> = [],
): Array<[string, DecapField, Array<string | number>]> {
  return fields.flatMap((field) => {
    const at = [...where, field.name];
    const out: Array<[string, DecapField, Array<string | number>]> = [];
    if (field.pattern) out.push([at.join('.'), field, at]);
    if (field.fields) out.push(...patterned(field.fields as DecapField[], field.widget === 'list' ? [...at, 0] : at));
    if (field.field && (field.field as DecapField).pattern)
      out.push([`${at.join('.')}[]`, field.field as DecapField, [...at, 0]]);
    return out;
  });
}

const PROBES = [
  '',
  ' ',
  '   ',
  'a',
  'ab',
  'Abc',
  'x'.repeat(4),
  'x'.repeat(5),
  'x'.repeat(19),
  'x'.repeat(20),
  'x'.repeat(49),
  'x'.repeat(50),
  'x'.repeat(90),
  'x'.repeat(91),
  'x'.repeat(160),
  'x'.repeat(161),
  'x'.repeat(600),
  'x'.repeat(601),
  'baclofen',
  'muscle-relaxants',
  'Baclofen',
  'two words',
  'a--b',
  '-a',
  'a1-b2',
  'MD',
  'PharmD',
  'M.D.',
  'md',
  'ABCDEFGHIJK',
  'en-US',
  'en',
  'EN-us',
  'english',
  'https://www.samhsa.gov/find-help',
  'http://example.org/',
  'example.org',
  'https://',
  'editor@example.org',
  'first.last+tag@mail.example.co.uk',
  'a@b',
  'a@b.c',
  'a@@b.co',
  'name@localhost',
  '1-800-662-4357',
  '911',
  '988',
  '+44 20 7946 0958',
  'call us',
  '9',
];

describe('the generated CMS config asks for what the build accepts', () => {
  it.each(cases)(
    '$name: every field the schema knows, in the order the content files use',
    ({ name, schema, sample, fileOrder, extra }) => {
      const names = fieldsOf(name).map((f) => f.name);
      expect(schema.safeParse(sample).success, `${name} sample is valid`).toBe(true);
      // Keys in the sample file come in the order Decap writes them: the order of the fields.
      expect(names.filter((n) => fileOrder.includes(n))).toEqual(fileOrder);
      // A key the schema does not know would be refused (strict objects): none of the CMS's is.
      for (const field of names.filter((n) => !extra.includes(n))) {
        const value = field in sample ? sample[field] : undefined;
        const issues = schema.safeParse({ ...sample, [field]: value }).error?.issues ?? [];
        expect(
          issues.filter((i) => i.code === 'unrecognized_keys'),
          field,
        ).toEqual([]);
      }
      expect(schema.safeParse({ ...sample, notAField: 1 }).success).toBe(false);
    },
  );

  it.each(cases)(
    '$name: a field is required in the CMS exactly when the build needs it',
    ({ name, schema, sample, extra }) => {
      for (const field of fieldsOf(name).filter((f) => !extra.includes(f.name))) {
        const neededByBuild = !schema.safeParse(withValue(sample, [field.name], undefined)).success;
        expect(field.required !== false, `${name}.${field.name}`).toBe(neededByBuild);
      }
    },
  );

  it.each(cases)('$name: each pattern accepts exactly what the schema accepts', ({ name, schema, sample }) => {
    const mismatches: string[] = [];
    for (const [label, field, where] of patterned(fieldsOf(name))) {
      const [pattern, message] = field.pattern as [string, string];
      const regex = new RegExp(pattern);
      for (const probe of PROBES) {
        const cms = regex.test(probe);
        const result = schema.safeParse(withValue(sample, where, probe));
        // A rule across fields (an alias equal to its own term) is the save check's job, not a pattern's.
        if (!result.success && result.error.issues.every((issue) => issue.code === 'custom')) continue;
        if (cms !== result.success)
          mismatches.push(`${label} ${JSON.stringify(probe)}: CMS ${cms}, build ${result.success}`);
      }
      expect(message, `${label} has a message`).toMatch(/\w/);
    }
    expect(mismatches).toEqual([]);
  });

  it.each(cases)('$name: select options are the values the schema allows', ({ name, schema, sample }) => {
    const selects = fieldsOf(name).filter((f) => f.widget === 'select');
    for (const field of selects) {
      const values = (field.options as Array<{ value: string }>).map((o) => o.value);
      for (const value of values) {
        const data = withValue(sample, [field.name], field.multiple ? [value] : value);
        expect(schema.safeParse(data).success, `${field.name}=${value}`).toBe(true);
      }
      const data = withValue(sample, [field.name], field.multiple ? ['not-an-option'] : 'not-an-option');
      expect(schema.safeParse(data).success).toBe(false);
    }
  });

  it('date fields are date-only and UTC, and the review dates carry the review policy', () => {
    for (const field of fieldsOf('articles')) {
      const takesDates =
        articleSchema(plainHelpers).safeParse({ ...sampleArticle, [field.name]: '2024-02-29' }).success &&
        !articleSchema(plainHelpers).safeParse({ ...sampleArticle, [field.name]: '2025-02-29' }).success;
      if (!takesDates) continue;
      if (field.widget === 'review-date') {
        expect(field).toMatchObject({ interval_months: 12, warning_days: 60 });
      } else {
        expect(field, field.name).toMatchObject({
          widget: 'datetime',
          format: 'YYYY-MM-DD',
          time_format: false,
          picker_utc: true,
        });
      }
    }
    expect(
      fieldsOf('articles')
        .filter((f) => f.widget === 'review-date')
        .map((f) => f.name),
    ).toEqual(['lastReviewed', 'nextReviewDue']);
  });

  it('people and images: relations to people, image widgets that upload where Astro optimises them', () => {
    const fields = fieldsOf('articles');
    for (const name of ['author', 'reviewer']) {
      expect(fields.find((f) => f.name === name)).toMatchObject({
        widget: 'relation',
        collection: 'people',
        value_field: '{{slug}}',
      });
    }
    expect((fields.find((f) => f.name === 'hero')!.fields as DecapField[])[0]).toMatchObject({
      name: 'image',
      widget: 'image',
    });
    expect(config).toMatchObject({ media_folder: 'content/articles/images', public_folder: './images' });
    expect(collection('people')).toMatchObject({ media_folder: '/content/people/images', public_folder: './images' });
  });

  it('the body offers exactly the components editors may use', () => {
    const body = fieldsOf('articles').at(-1)!;
    expect(body).toMatchObject({ name: 'body', widget: 'markdown', editor_components: ['callout', 'helpline-box'] });
  });

  it('editorial workflow, sanitised previews and a local backend on 127.0.0.1', () => {
    expect(config).toMatchObject({
      publish_mode: 'editorial_workflow',
      sanitize_preview: true,
      local_backend: { url: 'http://127.0.0.1:8081/api/v1' },
    });
  });

  it('list views: summary, sorting by next review, a filter per category, groups by review month', () => {
    const articles = config.collections[0];
    expect(articles.summary).toContain('{{nextReviewDue}}');
    expect(articles.sortable_fields![0]).toEqual({ field: 'nextReviewDue', default_sort: 'asc' });
    const categoryFilters = articles.view_filters!.filter((f) => f.field === 'category');
    for (const option of fieldsOf('articles').find((f) => f.name === 'category')!.options as Array<{ value: string }>) {
      expect(categoryFilters.filter((f) => new RegExp(String(f.pattern)).test(option.value))).toHaveLength(1);
    }
    const byMonth = articles.view_groups!.find((g) => g.field === 'nextReviewDue')!;
    expect(new RegExp(String(byMonth.pattern)).exec('2027-10-14')?.[0]).toBe('2027-10');
  });
});

describe('/admin/config.yml as served and built', () => {
  const root = process.cwd();
  const text = renderConfig(
    {
      root,
      adminDir: path.join(root, 'admin'),
      decapDir: '',
      previewCss: '',
      contentRoot: path.join(root, 'tests/fixtures/content-good'),
    },
    8095,
  );

  it('says it is generated, points at the local backend port, and reads the policy from site settings', () => {
    expect(text.split('\n')[0]).toMatch(/^# Generated from src\/schemas/);
    const parsed = parse(text);
    expect(parsed.local_backend.url).toBe('http://127.0.0.1:8095/api/v1');
    expect(parsed.backend).toEqual(parse(readFileSync('admin/backend.yml', 'utf8')));
    const fixturePolicy = parse(readFileSync('tests/fixtures/content-good/settings/site.yml', 'utf8')).reviewPolicy;
    const next = parsed.collections[0].fields.find((f: DecapField) => f.name === 'nextReviewDue');
    expect(next.interval_months).toBe(fixturePolicy.intervalMonths ?? 12);
    expect(next.warning_days).toBe(fixturePolicy.warningDays ?? 60);
  });

  it('ships only the runtime files of decap-cms (no source maps, no second bundle)', () => {
    expect(
      ['decap-cms.js', '2031.decap-cms.js', 'dd5d52671a5763720504.wasm', 'decap-cms.js.LICENSE.txt'].every(
        isDecapRuntimeFile,
      ),
    ).toBe(true);
    expect(['decap-cms.js.map', 'cms.js', '103.cms.js', 'index.html'].some(isDecapRuntimeFile)).toBe(false);
  });
});

describe("today's review filters in the article list", () => {
  it('the overdue filter matches exactly the dates before today; due-soon the next N days', () => {
    const today = '2026-11-26';
    const before = new RegExp(beforePattern(today));
    const soon = new RegExp(withinPattern(today, 60));
    for (let i = -800; i <= 800; i += 1) {
      const date = addDays(today, i);
      expect(before.test(date), date).toBe(date < today);
      expect(soon.test(date), date).toBe(i >= 0 && i <= 60);
    }
  });

  it('the first of January and the first of a month have nothing before them in their own year or month', () => {
    for (const today of ['2027-01-01', '2027-03-01', '2024-02-29']) {
      const before = new RegExp(beforePattern(today));
      expect(before.test(addDays(today, -1))).toBe(true);
      expect(before.test(today)).toBe(false);
    }
  });

  it('are labelled with the date and the warning window', () => {
    expect(reviewDueFilters('2026-11-26', 30).map((f) => f.label)).toEqual([
      'Review overdue (due before 2026-11-26)',
      'Review due in the next 30 days',
    ]);
  });
});

it('every sample article is valid as the CMS save check reads it', () => {
  for (const file of articleFiles) {
    expect(articleSchema(plainHelpers).safeParse(frontMatter(path.join('content/articles', file))).success, file).toBe(
      true,
    );
  }
});

describe('the save check in the editor (src/cms/save-checks.ts)', () => {
  it('accepts every sample article and person as the CMS holds them', () => {
    for (const file of articleFiles) {
      const data = { ...frontMatter(path.join('content/articles', file)), body: 'Text.' };
      expect(schemaProblems('articles', data), file).toEqual([]);
    }
    expect(schemaProblems('people', samplePerson)).toEqual([]);
  });

  it('refuses what the build refuses, naming the field in words an editor can act on', () => {
    expect(schemaProblems('articles', { ...sampleArticle, nextReviewDue: '2020-01-01' })).toEqual([
      expect.stringMatching(/^nextReviewDue: expected a date after lastReviewed/),
    ]);
    expect(schemaProblems('articles', { ...sampleArticle, title: 'Hi' })).toEqual([
      expect.stringMatching(/^title: expected a title of at least 5 characters/),
    ]);
    const email = {
      ...sampleSettings,
      organisation: { ...sampleSettings.organisation, contactEmail: 'name@localhost' },
    };
    expect(schemaProblems('settings', email)).toEqual([expect.stringMatching(/^organisation\.contactEmail: /)]);
  });

  it('leaves cleared optional fields out of the file instead of writing ""', () => {
    expect(clearedKeys({ title: 'A title', updated: '', hero: null, body: '' })).toEqual(['updated', 'hero']);
  });

  it('asks for an optional picture and its alt text together', () => {
    expect(optionalPicture(undefined, 'Photo')).toEqual({ drop: true });
    expect(optionalPicture({ image: '', alt: ' ' }, 'Photo')).toEqual({ drop: true });
    expect(optionalPicture({ image: './images/x.png', alt: '' }, 'Photo')).toEqual({
      error: expect.stringMatching(/^Photo: alt text is required/),
    });
    expect(optionalPicture({ image: '', alt: 'A pill' }, 'Photo')).toEqual({
      error: expect.stringMatching(/choose an image/),
    });
    expect(optionalPicture({ image: './images/x.png', alt: 'A pill' }, 'Photo')).toEqual({ ok: true });
  });
});

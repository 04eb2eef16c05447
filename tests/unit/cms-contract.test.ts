// The Decap CMS config (admin/config.yml) and the Zod schemas (src/schemas/) must agree, so an
// editor can never save what the build rejects. The schemas are read programmatically: a field
// added to a schema and not to the CMS (or the other way round) fails here.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isDecapRuntimeFile, renderAdminConfig } from '../../src/integrations/decap-admin.ts';
import { addMonths } from '../../src/lib/core/dates.ts';
import { CALLOUT_LEVELS, MDX_COMPONENTS } from '../../src/lib/mdx/components.ts';
import { articleSchema, SLUG_PATTERN } from '../../src/schemas/article.ts';
import { CATEGORY_IDS } from '../../src/schemas/categories.ts';
import { pageSchema } from '../../src/schemas/page.ts';
import { CREDENTIAL_PATTERN, PERSON_ROLES, personSchema } from '../../src/schemas/person.ts';
import { settingsSchema } from '../../src/schemas/settings.ts';

interface DecapField {
  name: string;
  widget: string;
  required?: boolean;
  fields?: DecapField[];
  field?: DecapField;
  options?: Array<string | { value: string }>;
  pattern?: [string, string];
  [key: string]: unknown;
}
interface DecapCollection {
  name: string;
  folder?: string;
  fields?: DecapField[];
  files?: Array<{ name: string; file: string; fields: DecapField[] }>;
  [key: string]: unknown;
}

const configText = readFileSync('admin/config.yml', 'utf8');
const config = parse(configText) as Record<string, any> & { collections: DecapCollection[] };
const collection = (name: string) => config.collections.find((c) => c.name === name)!;

const helpers = { image: () => z.string(), reference: () => z.string() };
const schemas = {
  articles: articleSchema(helpers),
  people: personSchema(helpers),
  pages: pageSchema,
  settings: settingsSchema,
};

type AnyZod = z.ZodType & { _zod: { def: Record<string, any> } } & Record<string, any>;
const def = (s: AnyZod) => s._zod.def;
/** Peels optional/default/pipe (plainDate is a preprocess pipe) to the schema that holds the shape. */
function inner(s: AnyZod): AnyZod {
  const d = def(s);
  if (d.type === 'optional' || d.type === 'default' || d.type === 'nullable') return inner(d.innerType);
  if (d.type === 'pipe') return inner(d.out);
  return s;
}
const isOptional = (s: AnyZod) => s.safeParse(undefined).success;
/** A plain date field: takes real YYYY-MM-DD dates and nothing else. */
const isDateField = (s: AnyZod) =>
  s.safeParse('2024-02-29').success && !s.safeParse('2025-02-29').success && !s.safeParse('next week').success;
/**
 * Sub-fields of an optional picture: required by the schema once the picture is there. Decap
 * would demand them even with no picture, so the CMS marks them optional and its preSave rule
 * (admin/cms.js + optionalImage in admin/review-dates.js, tested below) enforces them.
 */
const ENFORCED_ON_SAVE = ['articles.hero.image', 'articles.hero.alt', 'people.photo.image', 'people.photo.alt'];
/**
 * Schema fields admin/config.yml does not carry yet. Issue 17 generates that file from the schemas,
 * so the search work (issue 15) added these to the schemas only. Remove an entry as soon as the
 * generated config has the field: the comparison below then covers it like any other.
 */
const PENDING_IN_CMS = ['articles.aliases', 'settings.synonyms'];
const optionValues = (f: DecapField) => (f.options ?? []).map((o) => (typeof o === 'string' ? o : o.value));
const decapRegex = (f: DecapField) => (f.pattern ? new RegExp(f.pattern[0]) : undefined);

/** Walks a Zod object and the Decap fields side by side; returns every disagreement. */
function compare(schema: AnyZod, fields: DecapField[], where: string, problems: string[], extra: string[] = []) {
  const shape = inner(schema) as unknown as { shape: Record<string, AnyZod> };
  const keys = Object.keys(shape.shape).filter((key) => !PENDING_IN_CMS.includes(`${where}.${key}`));
  const names = fields.map((f) => f.name).filter((n) => !extra.includes(n));
  if (JSON.stringify(keys) !== JSON.stringify(names)) {
    problems.push(
      `${where}: fields (in file order) differ\n  schema: ${keys.join(', ')}\n  cms:    ${names.join(', ')}`,
    );
  }
  for (const key of keys) {
    const field = fields.find((f) => f.name === key);
    if (!field) continue;
    const zod = shape.shape[key];
    const path = `${where}.${key}`;
    const required = field.required !== false;
    if (required === isOptional(zod) && !(ENFORCED_ON_SAVE.includes(path) && !required)) {
      problems.push(`${path}: CMS required=${required} but the schema ${isOptional(zod) ? 'accepts' : 'requires'} it`);
    }
    const core = inner(zod);
    const type = def(core).type;
    if (isDateField(zod)) {
      const ok =
        field.widget === 'review-date' ||
        (field.widget === 'datetime' &&
          field.format === 'YYYY-MM-DD' &&
          field.date_format === 'YYYY-MM-DD' &&
          field.time_format === false &&
          field.picker_utc === true);
      if (!ok) problems.push(`${path}: a date-only field needs a YYYY-MM-DD, UTC, date-only widget`);
      continue;
    }
    if (type === 'object') {
      if (field.widget !== 'object' || !field.fields) problems.push(`${path}: expected an object widget`);
      else compare(core, field.fields, path, problems);
    } else if (type === 'array') {
      const element = inner(def(core).element);
      if (field.widget === 'select' && field.multiple) {
        expect(optionValues(field), path).toEqual(def(element).type === 'enum' ? element.options : []);
      } else if (field.widget !== 'list') {
        problems.push(`${path}: expected a list widget`);
      } else if (def(element).type === 'object') {
        if (!field.fields) problems.push(`${path}: a list of objects needs fields`);
        else compare(element, field.fields, path, problems);
      } else if (!field.field || field.fields) {
        problems.push(`${path}: a list of plain values needs a single "field" (so Decap writes a list of strings)`);
      }
    } else if (type === 'enum') {
      if (field.widget !== 'select') problems.push(`${path}: expected a select widget`);
      else if (JSON.stringify(optionValues(field)) !== JSON.stringify((core as any).options)) {
        problems.push(`${path}: options ${optionValues(field)} differ from ${(core as any).options}`);
      }
    } else if (type === 'boolean') {
      if (field.widget !== 'boolean') problems.push(`${path}: expected a boolean widget`);
    } else if (type === 'number') {
      if (field.widget !== 'number') problems.push(`${path}: expected a number widget`);
    } else if (type === 'string') {
      const ok = ['string', 'text', 'image', 'relation', 'markdown'].includes(field.widget);
      if (!ok) problems.push(`${path}: expected a text widget, got ${field.widget}`);
    }
  }
}

describe('admin/config.yml agrees with the Zod schemas', () => {
  it('articles: same fields in the same order, same required flags, options and date widgets', () => {
    const problems: string[] = [];
    compare(schemas.articles as AnyZod, collection('articles').fields!, 'articles', problems, ['body']);
    expect(problems).toEqual([]);
  });

  it('people, pages and site settings agree too', () => {
    const problems: string[] = [];
    compare(schemas.people as AnyZod, collection('people').fields!, 'people', problems);
    compare(schemas.pages as AnyZod, collection('pages').fields!, 'pages', problems, ['body']);
    const site = collection('settings').files!.find((f) => f.file === 'content/settings/site.yml')!;
    compare(schemas.settings as AnyZod, site.fields, 'settings', problems);
    expect(problems).toEqual([]);
  });

  it('select options are the schema enums: categories, person roles, callout levels', () => {
    const fields = collection('articles').fields!;
    expect(optionValues(fields.find((f) => f.name === 'category')!)).toEqual([...CATEGORY_IDS]);
    expect(optionValues(collection('people').fields!.find((f) => f.name === 'roles')!)).toEqual([...PERSON_ROLES]);
    const cmsJs = readFileSync('admin/cms.js', 'utf8');
    const levels = [...cmsJs.matchAll(/\{ value: '([a-z-]+)', label: '([^']+)' \}/g)].map((m) => [m[1], m[2]]);
    expect(levels).toEqual(Object.entries(CALLOUT_LEVELS).map(([value, { label }]) => [value, label]));
    // One editor component per allowed MDX component, and the markdown fields offer exactly those.
    const componentIds = [...cmsJs.matchAll(/registerEditorComponent\(\{\s*id: '([a-z-]+)'/g)].map((m) => m[1]);
    expect(componentIds.length).toBe(Object.keys(MDX_COMPONENTS).length);
    for (const name of Object.keys(MDX_COMPONENTS)) expect(cmsJs).toContain(`<${name}`);
    expect(fields.find((f) => f.name === 'body')!.editor_components).toEqual(componentIds);
  });

  it('relation widgets for author and reviewer point at people by file name', () => {
    for (const name of ['author', 'reviewer']) {
      const field = collection('articles').fields!.find((f) => f.name === name)!;
      expect(field).toMatchObject({ widget: 'relation', collection: 'people', value_field: '{{slug}}' });
    }
    expect(collection('people')).toMatchObject({ folder: 'content/people', extension: 'yml' });
  });

  const articleShape = (schemas.articles as any).shape;
  const articleFields = collection('articles').fields!;
  const sourceFields = articleFields.find((f) => f.name === 'sources')!.fields!;
  /** The CMS pattern and the schema give the same verdict on every sample value. */
  function agree(field: DecapField | undefined, zod: AnyZod, samples: string[]) {
    const regex = decapRegex(field!);
    expect(regex, `${field?.name} has a pattern`).toBeDefined();
    for (const sample of samples) {
      expect(regex!.test(sample), `${field!.name}: ${JSON.stringify(sample)}`).toBe(zod.safeParse(sample).success);
    }
  }

  it('validation patterns match the schema: title and description length, slugs, credentials, https, alt text', () => {
    const len = (n: number) => 'a'.repeat(n);
    agree(
      articleFields.find((f) => f.name === 'title'),
      articleShape.title,
      [len(4), len(5), len(90), len(91)],
    );
    agree(
      articleFields.find((f) => f.name === 'description'),
      articleShape.description,
      [len(49), len(50), len(160), len(161), `${len(60)}\n${len(20)}`],
    );
    const slugs = ['baclofen', 'muscle-relaxants', 'Baclofen', 'two words', 'a--b', '-a', 'a1-b2'];
    for (const name of ['substances', 'tags', 'redirectFrom']) {
      const field = articleFields.find((f) => f.name === name)!;
      expect(field.field!.pattern![0]).toBe(SLUG_PATTERN.source);
      agree(field.field, inner(articleShape[name]).element, slugs);
    }
    const credentials = collection('people').fields!.find((f) => f.name === 'credentials')!;
    expect(credentials.field!.pattern![0]).toBe(CREDENTIAL_PATTERN.source);
    const personShape = (schemas.people as any).shape;
    agree(credentials.field, inner(personShape.credentials).element, [
      'MD',
      'PharmD',
      'LCSW',
      'md',
      'M',
      'M.D.',
      'ABCDEFGHIJK',
    ]);
    const url = sourceFields.find((f) => f.name === 'url');
    agree(url, inner(articleShape.sources).element.shape.url, [
      'https://example.org/a',
      'http://example.org/',
      'example.org',
    ]);
    const alt = articleFields.find((f) => f.name === 'hero')!.fields!.find((f) => f.name === 'alt');
    agree(alt, inner(articleShape.hero).shape.alt, ['A blue pill', '', '   ']);
    const credentialsSchema = collection('settings').files![0].fields.find((f) => f.name === 'locale');
    agree(credentialsSchema, (schemas.settings as any).shape.locale, ['en-US', 'en', 'EN-us', 'english']);
  });

  it('images upload where Astro optimises them, with a relative path and required alt text', () => {
    expect(config.media_folder).toBe('content/articles/images');
    expect(config.public_folder).toBe('./images');
    const hero = articleFields.find((f) => f.name === 'hero')!;
    expect(hero.fields!.find((f) => f.name === 'image')!.widget).toBe('image');
    // Alt text is enforced on save whenever an image is chosen (preSave rule in admin/cms.js).
    const cmsJs = readFileSync('admin/cms.js', 'utf8');
    expect(cmsJs).toMatch(/articles: \['hero'/);
    expect(cmsJs).toMatch(/people: \['photo'/);
    expect(cmsJs).toContain("name: 'preSave'");
    expect(collection('people')).toMatchObject({ media_folder: '/content/people/images', public_folder: './images' });
  });

  it('editorial workflow, sanitised previews, local backend and commit messages that name the author', () => {
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.sanitize_preview).toBe(true);
    expect(config.backend.branch).toBe('main');
    expect(config.local_backend.url).toBe('http://127.0.0.1:8081/api/v1');
    for (const key of ['create', 'update', 'delete', 'uploadMedia', 'deleteMedia', 'openAuthoring']) {
      expect(config.backend.commit_messages[key], key).toMatch(/\{\{author-name\}\}.*\{\{author-login\}\}/);
    }
  });

  it('list views: summary, sorting by next review, filters by category, groups by review month', () => {
    const articles = collection('articles') as any;
    expect(articles.summary).toContain('{{nextReviewDue}}');
    expect(articles.sortable_fields[0]).toEqual({ field: 'nextReviewDue', default_sort: 'asc' });
    for (const id of CATEGORY_IDS) {
      expect(articles.view_filters.some((f: any) => f.field === 'category' && new RegExp(f.pattern).test(id))).toBe(
        true,
      );
    }
    const byMonth = articles.view_groups.find((g: any) => g.field === 'nextReviewDue');
    expect(new RegExp(byMonth.pattern).exec('2027-10-14')?.[0]).toBe('2027-10');
    // The overdue / due-soon filters are inserted in the browser at this marker (admin/cms.js).
    expect(configText).toMatch(/^ {6}# Overdue and due-soon filters are added in the browser/m);
  });
});

describe('admin/review-dates.js (the record-review widget) follows src/lib/core/dates.ts', () => {
  const sandbox: { module: { exports: any } } = { module: { exports: {} } };
  vm.runInNewContext(readFileSync('admin/review-dates.js', 'utf8'), sandbox);
  const R = sandbox.module.exports;

  it('adds months exactly like the build, including month ends and leap days', () => {
    const starts = ['2024-01-31', '2024-02-29', '2025-12-31', '2026-11-26', '2023-03-30', '2026-08-31'];
    for (const start of starts)
      for (const months of [1, 6, 12, 13, 24, 36]) {
        expect(R.addMonths(start, months), `${start} + ${months}`).toBe(addMonths(start, months));
      }
  });

  it('an optional picture is dropped when empty and refused without alt text', () => {
    expect(R.optionalImage(undefined)).toEqual({ drop: true });
    expect(R.optionalImage({ image: '', alt: ' ' })).toEqual({ drop: true });
    expect(R.optionalImage({ image: './images/x.png', alt: '' }).error).toMatch(/alt text is required/);
    expect(R.optionalImage({ image: '', alt: 'A pill' }).error).toMatch(/choose an image/);
    expect(R.optionalImage({ image: './images/x.png', alt: 'A pill' })).toEqual({});
  });

  it('today is the UTC calendar date', () => {
    expect(R.todayUtc(new Date('2026-11-26T23:30:00-08:00'))).toBe('2026-11-27');
  });

  it('the overdue filter matches exactly the dates before today; due-soon the next N days', () => {
    const today = '2026-11-26';
    const before = new RegExp(R.beforePattern(today));
    const soon = new RegExp(R.withinPattern(today, 60));
    for (let i = -800; i <= 800; i += 1) {
      const date = addDaysUtc(today, i);
      expect(before.test(date), date).toBe(date < today);
      expect(soon.test(date), date).toBe(i >= 0 && i <= 60);
    }
  });

  it('inserts parseable YAML filters into the config', () => {
    const marker = /^( *)# Overdue and due-soon filters are added in the browser.*$/m;
    const indent = marker.exec(configText)![1];
    const yaml = R.dueFiltersYaml('2026-11-26', 60, indent);
    const text = configText.replace(marker, () => yaml.replace(/\n$/, ''));
    const filters = (parse(text) as any).collections[0].view_filters;
    expect(filters.slice(0, 2).map((f: any) => f.field)).toEqual(['nextReviewDue', 'nextReviewDue']);
    expect(new RegExp(filters[0].pattern).test('2026-11-25')).toBe(true);
  });
});

describe('decap-admin integration helpers', () => {
  it('fills in the proxy port and the review policy', () => {
    const out = renderAdminConfig(configText, { proxyPort: 8095, intervalMonths: 6, warningDays: 30 });
    const parsed = parse(out) as any;
    expect(parsed.local_backend.url).toBe('http://127.0.0.1:8095/api/v1');
    const fields = parsed.collections[0].fields;
    expect(fields.find((f: any) => f.name === 'lastReviewed').interval_months).toBe(6);
    expect(fields.find((f: any) => f.name === 'nextReviewDue').warning_days).toBe(30);
    expect(renderAdminConfig(configText, {})).toBe(configText);
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

function addDaysUtc(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * 86_400_000).toISOString().slice(0, 10);
}

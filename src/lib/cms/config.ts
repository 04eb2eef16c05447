// The Decap CMS configuration, built from src/schemas. Served as /admin/config.yml by
// src/integrations/decap-admin.ts (dev and build); nobody edits it by hand.
import { z } from 'astro/zod';
import { articleSchema, type SchemaHelpers } from '../../schemas/article.ts';
import { CATEGORIES } from '../../schemas/categories.ts';
import { pageSchema } from '../../schemas/page.ts';
import { personSchema } from '../../schemas/person.ts';
import { settingsSchema } from '../../schemas/settings.ts';
import type { ReviewPolicy } from '../review/policy.ts';
import { type DecapField, decapFields, jsonSchemaOf } from './schema-fields.ts';
import { ARTICLE_UI, BODY_FIELD, PAGE_UI, PERSON_UI, SETTINGS_UI } from './ui.ts';

/** Images and people references as the CMS sees them: a path and a file name, with the widget to use. */
export const cmsSchemaHelpers = {
  image: () => z.string().meta({ widget: 'image' }),
  reference: (collection: 'people') => z.string().meta({ widget: 'relation', collection }),
} satisfies SchemaHelpers;

export interface CmsConfigOptions {
  /** The git host editors sign in to in production (admin/backend.yml). */
  backend: Record<string, unknown>;
  /** decap-server (through its guard) for `npm run cms` on this machine. */
  localBackendUrl: string;
  siteUrl: string;
  policy: ReviewPolicy;
}

/** Review-date widgets need the policy to offer "Record review" and to warn about due dates. */
function withPolicy(fields: DecapField[], policy: ReviewPolicy): DecapField[] {
  return fields.map((field) =>
    field.widget === 'review-date'
      ? { ...field, interval_months: policy.intervalMonths, warning_days: policy.warningDays }
      : field,
  );
}

export const articleFields = (policy: ReviewPolicy) =>
  withPolicy([...decapFields(jsonSchemaOf(articleSchema(cmsSchemaHelpers)), ARTICLE_UI), BODY_FIELD], policy);

export const personFields = () => decapFields(jsonSchemaOf(personSchema(cmsSchemaHelpers)), PERSON_UI);
export const pageFields = () => [...decapFields(jsonSchemaOf(pageSchema), PAGE_UI), BODY_FIELD];
export const settingsFields = () => decapFields(jsonSchemaOf(settingsSchema), SETTINGS_UI);

const categoryFilters = Object.entries(CATEGORIES).map(([id, { label }]) => ({
  label: `Category: ${label}`,
  field: 'category',
  pattern: `^${id}$`,
}));

export function cmsConfig({ backend, localBackendUrl, siteUrl, policy }: CmsConfigOptions) {
  return {
    backend,
    local_backend: { url: localBackendUrl },
    // Drafts are branches; a page reaches main only through Draft → In review → Ready → Publish.
    publish_mode: 'editorial_workflow',
    // Preview panes render editor HTML sanitised (CVE-2025-57520).
    sanitize_preview: true,
    // Uploads land next to the articles so Astro's image() optimises them at build time.
    media_folder: 'content/articles/images',
    public_folder: './images',
    site_url: siteUrl,
    display_url: siteUrl,
    locale: 'en',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      {
        name: 'articles',
        label: 'Articles',
        label_singular: 'Article',
        description:
          'Health guides. Every article names a clinician who reviewed it. Use “Record review” on “Last medically reviewed” when a review is complete.',
        folder: 'content/articles',
        extension: 'mdx',
        format: 'frontmatter',
        create: true,
        delete: false,
        slug: '{{slug}}',
        identifier_field: 'title',
        preview_path: 'articles/{{slug}}/',
        summary: '{{title}} · {{category}} · review due {{nextReviewDue}}',
        sortable_fields: [{ field: 'nextReviewDue', default_sort: 'asc' }, 'title', 'lastReviewed', 'category'],
        // The admin adds "Review overdue" and "due soon" for the day it is opened (./view-filters.ts).
        view_filters: [...categoryFilters, { label: 'Drafts (not on the site)', field: 'draft', pattern: true }],
        view_groups: [
          { label: 'Review due (month)', field: 'nextReviewDue', pattern: '^\\d{4}-\\d{2}' },
          { label: 'Category', field: 'category' },
          { label: 'Reviewer', field: 'reviewer' },
        ],
        fields: articleFields(policy),
      },
      {
        name: 'people',
        label: 'People',
        label_singular: 'Person',
        description: 'Reviewers and authors. Articles refer to a person by file name.',
        folder: 'content/people',
        extension: 'yml',
        format: 'yml',
        create: true,
        delete: false,
        slug: '{{slug}}',
        identifier_field: 'name',
        media_folder: '/content/people/images',
        public_folder: './images',
        summary: '{{name}} — {{jobTitle}}',
        sortable_fields: ['name'],
        view_filters: [
          { label: 'Reviewers', field: 'roles', pattern: 'reviewer' },
          { label: 'Authors', field: 'roles', pattern: 'author' },
        ],
        fields: personFields(),
      },
      {
        name: 'pages',
        label: 'Site pages',
        label_singular: 'Page',
        description: 'The editorial policy and about page.',
        folder: 'content/pages',
        extension: 'mdx',
        format: 'frontmatter',
        create: false,
        delete: false,
        slug: '{{slug}}',
        fields: pageFields(),
      },
      {
        name: 'settings',
        label: 'Site settings',
        delete: false,
        editor: { preview: false },
        files: [
          {
            name: 'site',
            label: 'Site, helpline and review policy',
            file: 'content/settings/site.yml',
            format: 'yml',
            fields: settingsFields(),
          },
        ],
      },
    ],
  };
}

export type CmsConfig = ReturnType<typeof cmsConfig>;

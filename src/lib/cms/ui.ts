// What the schemas cannot say about the editor: labels, hints and the few widgets a value's type
// does not imply. Field names, order, required flags, patterns, options and ranges come from
// src/schemas through ./schema-fields.ts; a name here that the schema lacks fails the build.
import { CATEGORIES } from '../../schemas/categories.ts';
import type { FieldUi, UiMap } from './schema-fields.ts';

const categoryLabels = Object.fromEntries(Object.entries(CATEGORIES).map(([id, { label }]) => [id, label]));

const SLUG_MESSAGE = 'Use lower-case words joined by hyphens, like baclofen.';
const HTTPS_MESSAGE = 'Use a full https:// address.';
const PHONE_MESSAGE = 'Write the number with digits, like 1-800-662-4357.';

/** An optional picture: Decap cannot require sub-fields only once the picture is used, so the
 * admin's save check (src/lib/cms/entry-check.ts) refuses an image without alt text instead. */
const picture = (label: string, hint: string): FieldUi => ({
  label,
  extra: { collapsed: true },
  fields: {
    image: { label: 'Image', hint, extra: { required: false } },
    alt: {
      label: 'Alt text',
      hint: 'What the picture shows, for people who cannot see it. Required with an image.',
      patternMessage: 'Describe the image for people who cannot see it.',
      extra: { required: false },
    },
  },
});

const person = (hint: string): FieldUi => ({
  label: '',
  hint,
  extra: { search_fields: ['name', 'jobTitle'], display_fields: ['{{name}} — {{jobTitle}}'] },
});

export const ARTICLE_UI: UiMap = {
  title: {
    label: 'Title',
    hint: 'Page title and H1, 5–90 characters, in the words a patient would search for.',
    patternMessage: 'Use 5–90 characters (longer titles are cut off in search results).',
  },
  seoTitle: {
    label: 'Search title (optional)',
    hint: 'A shorter title for search results and browser tabs, 5–60 characters. Leave empty to use the title.',
    patternMessage: 'Use 5–60 characters, or leave it empty.',
  },
  description: {
    label: 'Description',
    widget: 'text',
    hint: 'One or two sentences for search results and cards, 50–160 characters.',
    patternMessage: 'Use 50–160 characters: it is the meta description.',
  },
  category: { label: 'Category', optionLabels: categoryLabels },
  substances: {
    label: 'Substances',
    hint: 'Substance ids in lower-case-hyphenated form, like baclofen.',
    item: { name: 'substance', label: 'Substance', patternMessage: SLUG_MESSAGE },
    extra: { summary: '{{fields.substance}}' },
  },
  tags: {
    label: 'Tags',
    hint: 'Topic tags in lower-case-hyphenated form, like medically-supervised-withdrawal.',
    item: { name: 'tag', label: 'Tag', patternMessage: 'Use lower-case words joined by hyphens, like tapering.' },
    extra: { summary: '{{fields.tag}}' },
  },
  author: { ...person('Who wrote the page. Must not be the reviewer.'), label: 'Author' },
  reviewer: {
    ...person(
      'The clinician who medically reviewed the page. Only people with the reviewer role and credentials are offered.',
    ),
    label: 'Medical reviewer',
    extra: {
      // Decap's relation `filters` match one value exactly, so "has the reviewer role and at least one
      // credential" is applied by the admin (src/cms/field-checks.ts). Other search fields than the
      // author's keep Decap's option cache of the two pickers apart.
      search_fields: ['name', 'jobTitle', 'credentials.*'],
      display_fields: ['{{name}} — {{jobTitle}}'],
      reviewers_only: true,
    },
  },
  lastReviewed: {
    label: 'Last medically reviewed',
    widget: 'review-date',
    hint: 'Date the clinician finished the review (UTC). “Record review completed” sets the medical reviewer, this date (today) and the next review date from the policy in one step.',
    extra: { role: 'last-reviewed' },
  },
  nextReviewDue: {
    label: 'Next review due',
    widget: 'review-date',
    hint: 'At most the policy interval after the last review.',
    extra: { role: 'next-due' },
  },
  published: { label: 'First published' },
  updated: {
    label: 'Last updated',
    hint: 'Date of the last change readers would notice; leave empty if none since publishing.',
  },
  hero: picture(
    'Picture at the top',
    'Uploads go to content/articles/images/ and are optimised when the site is built.',
  ),
  keyTakeaways: {
    label: 'Key takeaways',
    hint: 'Three to five short sentences a skimming reader should leave with (at most 6).',
    item: { name: 'takeaway', label: 'Takeaway' },
    extra: { summary: '{{fields.takeaway}}' },
  },
  sources: {
    label: 'Sources',
    extra: {
      label_singular: 'Source',
      summary: '{{fields.title}} ({{fields.publisher}}, {{fields.year}})',
      collapsed: true,
    },
    fields: {
      title: { label: 'Source title' },
      publisher: { label: 'Publisher' },
      url: { label: 'Address (https)', patternMessage: HTTPS_MESSAGE },
      year: { label: 'Year' },
      accessed: { label: 'Checked on' },
    },
  },
  redirectFrom: {
    label: 'Old addresses',
    hint: 'Former slugs of this page; /articles/<old-slug>/ then redirects here.',
    item: { name: 'slug', label: 'Old slug', patternMessage: 'Use the old slug in lower-case-hyphenated form.' },
    extra: { summary: '{{fields.slug}}' },
  },
  draft: { label: 'Draft (never built into the site)' },
  aliases: {
    label: 'Other names for this page',
    hint: 'Names readers search for this page by: brand names (Lioresal), street names (benzos), common misspellings. One per entry; not shown on the page.',
    item: {
      name: 'alias',
      label: 'Name',
      patternMessage: 'Write one name of 2–60 characters, without commas or semicolons.',
    },
    extra: { summary: '{{fields.alias}}' },
  },
  // Written by "Record review completed" with the review date; kept as it is by every other save.
  // The widget shows whether the text on screen is still the reviewed text (src/cms/review-fingerprint-widget.ts).
  reviewFingerprint: {
    label: 'Reviewed text',
    widget: 'review-fingerprint',
    hint: 'Whether the title, description, takeaways, sources and body are still what the reviewer approved. “Record review completed” updates it.',
  },
};

export const PERSON_UI: UiMap = {
  name: {
    label: 'Full name',
    hint: 'As it appears in bylines, without credentials.',
    patternMessage: 'Enter the full name.',
  },
  credentials: {
    label: 'Credentials',
    hint: 'Post-nominal credentials such as MD, PharmD, LCSW. A reviewer needs at least one.',
    item: { name: 'credential', label: 'Credential', patternMessage: 'Write a credential like MD, PharmD or LCSW.' },
    extra: { summary: '{{fields.credential}}' },
  },
  jobTitle: { label: 'Job title', patternMessage: 'Enter a job title.' },
  roles: { label: 'Roles', optionLabels: { reviewer: 'Medical reviewer', author: 'Author' } },
  bio: { label: 'Short bio', widget: 'text', patternMessage: 'Write 20–600 characters.' },
  photo: picture('Photo', 'Uploads go to content/people/images/.'),
  links: {
    label: 'Professional links',
    extra: { label_singular: 'Link', summary: '{{fields.label}}' },
    fields: {
      label: { label: 'Link text' },
      url: { label: 'Address (https)', patternMessage: HTTPS_MESSAGE },
    },
  },
  sample: { label: 'Fictional sample person' },
};

export const PAGE_UI: UiMap = {
  title: { label: 'Title', patternMessage: 'Enter a title.' },
  description: {
    label: 'Description',
    widget: 'text',
    patternMessage: 'Use 50–160 characters: it is the meta description.',
  },
};

export const SETTINGS_UI: UiMap = {
  siteName: { label: 'Site name' },
  tagline: { label: 'Tagline' },
  locale: { label: 'Language', patternMessage: 'Use a language tag like en-US.' },
  organisation: {
    label: 'Publisher',
    fields: {
      name: { label: 'Name' },
      url: { label: 'Home page (https)', patternMessage: HTTPS_MESSAGE },
      contactEmail: { label: 'Contact email', patternMessage: 'Enter an email address like editor@example.org.' },
    },
  },
  helpline: {
    label: 'Helpline',
    fields: {
      display: { label: 'Number as shown', patternMessage: PHONE_MESSAGE },
      answeredBy: { label: 'Answered by' },
      hours: { label: 'Hours' },
      note: { label: 'Note', widget: 'text' },
    },
  },
  emergencyNumber: { label: 'Emergency number', patternMessage: 'Write the number with digits, like 911.' },
  crisisLine: {
    label: 'Crisis line',
    fields: {
      number: { label: 'Number', patternMessage: 'Write the number with digits, like 988.' },
      name: { label: 'Name' },
    },
  },
  reviewPolicy: {
    label: 'Review policy',
    fields: {
      intervalMonths: { label: 'Months between reviews' },
      warningDays: { label: 'Days before due date to warn' },
      overdueGraceDays: { label: 'Days overdue before the content check fails' },
    },
  },
  synonyms: {
    label: 'Search synonyms',
    hint: "Names readers type and the word the site uses. An alias may be another entry's term (Xanax → alprazolam → benzodiazepines), never lead back to itself, and belongs to one term only.",
    extra: { label_singular: 'Synonym', summary: '{{fields.term}}' },
    fields: {
      term: {
        label: 'Word the site uses',
        patternMessage: 'Write one name of 2–60 characters, without commas or semicolons.',
      },
      aliases: {
        label: 'What readers type instead',
        item: {
          name: 'alias',
          label: 'Name',
          patternMessage: 'Write one name of 2–60 characters, without commas or semicolons.',
        },
        extra: { summary: '{{fields.alias}}' },
      },
    },
  },
  readability: {
    label: 'Reading level',
    fields: { maxGrade: { label: 'Highest Flesch–Kincaid grade' } },
  },
};

/**
 * The body editor (src/cms/body-widget.ts): the stored Markdown itself, so a save changes only what
 * the editor changed. Its toolbar inserts the components the MDX safety check allows.
 */
export const BODY_FIELD = {
  name: 'body',
  label: 'Body',
  widget: 'mdx-body',
  hint: 'Use the toolbar for headings, lists, links, citations, the urgency callout, the helpline box and pictures.',
};

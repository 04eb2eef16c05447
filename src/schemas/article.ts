import { z } from 'astro/zod';
import { CATEGORY_IDS } from './categories.ts';
import { isPlainDate, plainDate } from './dates.ts';
import { httpsUrl } from './url.ts';

/**
 * The two schema helpers Astro hands to a collection (`image()` and `reference()`).
 * They are parameters so this module stays plain Zod: vitest and the content checker
 * pass simple stand-ins, `src/content.config.ts` passes Astro's real ones.
 */
export interface SchemaHelpers<Image extends z.ZodType = z.ZodType, Reference extends z.ZodType = z.ZodType> {
  image: () => Image;
  reference: (collection: 'people') => Reference;
}

/** Lower-case words joined by single hyphens: the shape of a slug or a substance id. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const DESCRIPTION_MAX = 160;

/** A name a reader may type: 2–60 characters with a letter or digit, no list separators. */
export const searchName = z
  .string()
  .trim()
  .min(2, { error: 'expected a name of at least 2 characters' })
  .max(60, { error: 'expected a name of at most 60 characters' })
  .regex(/^[^,;]*[\p{L}\p{N}][^,;]*$/u, {
    error: 'expected one name (with a letter or digit), not a list: add each name as its own entry',
  })
  // The CMS checks with regular expressions that know no \p{L}: the same rule with "letter or digit"
  // spelt as "not a space, comma, semicolon or ASCII punctuation".
  .meta({ pattern: '^\\s*(?=[^,;]*[^\\s,;!-\\/:-@\\[-`{-~])[^,;\\s][^,;]{0,58}[^,;\\s]\\s*$' });

const slugLike = (what: string) =>
  z.string().regex(SLUG_PATTERN, { error: `expected ${what} in lower-case-hyphenated form, like "baclofen"` });

export const sourceSchema = z.strictObject({
  /** Title of the cited document, as its publisher gives it. */
  title: z.string().min(1, { error: 'expected the title of the source' }),
  /** Who published it: an agency (NIDA, SAMHSA, FDA) or a journal. */
  publisher: z.string().min(1, { error: 'expected the publisher of the source' }),
  /** Where to read it; https only, so readers are never sent to an insecure page. */
  url: httpsUrl(),
  /** Year the source was published or last revised. */
  year: z.number({ error: 'expected a four-digit year' }).int().min(1900).max(2100),
  /** When an editor last opened the address and checked it still says what we cite (YYYY-MM-DD). */
  accessed: plainDate,
});

export const articleSchema = <Image extends z.ZodType, Reference extends z.ZodType>({
  image,
  reference,
}: SchemaHelpers<Image, Reference>) =>
  z
    .strictObject({
      /** Page title and H1, in plain words a patient would search for. */
      title: z.string().min(5, { error: 'expected a title of at least 5 characters' }).max(90, {
        error: 'expected a title of at most 90 characters (longer titles are cut off in search results)',
      }),
      /** Optional shorter title for the browser tab and search results (with the site name it must fit in about 60 characters); the page still shows `title`. */
      seoTitle: z
        .string()
        .trim()
        .min(5, { error: 'expected a search title of at least 5 characters' })
        .max(60, { error: 'expected a search title of at most 60 characters (search results cut longer ones)' })
        .optional(),
      /** One or two sentences for the meta description, search results and cards. */
      description: z
        .string()
        .min(50, { error: 'expected a description of at least 50 characters' })
        .max(DESCRIPTION_MAX, {
          error: (issue) =>
            `expected at most ${DESCRIPTION_MAX} characters (it is the meta description), got ${String(issue.input).length}`,
        }),
      /** One category from the fixed list in src/schemas/categories.ts. */
      category: z.enum(CATEGORY_IDS, { error: `expected one of: ${CATEGORY_IDS.join(', ')}` }),
      /** Substances the page is about, as ids like "baclofen"; drives related articles and search filters. */
      substances: z.array(slugLike('a substance id')).default([]),
      /** Free topic tags, lower-case-hyphenated. */
      tags: z.array(slugLike('a tag')).default([]),
      /** Who wrote the page: the id of a file in content/people/. */
      author: reference('people'),
      /** The clinician who medically reviewed it: the id of a file in content/people/. */
      reviewer: reference('people'),
      /** Date of the last completed medical review (YYYY-MM-DD, UTC). */
      lastReviewed: plainDate,
      /** Date the next medical review is due (YYYY-MM-DD, UTC); set from the review policy. */
      nextReviewDue: plainDate,
      /** Date the page was first published (YYYY-MM-DD, UTC). */
      published: plainDate,
      /** Date of the last change readers would notice; leave empty if none since publishing. */
      updated: plainDate.optional(),
      /** Optional picture at the top of the page; alt text is required with it. */
      hero: z
        .strictObject({
          /** Image file, relative to the article (uploads land in content/articles/images/). */
          image: image(),
          /** What the image shows, for people who cannot see it. */
          alt: z.string().trim().min(1, { error: 'expected alt text describing the image' }).meta({ pattern: '\\S' }),
        })
        .optional(),
      /** Three to five short sentences a skimming reader should leave with. */
      keyTakeaways: z.array(z.string().min(1)).max(6, { error: 'expected at most 6 key takeaways' }).optional(),
      /** Numbered references the text relies on. */
      sources: z.array(sourceSchema).default([]),
      /** Former slugs of this page; each old /articles/<slug>/ address redirects here. */
      redirectFrom: z.array(slugLike('an old slug')).default([]),
      /** A draft is never built into the public site. */
      draft: z.boolean().default(false),
      /** Other names readers search for this page by, one per entry: brand, street or older names and common misspellings ("Lioresal", "benzos"); found by search with high weight, never shown on the page. */
      aliases: z.array(searchName).max(20, { error: 'expected at most 20 aliases' }).default([]),
      /**
       * Fingerprint of the text the reviewer approved ("v1:" + SHA-256 hex; src/lib/review/fingerprint.ts),
       * written by npm run review:record or the CMS's "Record review". Last in the file, next to nothing an editor changes.
       */
      reviewFingerprint: z
        .string()
        .regex(/^v1:[0-9a-f]{64}$/, { error: 'expected "v1:" and 64 hex digits, as npm run review:record writes it' })
        .optional(),
    })
    .superRefine((data, ctx) => {
      // Compare only dates that are themselves valid; a broken one already has its own message.
      if (
        isPlainDate(data.lastReviewed) &&
        isPlainDate(data.nextReviewDue) &&
        data.nextReviewDue <= data.lastReviewed
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['nextReviewDue'],
          message: `expected a date after lastReviewed (${data.lastReviewed}), got ${data.nextReviewDue}`,
        });
      }
      if (isPlainDate(data.updated) && isPlainDate(data.published) && data.updated < data.published) {
        ctx.addIssue({
          code: 'custom',
          path: ['updated'],
          message: `expected a date on or after published (${data.published}), got ${data.updated}`,
        });
      }
    });

export type ArticleData = z.output<ReturnType<typeof articleSchema>>;

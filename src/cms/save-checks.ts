// What the CMS checks when an editor presses Save, with the same rules as the build.
import type { z } from 'astro/zod';
import { plainHelpers } from '../lib/content/schema-helpers.ts';
import { problemsFromZod } from '../lib/content/schema-issues.ts';
import { articleSchema } from '../schemas/article.ts';
import { pageSchema } from '../schemas/page.ts';
import { personSchema } from '../schemas/person.ts';
import { settingsSchema } from '../schemas/settings.ts';

const SCHEMAS: Record<string, z.ZodType> = {
  articles: articleSchema(plainHelpers),
  people: personSchema(plainHelpers),
  pages: pageSchema,
  settings: settingsSchema,
};

/** An optional picture's two fields are asked for together (Decap cannot say "required once used"). */
const OPTIONAL_PICTURES: Record<string, [field: string, label: string]> = {
  articles: ['hero', 'Picture at the top'],
  people: ['photo', 'Photo'],
};

export type PictureVerdict = { drop: true } | { error: string } | { ok: true };

export function optionalPicture(value: unknown, what: string): PictureVerdict {
  const picture = (value ?? {}) as { image?: unknown; alt?: unknown };
  const image = typeof picture.image === 'string' ? picture.image.trim() : '';
  const alt = typeof picture.alt === 'string' ? picture.alt.trim() : '';
  if (!image && !alt) return { drop: true };
  if (!image) return { error: `${what}: choose an image or clear the alt text.` };
  if (!alt) return { error: `${what}: alt text is required. Describe the image for people who cannot see it.` };
  return { ok: true };
}

/**
 * The entry's data as the build would read it, checked by the collection's Zod schema.
 * Returns one line per problem, naming the field, or nothing when the build would accept it.
 */
export function schemaProblems(collection: string, data: Record<string, unknown>): string[] {
  const schema = SCHEMAS[collection];
  if (!schema) return [];
  const { body: _body, ...frontMatter } = data;
  const result = schema.safeParse(frontMatter);
  return result.success ? [] : problemsFromZod(collection, result.error).map((p) => `${p.field}: ${p.message}`);
}

/**
 * The top-level keys an editor cleared: Decap keeps them as "" or null, which the schemas rightly
 * refuse ("" is not a date), so they are left out of the file, as if never filled in.
 */
export function clearedKeys(data: Record<string, unknown>): string[] {
  return Object.entries(data)
    .filter(([key, value]) => key !== 'body' && (value === '' || value === null))
    .map(([key]) => key);
}

export { OPTIONAL_PICTURES };

// Wiring only: which files feed which collection, validated by which schema.
// The schemas themselves live in src/schemas/ as plain Zod.
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir, fileNameId } from './lib/io/content-root.ts';
import { articleSchema } from './schemas/article.ts';
import { pageSchema } from './schemas/page.ts';
import { personSchema } from './schemas/person.ts';
import { settingsSchema } from './schemas/settings.ts';

export const collections = {
  articles: defineCollection({
    loader: glob({ pattern: '*.mdx', base: contentDir('articles'), generateId: fileNameId }),
    schema: ({ image }) => articleSchema({ image, reference }),
  }),
  people: defineCollection({
    loader: glob({ pattern: '*.yml', base: contentDir('people'), generateId: fileNameId }),
    schema: ({ image }) => personSchema({ image }),
  }),
  pages: defineCollection({
    loader: glob({ pattern: '*.mdx', base: contentDir('pages'), generateId: fileNameId }),
    schema: pageSchema,
  }),
  settings: defineCollection({
    loader: glob({ pattern: 'site.yml', base: contentDir('settings'), generateId: fileNameId }),
    schema: settingsSchema,
  }),
};

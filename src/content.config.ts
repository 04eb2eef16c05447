// Wiring only: which files feed which collection, validated by which schema.
// The schemas themselves live in src/schemas/ as plain Zod. Every collection refuses strings
// Astro would treat as its own image imports, and image fields take only local picture paths
// (src/lib/content/astro-safety.ts): front matter can never make the build load a file as code.
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { localImage, withoutAstroInternals } from './lib/content/astro-safety.ts';
import { contentDir, fileNameId } from './lib/io/content-root.ts';
import { articleSchema } from './schemas/article.ts';
import { pageSchema } from './schemas/page.ts';
import { personSchema } from './schemas/person.ts';
import { settingsSchema } from './schemas/settings.ts';

export const collections = {
  articles: defineCollection({
    loader: glob({ pattern: '*.mdx', base: contentDir('articles'), generateId: fileNameId }),
    schema: ({ image }) => withoutAstroInternals(articleSchema({ image: () => localImage(image()), reference })),
  }),
  people: defineCollection({
    loader: glob({ pattern: '*.yml', base: contentDir('people'), generateId: fileNameId }),
    schema: ({ image }) => withoutAstroInternals(personSchema({ image: () => localImage(image()) })),
  }),
  pages: defineCollection({
    loader: glob({ pattern: '*.mdx', base: contentDir('pages'), generateId: fileNameId }),
    schema: withoutAstroInternals(pageSchema),
  }),
  settings: defineCollection({
    loader: glob({ pattern: 'site.yml', base: contentDir('settings'), generateId: fileNameId }),
    schema: withoutAstroInternals(settingsSchema),
  }),
};

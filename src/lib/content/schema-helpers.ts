import { z } from 'astro/zod';
import type { SchemaHelpers } from '../../schemas/article.ts';

/**
 * Stand-ins for Astro's `image()` and `reference()` outside Astro (check:content, the CMS's save
 * check): a relative path and a person id. Whether the image exists and the person is known is
 * checked separately, with a clearer message.
 */
export const plainHelpers = {
  image: () => z.string().min(1, { error: 'expected an image path like ./images/name.svg' }),
  reference: () => z.string().regex(/^[a-z0-9-]+$/, { error: 'expected a person id like "rowan-example"' }),
} satisfies SchemaHelpers;

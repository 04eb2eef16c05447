import { z } from 'astro/zod';
import type { SchemaHelpers } from '../../schemas/article.ts';
import { localImage } from './astro-safety.ts';

/**
 * Stand-ins for Astro's `image()` and `reference()` outside Astro (check:content, the CMS's save
 * check): a local picture path (./images/name.png, never a module) and a person id. Whether the image exists and the person is known is
 * checked separately, with a clearer message.
 */
export const plainHelpers = {
  image: () => localImage(z.string()),
  reference: () => z.string().regex(/^[a-z0-9-]+$/, { error: 'expected a person id like "rowan-example"' }),
} satisfies SchemaHelpers;

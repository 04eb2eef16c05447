import { z } from 'astro/zod';

/** Fixed site pages such as the editorial policy and about page (content/pages/). */
export const pageSchema = z.strictObject({
  /** Page title and H1. */
  title: z.string().min(2, { error: 'expected a title' }),
  /** Meta description, 50–160 characters. */
  description: z
    .string()
    .min(50, { error: 'expected a description of at least 50 characters' })
    .max(160, { error: 'expected a description of at most 160 characters' }),
});

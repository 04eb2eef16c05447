// Kept apart from ./policy.ts, which runs in readers' browsers: this one loads Zod, and Zod's
// compiled validators need eval, which the site's Content Security Policy forbids.
import { settingsSchema } from '../../schemas/settings.ts';
import type { ReviewPolicy } from './policy.ts';

/** The policy when site settings say nothing: the settings schema's own defaults. */
export const DEFAULT_REVIEW_POLICY: ReviewPolicy = settingsSchema.shape.reviewPolicy.parse({});

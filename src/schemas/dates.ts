import { z } from 'astro/zod';
import { isPlainDate } from './plain-date.ts';

export { isPlainDate };

/**
 * A calendar date written `YYYY-MM-DD`. YAML turns an unquoted date into a JS Date at
 * UTC midnight while Decap may write a quoted string, so both are accepted and
 * normalised to the same `YYYY-MM-DD` string: no time zone ever gets a say.
 */
export const plainDate = z
  .preprocess(
    (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
    z.string({ error: 'expected a date written YYYY-MM-DD' }).refine(isPlainDate, {
      error: (issue) => `expected a real date written YYYY-MM-DD, got "${String(issue.input)}"`,
    }),
  )
  .meta({ format: 'date' });

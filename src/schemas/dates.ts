import { z } from 'astro/zod';

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a well-formed date that exists on the calendar (no 2025-02-29). */
export function isPlainDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = PLAIN_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A calendar date written `YYYY-MM-DD`. YAML turns an unquoted date into a JS Date at
 * UTC midnight while Decap may write a quoted string, so both are accepted and
 * normalised to the same `YYYY-MM-DD` string: no time zone ever gets a say.
 */
export const plainDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z
    .string({ error: 'expected a date written YYYY-MM-DD' })
    .refine(isPlainDate, { error: (issue) => `expected a real date written YYYY-MM-DD, got "${String(issue.input)}"` }),
);

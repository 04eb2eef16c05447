// Imports nothing, so browser code can use it without pulling in Zod.

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

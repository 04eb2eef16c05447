// Decap's list filters match a field against a regular expression, and a static config cannot
// know today's date. These build, for a given "today", the expressions that select the articles
// whose review is overdue or due soon; the admin adds them when it starts.
import { addDays, type PlainDate } from '../core/dates.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const anyOf = (items: string[]) => (items.length ? `(?:${items.join('|')})` : undefined);

/** A regular expression matching every YYYY-MM-DD date strictly before `date` (from `firstYear`). */
export function beforePattern(date: PlainDate, firstYear = 1990): string {
  const [year, month, day] = date.split('-').map(Number);
  const parts: string[] = [];
  const years = Array.from({ length: Math.max(0, year - firstYear) }, (_, i) => pad(firstYear + i, 4));
  if (years.length) parts.push(`${anyOf(years)}-\\d{2}-\\d{2}`);
  const months = Array.from({ length: month - 1 }, (_, i) => pad(i + 1));
  if (months.length) parts.push(`${pad(year, 4)}-${anyOf(months)}-\\d{2}`);
  const days = Array.from({ length: day - 1 }, (_, i) => pad(i + 1));
  if (days.length) parts.push(`${pad(year, 4)}-${pad(month)}-${anyOf(days)}`);
  return `^${anyOf(parts) ?? '(?!)'}$`;
}

/** Matches the dates from `date` to `date + days`, both included. */
export function withinPattern(date: PlainDate, days: number): string {
  return `^${anyOf(Array.from({ length: days + 1 }, (_, i) => addDays(date, i)))}$`;
}

/** The two list filters a reviewer needs on `today`. */
export function reviewDueFilters(today: PlainDate, warningDays: number) {
  return [
    { label: `Review overdue (due before ${today})`, field: 'nextReviewDue', pattern: beforePattern(today) },
    {
      label: `Review due in the next ${warningDays} days`,
      field: 'nextReviewDue',
      pattern: withinPattern(today, warningDays),
    },
  ];
}

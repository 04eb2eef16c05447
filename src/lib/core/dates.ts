import { isPlainDate } from '../../schemas/plain-date.ts';

/**
 * Calendar dates as `YYYY-MM-DD` strings. Review dates are days, not instants: keeping
 * them as strings and doing arithmetic in UTC means a build in Kiritimati and one in
 * Los Angeles agree on every date.
 */

export type PlainDate = string;

export { isPlainDate };

function parts(date: PlainDate): [number, number, number] {
  if (!isPlainDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

/** The instant of UTC midnight on that date. */
export function toUtcDate(date: PlainDate): Date {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d));
}

/** The UTC calendar date of an instant. */
export function fromUtcDate(instant: Date): PlainDate {
  return instant.toISOString().slice(0, 10);
}

function daysInMonth(year: number, month1to12: number): number {
  return new Date(Date.UTC(year, month1to12, 0)).getUTCDate();
}

/**
 * Adds calendar months, clamping to the month's last day: 2024-01-31 + 1 month is
 * 2024-02-29, and 2024-02-29 + 12 months is 2025-02-28. (Never rolls into the next month.)
 */
export function addMonths(date: PlainDate, months: number): PlainDate {
  const [y, m, d] = parts(date);
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return fromUtcDate(new Date(toUtcDate(date).getTime() + days * 86_400_000));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: PlainDate, to: PlainDate): number {
  return Math.round((toUtcDate(to).getTime() - toUtcDate(from).getTime()) / 86_400_000);
}

// Creating an Intl.DateTimeFormat costs far more than formatting with one, and a build formats
// dates on every article card (lists, people pages, the review dashboard): one formatter per locale.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Human date in the site's locale, always read in UTC: "November 26, 2026". */
export function formatDate(date: PlainDate, locale: string): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
    dateFormats.set(locale, format);
  }
  return format.format(toUtcDate(date));
}

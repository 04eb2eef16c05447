// The one place that decides what "today" is for the build, the dashboard and check:content.
// A static build freezes it into the pages, so tests pin it with SITE_TODAY=YYYY-MM-DD instead
// of depending on the machine's clock (policy code never reads the clock: it is handed `today`).
import { fromUtcDate, isPlainDate, type PlainDate } from '../core/dates.ts';

export class SiteTodayError extends Error {}

/** SITE_TODAY when set (it must be a real YYYY-MM-DD date), otherwise the UTC date of `now`. */
export function siteToday(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): PlainDate {
  const pinned = env.SITE_TODAY;
  if (pinned === undefined || pinned === '') return fromUtcDate(now);
  if (!isPlainDate(pinned)) throw new SiteTodayError(`SITE_TODAY: expected a date written YYYY-MM-DD, got "${pinned}"`);
  return pinned;
}

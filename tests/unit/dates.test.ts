import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, formatDate, isPlainDate, toUtcDate } from '../../src/lib/core/dates.ts';

describe('plain dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isPlainDate('2024-02-29')).toBe(true);
    expect(isPlainDate('2025-02-29')).toBe(false);
    expect(isPlainDate('2026-13-01')).toBe(false);
    expect(isPlainDate('2026-1-05')).toBe(false);
    expect(isPlainDate(new Date())).toBe(false);
  });

  it('adds months and clamps to the end of shorter months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2023-02-28', 12)).toBe('2024-02-28');
    expect(addMonths('2026-08-31', 3)).toBe('2026-11-30');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2026-11-26', '2027-01-25')).toBe(60);
    expect(daysBetween('2027-01-25', '2026-11-26')).toBe(-60);
  });

  it('reads dates as UTC days whatever the machine time zone', () => {
    // Run under TZ=Pacific/Kiritimati (UTC+14) and TZ=America/Los_Angeles by `npm run test:tz`.
    expect(toUtcDate('2026-03-08').toISOString()).toBe('2026-03-08T00:00:00.000Z');
    expect(formatDate('2026-01-01', 'en-US')).toBe('January 1, 2026');
    expect(formatDate('2026-12-31', 'en-GB')).toBe('31 December 2026');
  });
});

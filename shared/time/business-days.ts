import holidayJp from '@holiday-jp/holiday_jp';
import type { DateTime } from 'luxon';

/**
 * Business days for journeys: weekends and Japanese public holidays are skipped. Holidays are looked up by
 * the calendar date in the journey's own time zone, so "the business day before" means the same day to HR
 * whatever the server's zone.
 */
// Indexed by date string on purpose: the library's isHoliday() reads the server's local zone.
const holidays: Readonly<Record<string, unknown>> = holidayJp.holidays;

export const isBusinessDay = (day: DateTime): boolean =>
  day.weekday <= 5 && holidays[day.toISODate() ?? ''] === undefined;

export const addBusinessDays = (from: DateTime, days: number): DateTime => {
  const step = days < 0 ? -1 : 1;
  let remaining = Math.abs(days);
  let day = from;
  while (remaining > 0) {
    day = day.plus({ days: step });
    if (isBusinessDay(day)) remaining -= 1;
  }
  return day;
};

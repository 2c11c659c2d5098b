import type { DateTime } from 'luxon';
import { isJapaneseHoliday } from '#shared/time/japanese-holidays.ts';

/**
 * Business days for journeys: weekends, Japanese public holidays and the days the company itself closes are
 * skipped. Days are judged by the calendar date in the journey's own time zone, so "the business day before"
 * means the same day to HR whatever the server's zone.
 */

/** Whether the company is closed on a day on top of weekends and public holidays (its own calendar). */
export type ClosedDay = (day: DateTime) => boolean;

export const isBusinessDay = (day: DateTime, isClosed: ClosedDay): boolean =>
  day.weekday <= 5 && !isJapaneseHoliday(day.toISODate() ?? '') && !isClosed(day);

export const addBusinessDays = (from: DateTime, days: number, isClosed: ClosedDay): DateTime => {
  const step = days < 0 ? -1 : 1;
  let remaining = Math.abs(days);
  let day = from;
  while (remaining > 0) {
    day = day.plus({ days: step });
    if (isBusinessDay(day, isClosed)) remaining -= 1;
  }
  return day;
};

import type { DateTime } from 'luxon';
import {
  type CalendarSettings,
  DEFAULT_CALENDAR_SETTINGS,
  ONE_OFF_DATE,
} from '#shared/domain/calendar-settings.ts';
import { addBusinessDays, type ClosedDay, isBusinessDay } from '#shared/time/business-days.ts';

/** Business days and working hours as one company keeps them; every schedule is computed with one. */
export interface BusinessCalendar {
  readonly settings: CalendarSettings;
  isBusinessDay(day: DateTime): boolean;
  addBusinessDays(from: DateTime, days: number): DateTime;
  /** The day itself when it is a business day, else the next one. */
  businessDayFrom(day: DateTime): DateTime;
  opensOn(day: DateTime): DateTime;
  closesOn(day: DateTime): DateTime;
  /** A gentle moment on a day for a nudge or a round's first mail: an hour after opening (10:00 by default). */
  morningOf(day: DateTime): DateTime;
  /** Whether a meeting from `start` to `end` falls on one business day, inside working hours. */
  holdsMeeting(start: DateTime, end: DateTime): boolean;
}

const closedDayOf = (entries: readonly string[]): ClosedDay => {
  const rules = entries.map((entry): ((date: string, monthDay: string) => boolean) => {
    if (ONE_OFF_DATE.test(entry)) return (date) => date === entry;
    const [from = '', to = from] = entry.split('..');
    return from <= to
      ? (_, monthDay) => monthDay >= from && monthDay <= to
      : (_, monthDay) => monthDay >= from || monthDay <= to;
  });
  return (day) => {
    const date = day.toISODate() ?? '';
    const monthDay = date.slice(5);
    return rules.some((rule) => rule(date, monthDay));
  };
};

const atTime = (day: DateTime, time: string): DateTime => {
  const [hour, minute] = time.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
};

export const businessCalendar = (settings: CalendarSettings): BusinessCalendar => {
  const isClosed = closedDayOf(settings.closedDays);
  const calendar: BusinessCalendar = {
    settings,
    isBusinessDay: (day) => isBusinessDay(day, isClosed),
    addBusinessDays: (from, days) => addBusinessDays(from, days, isClosed),
    businessDayFrom: (day) => (calendar.isBusinessDay(day) ? day : calendar.addBusinessDays(day, 1)),
    opensOn: (day) => atTime(day, settings.workingHours.from),
    closesOn: (day) => atTime(day, settings.workingHours.to),
    morningOf: (day) => {
      const later = calendar.opensOn(day).plus({ hours: 1 });
      return later < calendar.closesOn(day) ? later : calendar.opensOn(day);
    },
    holdsMeeting: (start, end) =>
      calendar.isBusinessDay(start) && start >= calendar.opensOn(start) && end <= calendar.closesOn(start),
  };
  return calendar;
};

export const DEFAULT_CALENDAR = businessCalendar(DEFAULT_CALENDAR_SETTINGS);

import { DateTime } from 'luxon';
import { z } from 'zod';
import { addBusinessDays, type ClosedDay, isBusinessDay } from '#shared/time/business-days.ts';

const CLOSED_DAY_MESSAGE = 'must be MM-DD, MM-DD..MM-DD or YYYY-MM-DD';
const ONE_OFF_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_DAY = /^(\d{2})-(\d{2})$/;

// Checked against a leap year, so that 02-29 is a day a company may close on.
const isMonthDay = (text: string | undefined): boolean => {
  const match = MONTH_DAY.exec(text ?? '');
  return Boolean(
    match && DateTime.fromObject({ year: 2028, month: Number(match[1]), day: Number(match[2]) }).isValid,
  );
};

const isClosedDayEntry = (entry: string): boolean => {
  if (ONE_OFF_DATE.test(entry)) return DateTime.fromISO(entry).isValid;
  const [from, to, ...rest] = entry.split('..');
  return rest.length === 0 && isMonthDay(from) && (to === undefined || isMonthDay(to));
};

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:00');

/** Japanese companies commonly close from 29 December to 3 January (年末年始休業). */
export const DEFAULT_CALENDAR_SETTINGS = {
  closedDays: ['12-29..01-03'],
  workingHours: { from: '09:00', to: '18:00' },
};

/**
 * The company's own calendar, set by HR: recurring closures (`MM-DD`, or a range `MM-DD..MM-DD` that may wrap
 * the year end), one-off closed dates (`YYYY-MM-DD`), and the working hours mail and meetings keep to.
 */
export const calendarSettingsSchema = z.strictObject({
  closedDays: z
    .array(z.string().refine(isClosedDayEntry, CLOSED_DAY_MESSAGE))
    .max(400, 'at most 400 entries')
    .default(DEFAULT_CALENDAR_SETTINGS.closedDays),
  workingHours: z
    .strictObject({ from: clockTime, to: clockTime })
    .refine((hours) => hours.from < hours.to, {
      message: 'must be before workingHours.to',
      path: ['from'],
    })
    .default(DEFAULT_CALENDAR_SETTINGS.workingHours),
});
export type CalendarSettings = z.infer<typeof calendarSettingsSchema>;

/** The table partition of the company calendar's one item; the stack holds its writer to it. */
export const CALENDAR_PARTITION_KEY = 'SETTINGS#calendar';

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

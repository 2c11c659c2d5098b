import { DateTime } from 'luxon';
import * as z from 'zod';
import { DEFAULT_CALENDAR_SETTINGS, ONE_OFF_DATE } from '#shared/domain/calendar-settings.ts';

const CLOSED_DAY_MESSAGE = 'must be MM-DD, MM-DD..MM-DD or YYYY-MM-DD';
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

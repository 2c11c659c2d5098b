import { DateTime } from 'luxon';
import * as z from 'zod';

// Apart from the business calendar computed from them, so that a function that only reads, checks or documents
// HR's settings loads no holiday data.

const CLOSED_DAY_MESSAGE = 'must be MM-DD, MM-DD..MM-DD or YYYY-MM-DD';
/** A one-off closed date; any other entry recurs every year. */
export const ONE_OFF_DATE = /^\d{4}-\d{2}-\d{2}$/;
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

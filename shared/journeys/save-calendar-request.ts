import { putCalendarSettings } from '#shared/data/company-calendar.ts';
import { type CalendarSettings, calendarSettingsSchema } from '#shared/domain/calendar-settings.ts';
import { fieldErrorsOf } from '#shared/http/field-errors.ts';
import { badRequest } from '#shared/http/http-error.ts';

/**
 * Replaces the company calendar as HR asked, over the API (`PUT /settings/calendar`) or in the console: one
 * validation for both, a 400 with a message per field before anything is saved.
 */
export const saveCalendarRequest = async (body: unknown, at: Date): Promise<CalendarSettings> => {
  const parsed = calendarSettingsSchema.safeParse(body);
  if (!parsed.success) throw badRequest(fieldErrorsOf(parsed.error));
  await putCalendarSettings(parsed.data, at);
  return parsed.data;
};

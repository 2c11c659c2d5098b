import { putCalendarSettings } from '#shared/data/company-calendar.ts';
import { calendarSettingsSchema } from '#shared/domain/company-calendar.ts';
import { apiHandler, json, readJsonBody } from '#shared/http/api-handler.ts';
import { fieldErrorsOf } from '#shared/http/field-errors.ts';
import { badRequest } from '#shared/http/http-error.ts';
import { logger } from '#shared/observability/logger.ts';
import { now } from '#shared/time/clock.ts';

export const handler = apiHandler(async (event) => {
  const parsed = calendarSettingsSchema.safeParse(readJsonBody(event));
  if (!parsed.success) throw badRequest(fieldErrorsOf(parsed.error));
  await putCalendarSettings(parsed.data, now());
  logger.info('calendar settings saved', { closedDays: parsed.data.closedDays.length });
  return json(200, parsed.data);
});

import { apiHandler, json, readJsonBody } from '#shared/http/api-handler.ts';
import { saveCalendarRequest } from '#shared/journeys/save-calendar-request.ts';
import { logger } from '#shared/observability/logger.ts';
import { now } from '#shared/time/clock.ts';

export const handler = apiHandler(async (event) => {
  const saved = await saveCalendarRequest(readJsonBody(event), now());
  logger.info('calendar settings saved', { closedDays: saved.closedDays.length });
  return json(200, saved);
});

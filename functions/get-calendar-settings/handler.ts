import { getCalendarSettings } from '#shared/data/company-calendar.ts';
import { apiHandler, json } from '#shared/http/api-handler.ts';

export const handler = apiHandler(async () => json(200, await getCalendarSettings()));

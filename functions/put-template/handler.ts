import { apiHandler, json, readJsonBody } from '#shared/http/api-handler.ts';
import type { Answer, templateSchema } from '#shared/http/api-responses.ts';
import { saveTemplateRequest } from '#shared/journeys/journey-templates-request.ts';
import { logger } from '#shared/observability/logger.ts';
import { now } from '#shared/time/clock.ts';

export const handler = apiHandler(async (event) => {
  const saved = await saveTemplateRequest(event.pathParameters?.name ?? '', readJsonBody(event), now());
  logger.info('template saved', { template: saved.name, version: saved.version });
  return json(200, saved satisfies Answer<typeof templateSchema>);
});

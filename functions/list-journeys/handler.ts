import { journeyListQuerySchema } from '#shared/domain/journey-list-query.ts';
import { apiHandler, json } from '#shared/http/api-handler.ts';
import { fieldErrorsOf } from '#shared/http/field-errors.ts';
import { badRequest } from '#shared/http/http-error.ts';
import { listJourneys } from '#shared/journeys/list-journeys.ts';

export const handler = apiHandler(async (event) => {
  const parsed = journeyListQuerySchema.safeParse(event.queryStringParameters ?? {});
  if (!parsed.success) throw badRequest(fieldErrorsOf(parsed.error));
  return json(200, await listJourneys(parsed.data));
});

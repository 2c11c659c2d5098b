import { apiHandler, json, readJsonBody } from '#shared/http/api-handler.ts';
import type { Answer, departureRecordedSchema } from '#shared/http/api-responses.ts';
import { recordDepartureRequest } from '#shared/journeys/record-departure-request.ts';
import { now } from '#shared/time/clock.ts';

export const handler = apiHandler(async (event) => {
  const body = readJsonBody(event);
  const journeyId = event.pathParameters?.id ?? '';
  const recorded = await recordDepartureRequest(journeyId, body, now());
  return json(200, recorded satisfies Answer<typeof departureRecordedSchema>);
});

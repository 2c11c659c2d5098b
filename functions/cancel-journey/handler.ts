import { apiHandler, json, readJsonBody } from '#shared/http/api-handler.ts';
import type { Answer, journeyCancelledSchema } from '#shared/http/api-responses.ts';
import { cancelJourneyRequest } from '#shared/journeys/cancel-journey-request.ts';

export const handler = apiHandler(async (event) => {
  const body = readJsonBody(event);
  const journeyId = event.pathParameters?.id ?? '';
  await cancelJourneyRequest(journeyId, body);
  return json(200, { journeyId, status: 'cancelled' } satisfies Answer<typeof journeyCancelledSchema>);
});

import { apiHandler, json, readJsonBody } from '#shared/http/api-handler.ts';
import type { Answer, journeyMovedSchema } from '#shared/http/api-responses.ts';
import { moveJourneyRequest } from '#shared/journeys/move-journey-request.ts';

export const handler = apiHandler(async (event) => {
  const body = readJsonBody(event);
  const moved = await moveJourneyRequest(event.pathParameters?.id ?? '', body);
  return json(200, {
    journeyId: moved.journeyId,
    startDate: moved.hire.startDate,
    rounds: moved.rounds ?? [],
  } satisfies Answer<typeof journeyMovedSchema>);
});

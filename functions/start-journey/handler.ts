import { apiHandler, json, readJsonBody } from '#shared/http/api-handler.ts';
import type { Answer, journeyStartedSchema } from '#shared/http/api-responses.ts';
import { startJourneyRequest } from '#shared/journeys/start-journey-request.ts';
import { logger } from '#shared/observability/logger.ts';
import { now } from '#shared/time/clock.ts';

export const handler = apiHandler(async (event) => {
  const { outcome, journey } = await startJourneyRequest(readJsonBody(event), now());
  logger.info('journey started', { journeyId: journey.journeyId, outcome });
  return json(outcome === 'started' ? 201 : 200, {
    journeyId: journey.journeyId,
    status: journey.status,
    roundsLeftOut: journey.roundsLeftOut,
  } satisfies Answer<typeof journeyStartedSchema>);
});

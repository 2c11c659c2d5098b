import { apiHandler, json } from '#shared/http/api-handler.ts';
import type { Answer, journeyErasedSchema } from '#shared/http/api-responses.ts';
import { HttpError } from '#shared/http/http-error.ts';
import { journeyIdParam } from '#shared/http/journey-id.ts';
import { eraseJourney } from '#shared/journeys/erase-journey.ts';
import { logger } from '#shared/observability/logger.ts';

export const handler = apiHandler(async (event) => {
  const journeyId = journeyIdParam(event);
  const result = await eraseJourney(journeyId);
  if (result.outcome === 'not-found') throw new HttpError(404, { message: 'No journey with this id.' });
  logger.info('journey erased', { journeyId });
  // The same answer every time: erasing an erased journey again is harmless and says when it happened.
  return json(200, {
    journeyId,
    status: 'erased',
    erasedAt: result.erasure.erasedAt,
  } satisfies Answer<typeof journeyErasedSchema>);
});

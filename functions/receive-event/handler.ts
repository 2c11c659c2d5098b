import type { EventBridgeEvent } from 'aws-lambda';
import { JourneyErased } from '#shared/data/erasures.ts';
import { deadLetter } from '#shared/events/dead-letters.ts';
import { HttpError } from '#shared/http/http-error.ts';
import { missingJourney } from '#shared/http/missing-journey.ts';
import { receiveJourneyEvent } from '#shared/journeys/receive-journey-event.ts';
import { logger } from '#shared/observability/logger.ts';
import { redactError } from '#shared/observability/redact-error.ts';
import { now } from '#shared/time/clock.ts';

/**
 * Events from HR's systems on the journeys bus (the rule's target, invoked asynchronously). One the use case
 * refuses goes to the dead-letter queue at once with its reason; any other failure is thrown, so Lambda retries
 * it and, when it keeps failing, puts it in the same queue.
 */
export const handler = async (event: EventBridgeEvent<string, unknown>): Promise<void> => {
  const eventId = event.id;
  const detailType = event['detail-type'];
  try {
    const journeyId = await receiveJourneyEvent(event, now());
    logger.info('event applied', { eventId, detailType, journeyId });
  } catch (error) {
    const refusal = error instanceof JourneyErased ? await missingJourney(error.journeyId) : error;
    if (!(refusal instanceof HttpError) || refusal.statusCode >= 500) {
      logger.error('event failed', { eventId, detailType, errorName: (error as Error).name });
      throw redactError(error);
    }
    const { message, errors } = refusal.body as { message: string; errors?: Record<string, string> };
    logger.warn('event refused', {
      eventId,
      detailType,
      status: refusal.statusCode,
      fields: Object.keys(errors ?? {}),
    });
    await deadLetter(event, { status: refusal.statusCode, message, ...(errors ? { errors } : {}) });
  }
};

import { getErasure } from '#shared/data/erasures.ts';
import { getJourney, type Journey } from '#shared/data/journeys.ts';
import { isJourneyId } from '#shared/domain/ids.ts';
import { HttpError } from '#shared/http/http-error.ts';

/**
 * What an HR route answers for a journey it cannot find: 410 when it was erased on request (so HR's systems can
 * tell an erasure from a typo), 404 otherwise.
 */
export const missingJourney = async (journeyId: string): Promise<HttpError> => {
  const erasure = await getErasure(journeyId);
  if (!erasure) return new HttpError(404, { message: 'No journey with this id.' });
  return new HttpError(410, {
    message: 'This journey was erased on request; nothing about it is kept but the time of the erasure.',
    journeyId,
    status: 'erased',
    erasedAt: erasure.erasedAt,
  });
};

/**
 * The journey an HR request names, or the HttpError it is answered with: 404 for an id `journeyIdFor` could never
 * have made (checked before any read) or one unknown, 410 for an erased one.
 */
export const journeyOfRequest = async (journeyId: string): Promise<Journey> => {
  if (!isJourneyId(journeyId)) throw new HttpError(404, { message: 'No journey with this id.' });
  const journey = await getJourney(journeyId);
  if (!journey) throw await missingJourney(journeyId);
  return journey;
};

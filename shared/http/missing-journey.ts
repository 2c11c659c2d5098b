import { getErasure } from '#shared/data/erasures.ts';
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

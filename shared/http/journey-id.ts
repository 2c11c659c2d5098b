import { isJourneyId } from '#shared/domain/ids.ts';
import type { ApiEvent } from '#shared/http/api-handler.ts';
import { HttpError } from '#shared/http/http-error.ts';

/**
 * The `{id}` of a journey route, checked before anything is read: an id that `journeyIdFor` could never have
 * made names no journey (404), and an overlong one would otherwise reach DynamoDB, which refuses keys over
 * its size limit with an error that became a 500.
 */
export const journeyIdParam = (event: ApiEvent): string => {
  const journeyId = event.pathParameters?.id ?? '';
  if (!isJourneyId(journeyId)) throw new HttpError(404, { message: 'No journey with this id.' });
  return journeyId;
};

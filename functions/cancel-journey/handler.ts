import { getJourney } from '#shared/data/journeys.ts';
import { cancellationSchema } from '#shared/domain/journey-changes.ts';
import { apiHandler, json, readJsonBody } from '#shared/http/api-handler.ts';
import type { Answer, journeyCancelledSchema } from '#shared/http/api-responses.ts';
import { fieldErrorsOf } from '#shared/http/field-errors.ts';
import { badRequest, HttpError } from '#shared/http/http-error.ts';
import { journeyIdParam } from '#shared/http/journey-id.ts';
import { missingJourney } from '#shared/http/missing-journey.ts';
import { cancelJourney } from '#shared/journeys/cancel-journey.ts';

export const handler = apiHandler(async (event) => {
  const parsed = cancellationSchema.safeParse(readJsonBody(event));
  if (!parsed.success) throw badRequest(fieldErrorsOf(parsed.error));
  const journeyId = journeyIdParam(event);
  const journey = await getJourney(journeyId);
  if (!journey) throw await missingJourney(journeyId);
  const result = await cancelJourney(journey, parsed.data.reason);
  if (!result.ok) throw new HttpError(409, { message: result.reason });
  return json(200, { journeyId: journey.journeyId, status: 'cancelled' } satisfies Answer<
    typeof journeyCancelledSchema
  >);
});

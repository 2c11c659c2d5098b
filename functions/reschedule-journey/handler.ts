import { z } from 'zod';
import { getJourney } from '#shared/data/journeys.ts';
import { isoDate } from '#shared/domain/offer.ts';
import { apiHandler, json, readJsonBody } from '#shared/http/api-handler.ts';
import { fieldErrorsOf } from '#shared/http/field-errors.ts';
import { badRequest, HttpError } from '#shared/http/http-error.ts';
import { journeyIdParam } from '#shared/http/journey-id.ts';
import { missingJourney } from '#shared/http/missing-journey.ts';
import { rescheduleJourney } from '#shared/journeys/reschedule-journey.ts';

const moveSchema = z.union([
  z.strictObject({ startDate: isoDate }),
  z.strictObject({
    sessions: z
      .record(z.string().regex(/^\d+$/, 'must be a round number'), z.iso.datetime({ offset: true }))
      .refine((sessions) => Object.keys(sessions).length > 0, 'name at least one round'),
  }),
]);

export const handler = apiHandler(async (event) => {
  const parsed = moveSchema.safeParse(readJsonBody(event));
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error);
    throw badRequest(
      errors['(body)']
        ? { '(body)': 'send {"startDate": "YYYY-MM-DD"} or {"sessions": {"2": "<ISO date-time>"}}' }
        : errors,
    );
  }
  const journeyId = journeyIdParam(event);
  const journey = await getJourney(journeyId);
  if (!journey) throw await missingJourney(journeyId);
  const result = await rescheduleJourney(journey, parsed.data);
  if (!result.ok) {
    throw new HttpError(result.status, {
      message: 'The journey cannot be moved like this.',
      errors: result.errors,
    });
  }
  const moved = await getJourney(journey.journeyId);
  return json(200, {
    journeyId: journey.journeyId,
    startDate: moved?.hire.startDate,
    rounds: moved?.rounds ?? [],
  });
});

import { getJourney } from '#shared/data/journeys.ts';
import { journeyMoveSchema } from '#shared/domain/journey-changes.ts';
import { apiHandler, json, readJsonBody } from '#shared/http/api-handler.ts';
import type { Answer, journeyMovedSchema } from '#shared/http/api-responses.ts';
import { fieldErrorsOf } from '#shared/http/field-errors.ts';
import { badRequest, HttpError } from '#shared/http/http-error.ts';
import { journeyIdParam } from '#shared/http/journey-id.ts';
import { missingJourney } from '#shared/http/missing-journey.ts';
import { rescheduleJourney } from '#shared/journeys/reschedule-journey.ts';

export const handler = apiHandler(async (event) => {
  const parsed = journeyMoveSchema.safeParse(readJsonBody(event));
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
  } satisfies Answer<typeof journeyMovedSchema>);
});

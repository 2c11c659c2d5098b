import { getJourney, type Journey } from '#shared/data/journeys.ts';
import { journeyMoveSchema } from '#shared/domain/journey-changes.ts';
import { fieldErrorsOf } from '#shared/http/field-errors.ts';
import { badRequest, HttpError } from '#shared/http/http-error.ts';
import { journeyOfRequest } from '#shared/http/missing-journey.ts';
import { rescheduleJourney } from '#shared/journeys/reschedule-journey.ts';

/**
 * Moves a journey's start date or sessions, or sets where sessions take place, as HR asked, over the API (`PATCH /journeys/{id}`) or in the console:
 * one validation for both. What the caller should fix is thrown as an HttpError; the journey as moved comes back.
 */
export const moveJourneyRequest = async (journeyId: string, body: unknown): Promise<Journey> => {
  const parsed = journeyMoveSchema.safeParse(body);
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error);
    throw badRequest(
      errors['(body)']
        ? {
            '(body)':
              'send {"startDate": "YYYY-MM-DD"}, {"sessions": {"2": "<ISO date-time>"}} or {"locations": {"2": "<place or https link>"}}',
          }
        : errors,
    );
  }
  const journey = await journeyOfRequest(journeyId);
  const result = await rescheduleJourney(journey, parsed.data);
  if (!result.ok) {
    throw new HttpError(result.status, {
      message: 'The journey cannot be moved like this.',
      errors: result.errors,
    });
  }
  return (await getJourney(journeyId)) ?? journey;
};

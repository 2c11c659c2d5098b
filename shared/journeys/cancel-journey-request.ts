import { cancellationSchema } from '#shared/domain/journey-changes.ts';
import { fieldErrorsOf } from '#shared/http/field-errors.ts';
import { badRequest, HttpError } from '#shared/http/http-error.ts';
import { journeyOfRequest } from '#shared/http/missing-journey.ts';
import { cancelJourney } from '#shared/journeys/cancel-journey.ts';

/** Cancels a journey as HR asked, over the API or in the console: one validation for both. */
export const cancelJourneyRequest = async (journeyId: string, body: unknown): Promise<void> => {
  const parsed = cancellationSchema.safeParse(body);
  if (!parsed.success) throw badRequest(fieldErrorsOf(parsed.error));
  const journey = await journeyOfRequest(journeyId);
  const result = await cancelJourney(journey, parsed.data.reason);
  if (!result.ok) throw new HttpError(409, { message: result.reason });
};

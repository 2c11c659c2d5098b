import { type Departure, departureSchema } from '#shared/domain/departure.ts';
import { departureSchemaFor } from '#shared/domain/departure-date.ts';
import { fieldErrorsOf } from '#shared/http/field-errors.ts';
import { badRequest, HttpError } from '#shared/http/http-error.ts';
import { journeyOfRequest } from '#shared/http/missing-journey.ts';
import { recordDeparture, todayOf } from '#shared/journeys/record-departure.ts';

export interface DepartureRecorded {
  journeyId: string;
  status: 'left';
  departure: Departure;
}

/**
 * Records a departure as HR asked, over the API, in the console or from HR's own systems' `EmployeeLeft` event:
 * one validation for all. The body's shape is checked before the journey is read; its date against the journey.
 */
export const recordDepartureRequest = async (
  journeyId: string,
  body: unknown,
  at: Date,
): Promise<DepartureRecorded> => {
  const shape = departureSchema.safeParse(body);
  if (!shape.success) throw badRequest(fieldErrorsOf(shape.error));
  const journey = await journeyOfRequest(journeyId);
  const parsed = departureSchemaFor({
    startDate: journey.hire.startDate,
    today: todayOf(journey, at),
  }).safeParse(body);
  if (!parsed.success) throw badRequest(fieldErrorsOf(parsed.error));
  const result = await recordDeparture(journey, parsed.data, at);
  if (!result.ok) throw new HttpError(409, { message: result.reason });
  return { journeyId, status: 'left', departure: parsed.data };
};

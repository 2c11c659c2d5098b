import { isAlertId } from '#shared/domain/attention.ts';
import { alertHandledSchema } from '#shared/domain/attention-requests.ts';
import { fieldErrorsOf } from '#shared/http/field-errors.ts';
import { badRequest, HttpError } from '#shared/http/http-error.ts';
import { journeyOfRequest } from '#shared/http/missing-journey.ts';
import { handleAlert } from '#shared/journeys/handle-alert.ts';

/**
 * HR marks an alert handled with a note, over the API or from the console's queue: one validation for both. What
 * the caller should fix is thrown as an HttpError; `by` is who did it (the IAM caller, or the signed-in HR person).
 */
export const handleAlertRequest = async (
  journeyId: string,
  alertId: string,
  body: unknown,
  by: string,
): Promise<{ handledAt: string }> => {
  const parsed = alertHandledSchema.safeParse(body);
  if (!parsed.success) throw badRequest(fieldErrorsOf(parsed.error));
  await journeyOfRequest(journeyId);
  const result = isAlertId(alertId)
    ? await handleAlert(journeyId, alertId, parsed.data.note, by)
    : ({ outcome: 'not-found' } as const);
  switch (result.outcome) {
    case 'not-found':
      throw new HttpError(404, { message: 'No alert with this id in this journey.' });
    case 'already-handled':
      throw new HttpError(409, { message: 'This alert was already handled, with another note.' });
    case 'no-longer-open':
      throw new HttpError(409, { message: 'This alert left the queue when its journey was cancelled.' });
    case 'handled':
      return { handledAt: result.handledAt };
  }
};

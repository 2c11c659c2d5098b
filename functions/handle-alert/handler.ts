import { getJourney } from '#shared/data/journeys.ts';
import { alertHandledSchema, isAlertId } from '#shared/domain/attention.ts';
import { apiHandler, json, readJsonBody } from '#shared/http/api-handler.ts';
import type { Answer, alertHandledAnswerSchema } from '#shared/http/api-responses.ts';
import { fieldErrorsOf } from '#shared/http/field-errors.ts';
import { badRequest, HttpError } from '#shared/http/http-error.ts';
import { journeyIdParam } from '#shared/http/journey-id.ts';
import { missingJourney } from '#shared/http/missing-journey.ts';
import { handleAlert } from '#shared/journeys/handle-alert.ts';

/** Who handled it: the IAM caller on AWS; HR's systems without a signed identity (locally) as the API. */
const callerOf = (event: { requestContext: unknown }): string => {
  const context = event.requestContext as { authorizer?: { iam?: { userArn?: string } } };
  return context.authorizer?.iam?.userArn ?? 'hr-api';
};

export const handler = apiHandler(async (event) => {
  const journeyId = journeyIdParam(event);
  const alertId = event.pathParameters?.alertId ?? '';
  const parsed = alertHandledSchema.safeParse(readJsonBody(event));
  if (!parsed.success) throw badRequest(fieldErrorsOf(parsed.error));
  if (!(await getJourney(journeyId))) throw await missingJourney(journeyId);
  const result = isAlertId(alertId)
    ? await handleAlert(journeyId, alertId, parsed.data.note, callerOf(event))
    : ({ outcome: 'not-found' } as const);
  switch (result.outcome) {
    case 'not-found':
      throw new HttpError(404, { message: 'No alert with this id in this journey.' });
    case 'already-handled':
      throw new HttpError(409, { message: 'This alert was already handled, with another note.' });
    case 'no-longer-open':
      throw new HttpError(409, { message: 'This alert left the queue when its journey was cancelled.' });
    case 'handled':
      return json(200, {
        journeyId,
        alertId,
        status: 'handled',
        handledAt: result.handledAt,
      } satisfies Answer<typeof alertHandledAnswerSchema>);
  }
});

import { apiHandler, json, readJsonBody } from '#shared/http/api-handler.ts';
import type { Answer, alertHandledAnswerSchema } from '#shared/http/api-responses.ts';
import { journeyIdParam } from '#shared/http/journey-id.ts';
import { handleAlertRequest } from '#shared/journeys/handle-alert-request.ts';

/** Who handled it: the IAM caller on AWS; HR's systems without a signed identity (locally) as the API. */
const callerOf = (event: { requestContext: unknown }): string => {
  const context = event.requestContext as { authorizer?: { iam?: { userArn?: string } } };
  return context.authorizer?.iam?.userArn ?? 'hr-api';
};

export const handler = apiHandler(async (event) => {
  const journeyId = journeyIdParam(event);
  const alertId = event.pathParameters?.alertId ?? '';
  const { handledAt } = await handleAlertRequest(journeyId, alertId, readJsonBody(event), callerOf(event));
  return json(200, {
    journeyId,
    alertId,
    status: 'handled',
    handledAt,
  } satisfies Answer<typeof alertHandledAnswerSchema>);
});

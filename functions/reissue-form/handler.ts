import { apiHandler, json } from '#shared/http/api-handler.ts';
import type { Answer, formReissuedSchema } from '#shared/http/api-responses.ts';
import { reissueFormRequest } from '#shared/journeys/reissue-form-request.ts';

export const handler = apiHandler(async (event) => {
  const journeyId = event.pathParameters?.id ?? '';
  const formId = event.pathParameters?.formId ?? '';
  await reissueFormRequest(journeyId, formId);
  return json(200, { journeyId, formId, status: 'reissued' } satisfies Answer<typeof formReissuedSchema>);
});

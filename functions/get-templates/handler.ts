import { apiHandler, json } from '#shared/http/api-handler.ts';
import type { Answer, templateListSchema, templateSchema } from '#shared/http/api-responses.ts';
import { getTemplateRequest, listTemplatesRequest } from '#shared/journeys/journey-templates-request.ts';

/** `GET /settings/templates` and `GET /settings/templates/{name}`: both read only, so one function. */
export const handler = apiHandler(async (event) => {
  const name = event.pathParameters?.name;
  if (name === undefined) {
    return json(200, { items: await listTemplatesRequest() } satisfies Answer<typeof templateListSchema>);
  }
  return json(200, (await getTemplateRequest(name)) satisfies Answer<typeof templateSchema>);
});

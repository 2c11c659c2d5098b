import { attentionQuerySchema } from '#shared/domain/attention-requests.ts';
import { apiHandler, json } from '#shared/http/api-handler.ts';
import type { Answer, attentionPageSchema } from '#shared/http/api-responses.ts';
import { fieldErrorsOf } from '#shared/http/field-errors.ts';
import { badRequest } from '#shared/http/http-error.ts';
import { listAttention } from '#shared/journeys/list-attention.ts';

export const handler = apiHandler(async (event) => {
  const parsed = attentionQuerySchema.safeParse(event.queryStringParameters ?? {});
  if (!parsed.success) throw badRequest(fieldErrorsOf(parsed.error));
  return json(200, (await listAttention(parsed.data)) satisfies Answer<typeof attentionPageSchema>);
});

import * as z from 'zod';
import { isAttentionSortKey } from '#shared/domain/attention.ts';
import { cursorSchema, hrFilterSchema, limitSchema } from '#shared/domain/page-query.ts';

/** `GET /attention` query parameters, validated; the use case gets only what passed. */
export const attentionQuerySchema = z.object({
  hr: hrFilterSchema.optional(),
  limit: limitSchema,
  cursor: cursorSchema(isAttentionSortKey).optional(),
});
export type AttentionQuery = z.infer<typeof attentionQuerySchema>;

/** `POST /journeys/{id}/alerts/{alertId}/handled`: what HR did, in their own words, for the timeline. */
export const alertHandledSchema = z.object({
  note: z.string({ error: 'required' }).trim().min(1, 'required').max(500, 'at most 500 characters'),
});

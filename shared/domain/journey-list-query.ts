import * as z from 'zod';
import { journeyStatuses } from '#shared/data/journeys.ts';
import { isListSortKey } from '#shared/domain/journey-listing.ts';
import { cursorSchema, hrFilterSchema, limitSchema, oneValue } from '#shared/domain/page-query.ts';

/** A start month as queries name one: a cohort. */
export const START_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** `GET /journeys` query parameters, validated; the use case gets only what passed. */
export const journeyListQuerySchema = z.object({
  status: z.enum(journeyStatuses, { error: `must be one of ${journeyStatuses.join(', ')}` }).optional(),
  hr: hrFilterSchema.optional(),
  startMonth: oneValue.regex(START_MONTH, 'must be a month like 2027-04').optional(),
  q: oneValue.min(1, 'must not be empty').max(100, 'at most 100 characters').optional(),
  limit: limitSchema,
  cursor: cursorSchema(isListSortKey).optional(),
});

export type JourneyListQuery = z.infer<typeof journeyListQuerySchema>;

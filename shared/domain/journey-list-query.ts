import { z } from 'zod';
import { journeyStatuses } from '#shared/data/journeys.ts';
import { isListSortKey } from '#shared/domain/journey-listing.ts';

export const DEFAULT_LIST_LIMIT = 25;
export const MAX_LIST_LIMIT = 100;

/**
 * A cursor names a position in the list, `<startDate>#<journeyId>` of the last item a page showed, and nothing
 * else: never a DynamoDB key. The server uses it only as a bound on a sort key range it chose itself, so a
 * forged one can only start a list at another position, never reach another partition or item.
 */
export const encodeCursor = (position: string): string =>
  Buffer.from(JSON.stringify({ v: 1, after: position })).toString('base64url');

export const decodeCursor = (cursor: string): string | undefined => {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return undefined;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof decoded !== 'object' || decoded === null) return undefined;
    const { v, after } = decoded as Record<string, unknown>;
    return v === 1 && typeof after === 'string' && isListSortKey(after) ? after : undefined;
  } catch {
    return undefined;
  }
};

const oneValue = z.string().trim();

/** An HR contact named in a query: their address as the list index keeps it (`listHr`), lower-cased. */
export const hrContactParam = oneValue
  .pipe(z.email('must be the HR contact’s email address').max(254))
  .transform((email) => email.toLowerCase());

export const START_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** `GET /journeys` query parameters, validated; the use case gets only what passed. */
export const journeyListQuerySchema = z.object({
  status: z.enum(journeyStatuses, { error: `must be one of ${journeyStatuses.join(', ')}` }).optional(),
  hr: hrContactParam.optional(),
  startMonth: oneValue.regex(START_MONTH, 'must be a month like 2027-04').optional(),
  q: oneValue.min(1, 'must not be empty').max(100, 'at most 100 characters').optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, `must be a whole number from 1 to ${MAX_LIST_LIMIT}`)
    .transform(Number)
    .pipe(z.number().min(1, 'must be at least 1').max(MAX_LIST_LIMIT, `at most ${MAX_LIST_LIMIT}`))
    .default(DEFAULT_LIST_LIMIT),
  cursor: z
    .string()
    .transform((cursor, context) => {
      const after = decodeCursor(cursor);
      if (after === undefined) {
        context.addIssue({ code: 'custom', message: 'is not a cursor this list gave out' });
        return z.NEVER;
      }
      return after;
    })
    .optional(),
});

export type JourneyListQuery = z.infer<typeof journeyListQuerySchema>;

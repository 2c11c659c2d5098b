import * as z from 'zod';

/** What HR's paged lists (`GET /journeys`, `GET /attention`) share: a page size, an HR filter and a cursor. */
export const DEFAULT_LIST_LIMIT = 25;
export const MAX_LIST_LIMIT = 100;

/**
 * A cursor names a position in a list, the sort key of the last item a page showed, and nothing else: never a
 * DynamoDB key. The server uses it only as a bound on a sort key range it chose itself, so a forged one can only
 * start a list at another position, never reach another partition or item.
 */
export const encodeCursor = (position: string): string =>
  Buffer.from(JSON.stringify({ v: 1, after: position })).toString('base64url');

/** The position a cursor names, if it is one `isPosition` accepts for this list. */
export const decodeCursor = (cursor: string, isPosition: (value: string) => boolean): string | undefined => {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return undefined;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof decoded !== 'object' || decoded === null) return undefined;
    const { v, after } = decoded as Record<string, unknown>;
    return v === 1 && typeof after === 'string' && isPosition(after) ? after : undefined;
  } catch {
    return undefined;
  }
};

export const oneValue = z.string().trim();

/** The HR contact's address, lower-cased as the indexes keep it. */
export const hrFilterSchema = oneValue
  .pipe(z.email('must be the HR contact’s email address').max(254))
  .transform((email) => email.toLowerCase());

export const limitSchema = z
  .string()
  .regex(/^\d{1,3}$/, `must be a whole number from 1 to ${MAX_LIST_LIMIT}`)
  .transform(Number)
  .pipe(z.number().min(1, 'must be at least 1').max(MAX_LIST_LIMIT, `at most ${MAX_LIST_LIMIT}`))
  .default(DEFAULT_LIST_LIMIT);

/** A cursor parameter, taken back as the position it names: only one this list could have given out. */
export const cursorSchema = (isPosition: (value: string) => boolean) =>
  z.string().transform((cursor, context) => {
    const after = decodeCursor(cursor, isPosition);
    if (after === undefined) {
      context.addIssue({ code: 'custom', message: 'is not a cursor this list gave out' });
      return z.NEVER;
    }
    return after;
  });

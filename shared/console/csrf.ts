import { createHmac, timingSafeEqual } from 'node:crypto';
import { consoleKeys } from '#shared/console/console-keys.ts';
import type { ConsoleSession } from '#shared/console/session.ts';

/** The name of the hidden field every console form carries. */
export const CSRF_FIELD = 'csrf';

/** The token of a session: an HMAC of its id, so it needs no storage and is worthless with another session. */
export const csrfTokenFor = async (session: ConsoleSession): Promise<string> => {
  const [current] = await consoleKeys('console-csrf');
  if (!current) throw new Error('no console key');
  return createHmac('sha256', current.key).update(session.sid).digest('base64url');
};

/**
 * A console POST is taken only from a page of this console: the browser's `Origin` must be the console's own,
 * and the form's token must be this session's (compared in constant time).
 */
export const csrfPasses = async (
  session: ConsoleSession,
  submitted: { origin: string | undefined; token: string | undefined },
  consoleOrigin: string,
): Promise<boolean> => {
  if (submitted.origin !== consoleOrigin || !submitted.token) return false;
  const expected = Buffer.from(await csrfTokenFor(session));
  const given = Buffer.from(submitted.token);
  return given.length === expected.length && timingSafeEqual(given, expected);
};

import { createHmac, timingSafeEqual } from 'node:crypto';
import { consoleKeys } from '#shared/console/console-keys.ts';
import type { ConsoleSession } from '#shared/console/session.ts';

/** The name of the hidden field every console form carries. */
export const CSRF_FIELD = 'csrf';

const tokenWith = (key: Uint8Array, session: ConsoleSession): string =>
  createHmac('sha256', key).update(session.sid).digest('base64url');

/** The token of a session: an HMAC of its id, so it needs no storage and is worthless with another session. */
export const csrfTokenFor = async (session: ConsoleSession): Promise<string> => {
  const [current] = await consoleKeys('console-csrf');
  if (!current) throw new Error('no console key');
  return tokenWith(current.key, session);
};

/**
 * A console POST is taken only from a page of this console: the browser's `Origin` must be the console's own,
 * and the form's token must be this session's (compared in constant time), under any key still in the set, so
 * a page shown before a rotation still posts after it.
 */
export const csrfPasses = async (
  session: ConsoleSession,
  submitted: { origin: string | undefined; token: string | undefined },
  consoleOrigin: string,
): Promise<boolean> => {
  if (submitted.origin !== consoleOrigin || !submitted.token) return false;
  const given = Buffer.from(submitted.token);
  return (await consoleKeys('console-csrf')).some(({ key }) => {
    const expected = Buffer.from(tokenWith(key, session));
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
};

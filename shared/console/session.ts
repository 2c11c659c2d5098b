import { randomBytes } from 'node:crypto';
import { SESSION_COOKIE, setCookie } from '#shared/console/cookies.ts';
import { seal, unseal } from '#shared/console/sealed.ts';
import { type ConsoleUser, consoleUserOf, MAX_SESSION_SECONDS } from '#shared/domain/console-access.ts';

export { type ConsoleUser, isHrLead } from '#shared/domain/console-access.ts';

export interface ConsoleSession {
  /** A random id of this sign-in: the CSRF token is bound to it. */
  sid: string;
  user: ConsoleUser;
}

/** The Set-Cookie of a new session, ending with the ID token or after `MAX_SESSION_SECONDS`, whichever is first. */
export const sessionCookie = async (user: ConsoleUser, idTokenExpiresAt: number): Promise<string> => {
  const nowSeconds = Math.floor(Date.now() / 1000);
  const expiresAt = Math.min(idTokenExpiresAt, nowSeconds + MAX_SESSION_SECONDS);
  const sid = randomBytes(16).toString('base64url');
  const value = await seal('console-session', { sid, user }, new Date(expiresAt * 1000));
  return setCookie(SESSION_COOKIE, value, expiresAt - nowSeconds);
};

/** The session a cookie holds, or undefined for a missing, expired, tampered or foreign one. */
export const openSession = async (value: string | undefined): Promise<ConsoleSession | undefined> => {
  const claims = await unseal('console-session', value);
  if (typeof claims?.sid !== 'string' || typeof claims.user !== 'object' || claims.user === null)
    return undefined;
  const user = claims.user as Record<string, unknown>;
  const checked = consoleUserOf({ ...user, 'cognito:groups': user.groups });
  return checked ? { sid: claims.sid, user: checked } : undefined;
};

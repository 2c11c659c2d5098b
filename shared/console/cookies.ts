import type { ApiEvent } from '#shared/http/api-handler.ts';

/**
 * `__Host-` cookies: the browser takes them only with Secure, Path=/ and no Domain, so no other host or path can
 * set or shadow them. Chromium treats http://127.0.0.1 as secure, so the same cookies work locally.
 */
export const SESSION_COOKIE = '__Host-journeys-session';
export const SIGN_IN_COOKIE = '__Host-journeys-sign-in';

/** A cookie's value from the request (API Gateway's payload 2.0 hands them over as `cookies`). */
export const readCookie = (event: ApiEvent, name: string): string | undefined => {
  for (const pair of event.cookies ?? []) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
};

/** HttpOnly (no script reads it), Secure, SameSite=Lax (sent on the provider's redirect back, not on cross-site POSTs). */
export const setCookie = (name: string, value: string, maxAgeSeconds: number): string =>
  `${name}=${value}; Path=/; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}; HttpOnly; Secure; SameSite=Lax`;

export const clearCookie = (name: string): string => setCookie(name, '', 0);

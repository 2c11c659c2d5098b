import { consoleEnv } from '#shared/console/console-env.ts';
import type { ApiResult } from '#shared/http/api-handler.ts';
import { pageHeaders } from '#shared/pages/page-security.ts';

/**
 * The form pages' headers, with two changes. Forms may lead on to the identity provider: signing out posts here
 * and is sent on to the provider's logout, and a browser holds a form's whole redirect chain to `form-action`.
 * And the referrer goes to this origin only (console addresses carry no tokens): under `no-referrer` a browser
 * sends `Origin: null` with a form, and the CSRF check needs the real origin.
 */
const consoleHeaders = (): Record<string, string> => {
  const { issuer, logoutUrl } = consoleEnv();
  const provider = new URL(logoutUrl ?? issuer).origin;
  return {
    ...pageHeaders,
    'content-security-policy': String(pageHeaders['content-security-policy']).replace(
      "form-action 'self'",
      `form-action 'self' ${provider}`,
    ),
    'referrer-policy': 'same-origin',
  };
};

/** A console page: the form pages' security headers (no script, no-store, no referrer). */
export const consolePage = (statusCode: number, html: string): ApiResult => ({
  statusCode,
  headers: consoleHeaders(),
  body: html,
});

/** A 302 that no cache keeps, with the cookies it sets or clears. */
export const redirect = (location: string, cookies: string[] = []): ApiResult => ({
  statusCode: 302,
  headers: { location, 'cache-control': 'no-store' },
  cookies,
});

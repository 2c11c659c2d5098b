import type { ConsolePage } from '#shared/console/console-handler.ts';
import { consoleNotice } from '#shared/console/console-notices.ts';
import { redirect } from '#shared/console/console-responses.ts';
import {
  clearCookie,
  readCookie,
  SESSION_COOKIE,
  SIGN_IN_COOKIE,
  setCookie,
} from '#shared/console/cookies.ts';
import { safeNextPath } from '#shared/console/next-path.ts';
import { sessionCookie } from '#shared/console/session.ts';
import type { ApiEvent, ApiResult } from '#shared/http/api-handler.ts';

/**
 * The OpenID client, loaded by the requests that sign someone in or out: the rest of the console's requests carry
 * their session, and its functions' cold starts do not load the client.
 */
const oidcSignIn = () => import('#shared/console/oidc-sign-in.ts');

/** The routes open without a session: they are how one is made and ended. */
export const signInRoutes: Record<string, (event: ApiEvent) => Promise<ApiResult>> = {
  'GET /': async () => redirect('/console'),
  'GET /console/sign-in': async (event) => {
    const { startSignIn, SIGN_IN_SECONDS } = await oidcSignIn();
    const { authorizationUrl, sealedChecks } = await startSignIn(
      safeNextPath(event.queryStringParameters?.next),
    );
    return redirect(authorizationUrl, [setCookie(SIGN_IN_COOKIE, sealedChecks, SIGN_IN_SECONDS)]);
  },
  'GET /console/callback': async (event) => {
    const { finishSignIn } = await oidcSignIn();
    const result = await finishSignIn(readCookie(event, SIGN_IN_COOKIE), event.rawQueryString);
    // The checks are used once, whatever the outcome.
    const done = clearCookie(SIGN_IN_COOKIE);
    if (!result.ok) {
      const answer = consoleNotice(result.reason === 'not-hr' ? 'not-hr' : 'sign-in-failed');
      return { ...answer, cookies: [done] };
    }
    return redirect(safeNextPath(result.next), [done, await sessionCookie(result.user, result.expiresAt)]);
  },
  'GET /console/signed-out': async () => consoleNotice('signed-out'),
};

/** Ends the console's session, then the provider's, which comes back to the signed-out page. */
export const signOut: ConsolePage = async () => {
  const { signOutUrl } = await oidcSignIn();
  return redirect(await signOutUrl(), [clearCookie(SESSION_COOKIE)]);
};

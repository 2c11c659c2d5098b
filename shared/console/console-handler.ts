import { consoleEnv } from '#shared/console/console-env.ts';
import { consoleNotice } from '#shared/console/console-notices.ts';
import { redirect } from '#shared/console/console-responses.ts';
import { readCookie, SESSION_COOKIE } from '#shared/console/cookies.ts';
import { CSRF_FIELD, csrfPasses, csrfTokenFor } from '#shared/console/csrf.ts';
import { type ConsoleUser, openSession } from '#shared/console/session.ts';
import { signInRoutes, signOut } from '#shared/console/sign-in-routes.ts';
import { type ApiEvent, type ApiResult, readBody } from '#shared/http/api-handler.ts';
import { HttpError } from '#shared/http/http-error.ts';
import { pageHandler } from '#shared/http/page-handler.ts';

export { isHrLead } from '#shared/console/session.ts';

/** What every console page gets: the request, and the signed-in person with their form token. */
export interface ConsoleRequest {
  event: ApiEvent;
  session: { user: ConsoleUser; csrfToken: string };
  /** A POST's fields, taken only once its CSRF token and origin passed. */
  form?: URLSearchParams;
}

export type ConsolePage = (request: ConsoleRequest) => Promise<ApiResult>;

/** A console form holds a few short fields; anything near this is not one. */
const MAX_FORM_BYTES = 16 * 1024;

const signInFor = (event: ApiEvent): ApiResult => {
  const asked = event.rawQueryString ? `${event.rawPath}?${event.rawQueryString}` : event.rawPath;
  return redirect(`/console/sign-in?next=${encodeURIComponent(asked)}`);
};

const formOf = (event: ApiEvent): URLSearchParams | undefined => {
  try {
    return new URLSearchParams(readBody(event, MAX_FORM_BYTES));
  } catch (error) {
    if (error instanceof HttpError) return undefined;
    throw error;
  }
};

/**
 * The console function: dispatches on the route key. Sign-in routes are open; every other route is a page
 * that needs a session (a GET without one goes to sign-in and comes back; a POST without one is refused), and
 * every POST must carry the session's CSRF token from a page of this console. Pages never read cookies.
 */
export const consoleHandler = (pages: Record<string, ConsolePage>) => {
  const routes: Record<string, ConsolePage> = { ...pages, 'POST /console/sign-out': signOut };
  return pageHandler(async (event: ApiEvent) => {
    const open = signInRoutes[event.routeKey];
    if (open) return open(event);
    const route = routes[event.routeKey];
    if (!route) throw new Error(`no console page for ${event.routeKey}`);
    const post = event.requestContext.http.method === 'POST';
    const session = await openSession(readCookie(event, SESSION_COOKIE));
    if (!session) return post ? consoleNotice('form-refused') : signInFor(event);
    const csrfToken = await csrfTokenFor(session);
    const request: ConsoleRequest = { event, session: { user: session.user, csrfToken } };
    if (post) {
      const form = formOf(event);
      const passes =
        form !== undefined &&
        (await csrfPasses(
          session,
          { origin: event.headers.origin, token: form.get(CSRF_FIELD) ?? undefined },
          consoleEnv().origin,
        ));
      if (!passes) return consoleNotice('form-refused');
      request.form = form;
    }
    return route(request);
  });
};

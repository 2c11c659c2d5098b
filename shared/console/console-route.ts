import type { ConsolePage, ConsoleRequest } from '#shared/console/console-handler.ts';
import { type ConsoleSection, renderConsolePage } from '#shared/console/console-layout.ts';
import { consoleNotice } from '#shared/console/console-notices.ts';
import { consolePage, redirect } from '#shared/console/console-responses.ts';
import type { ConsoleResult } from '#shared/console/console-result.ts';
import { HttpError } from '#shared/http/http-error.ts';

/**
 * A console page from a route that answers with a page body, a redirect or a file: framed in the console's layout,
 * with what the use cases refuse (a journey not found or erased, an action for others) shown as a readable page.
 */
export const consoleRoute =
  (
    section: ConsoleSection | undefined,
    run: (request: ConsoleRequest) => Promise<ConsoleResult>,
  ): ConsolePage =>
  async (request) => {
    let result: ConsoleResult;
    try {
      result = await run(request);
    } catch (error) {
      if (error instanceof HttpError && [404, 410].includes(error.statusCode))
        return consoleNotice('not-found');
      if (error instanceof HttpError && error.statusCode === 403) return consoleNotice('not-allowed');
      throw error;
    }
    if ('redirect' in result) return redirect(result.redirect);
    if ('file' in result) return result.file;
    return consolePage(
      result.status,
      renderConsolePage({ title: result.title, body: result.body, section, session: request.session }),
    );
  };

/** What a journey's routes need of a request: which journey, who asks, and the token their forms carry. */
export const journeyContext = ({ event, session }: ConsoleRequest) => ({
  journeyId: event.pathParameters?.id ?? '',
  viewer: session.user,
  csrfToken: session.csrfToken,
});

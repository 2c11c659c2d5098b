import { showAttention } from '#shared/console/attention-routes.ts';
import { showCalendar } from '#shared/console/calendar-routes.ts';
import { consoleHandler } from '#shared/console/console-handler.ts';
import { consoleRoute, journeyContext } from '#shared/console/console-route.ts';
import { openHrForm, showJourney } from '#shared/console/journey-routes.ts';
import { journeysListPage } from '#shared/console/journeys-list-page.ts';
import { showReport } from '#shared/console/report-routes.ts';
import { showStartForm } from '#shared/console/start-journey-routes.ts';

/**
 * HR's console, the pages that read: one page module per route. A new page is a route in the stack
 * (`journeys-api.ts`), an `apiRoutes` entry and a line here; sign-in, sessions and CSRF are the handler's. What
 * changes a journey is served by `console-actions`, with the grants that takes.
 */
export const handler = consoleHandler({
  'GET /console': journeysListPage,
  'GET /console/journeys/new': consoleRoute('/console/journeys/new', async ({ session }) =>
    showStartForm({ viewer: session.user, csrfToken: session.csrfToken }),
  ),
  'GET /console/journeys/{id}': consoleRoute('/console', (request) =>
    showJourney(journeyContext(request), { done: request.event.queryStringParameters?.done }),
  ),
  'GET /console/journeys/{id}/forms/{formId}': consoleRoute('/console', (request) =>
    openHrForm(journeyContext(request), request.event.pathParameters?.formId ?? ''),
  ),
  'GET /console/attention': consoleRoute('/console/attention', ({ event, session }) =>
    showAttention(session.user, session.csrfToken, event.queryStringParameters ?? {}),
  ),
  'GET /console/reports': consoleRoute('/console/reports', ({ event, session }) =>
    showReport(session.user, event.queryStringParameters ?? {}),
  ),
  'GET /console/settings/calendar': consoleRoute('/console/settings/calendar', async ({ event, session }) =>
    showCalendar(session.user, session.csrfToken, event.queryStringParameters?.done === 'saved'),
  ),
});

import { consoleHandler } from '#shared/console/console-handler.ts';
import { consoleRoute, journeyContext } from '#shared/console/console-route.ts';

/**
 * HR's console, the pages that read: one page module per route. A new page is a route in the stack
 * (`journeys-api.ts`), an `apiRoutes` entry and an entry here; sign-in, sessions and CSRF are the handler's. What
 * changes a journey is served by `console-actions`, with the grants that takes.
 *
 * Each route imports its page module on its first request, so a cold start loads the page it serves and not
 * the others (the journey page, the report's charts, the start form's checks).
 */
export const handler = consoleHandler({
  'GET /console': async (request) => {
    const { journeysListPage } = await import('#shared/console/journeys-list-page.ts');
    return journeysListPage(request);
  },
  'GET /console/journeys/new': consoleRoute('/console/journeys/new', async ({ session }) => {
    const { showStartForm } = await import('#shared/console/start-journey-routes.ts');
    return showStartForm({ viewer: session.user, csrfToken: session.csrfToken });
  }),
  'GET /console/journeys/{id}': consoleRoute('/console', async (request) => {
    const { showJourney } = await import('#shared/console/journey-routes.ts');
    return showJourney(journeyContext(request), { done: request.event.queryStringParameters?.done });
  }),
  'GET /console/journeys/{id}/forms/{formId}': consoleRoute('/console', async (request) => {
    const { openHrForm } = await import('#shared/console/journey-routes.ts');
    return openHrForm(journeyContext(request), request.event.pathParameters?.formId ?? '');
  }),
  'GET /console/attention': consoleRoute('/console/attention', async ({ event, session }) => {
    const { showAttention } = await import('#shared/console/attention-routes.ts');
    return showAttention(session.user, session.csrfToken, event.queryStringParameters ?? {});
  }),
  'GET /console/reports': consoleRoute('/console/reports', async ({ event, session }) => {
    const { showReport } = await import('#shared/console/report-routes.ts');
    return showReport(session.user, event.queryStringParameters ?? {});
  }),
  'GET /console/settings/calendar': consoleRoute('/console/settings/calendar', async ({ event, session }) => {
    const { showCalendar } = await import('#shared/console/calendar-routes.ts');
    return showCalendar(session.user, session.csrfToken, event.queryStringParameters?.done === 'saved');
  }),
});

import { consoleHandler } from '#shared/console/console-handler.ts';
import { journeysListPage } from '#shared/console/journeys-list-page.ts';

/**
 * HR's console: one page module per route. A new page is a route in the stack (`journeys-api.ts`), an
 * `apiRoutes` entry and a line here; sign-in, sessions and CSRF are the handler's.
 */
export const handler = consoleHandler({
  'GET /console': journeysListPage,
});

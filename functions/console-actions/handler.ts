import { consoleHandler } from '#shared/console/console-handler.ts';
import { consoleRoute, journeyContext } from '#shared/console/console-route.ts';

const formOf = (form: URLSearchParams | undefined) => form ?? new URLSearchParams();

/**
 * HR's console, the forms that change journeys: each a POST that passed the handler's CSRF check, run through the
 * use case the API's route runs, and answered with a redirect to the page showing the result (or the page again
 * with what to fix). Each route imports its module on its first request, as the console's pages do: a cold start
 * loads what its form needs.
 */
export const handler = consoleHandler({
  'POST /console/journeys': consoleRoute('/console/journeys/new', async ({ session, form }) => {
    const { startJourneyFromForm } = await import('#shared/console/start-journey-routes.ts');
    return startJourneyFromForm({ viewer: session.user, csrfToken: session.csrfToken }, formOf(form));
  }),
  'POST /console/journeys/{id}/move': consoleRoute('/console', async (request) => {
    const { moveJourney } = await import('#shared/console/journey-routes.ts');
    return moveJourney(journeyContext(request), formOf(request.form));
  }),
  'POST /console/journeys/{id}/cancel': consoleRoute('/console', async (request) => {
    const { cancelJourney } = await import('#shared/console/journey-routes.ts');
    return cancelJourney(journeyContext(request), formOf(request.form));
  }),
  'POST /console/journeys/{id}/left': consoleRoute('/console', async (request) => {
    const { recordDeparture } = await import('#shared/console/journey-routes.ts');
    return recordDeparture(journeyContext(request), formOf(request.form));
  }),
  'POST /console/journeys/{id}/erase': consoleRoute('/console', async (request) => {
    const { eraseJourneyOnRequest } = await import('#shared/console/journey-routes.ts');
    return eraseJourneyOnRequest(journeyContext(request), formOf(request.form));
  }),
  'POST /console/journeys/{id}/forms/{formId}/reissue': consoleRoute('/console', async (request) => {
    const { reissueForm } = await import('#shared/console/journey-routes.ts');
    return reissueForm(journeyContext(request), request.event.pathParameters?.formId ?? '');
  }),
  'POST /console/journeys/{id}/alerts/{alertId}/handled': consoleRoute(
    '/console/attention',
    async (request) => {
      const { handleAlertFromQueue } = await import('#shared/console/attention-routes.ts');
      return handleAlertFromQueue(
        { ...journeyContext(request), alertId: request.event.pathParameters?.alertId ?? '' },
        formOf(request.form),
      );
    },
  ),
  'POST /console/settings/calendar': consoleRoute('/console/settings/calendar', async ({ session, form }) => {
    const { saveCalendar } = await import('#shared/console/calendar-routes.ts');
    return saveCalendar(session.user, session.csrfToken, formOf(form));
  }),
});

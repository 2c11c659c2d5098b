import { handleAlertFromQueue } from '#shared/console/attention-routes.ts';
import { saveCalendar } from '#shared/console/calendar-routes.ts';
import { consoleHandler } from '#shared/console/console-handler.ts';
import { consoleRoute, journeyContext } from '#shared/console/console-route.ts';
import {
  cancelJourney,
  eraseJourneyOnRequest,
  moveJourney,
  recordDeparture,
  reissueForm,
} from '#shared/console/journey-routes.ts';
import { startJourneyFromForm } from '#shared/console/start-journey-routes.ts';

const formOf = (form: URLSearchParams | undefined) => form ?? new URLSearchParams();

/**
 * HR's console, the forms that change journeys: each a POST that passed the handler's CSRF check, run through the
 * use case the API's route runs, and answered with a redirect to the page showing the result (or the page again
 * with what to fix).
 */
export const handler = consoleHandler({
  'POST /console/journeys': consoleRoute('/console/journeys/new', ({ session, form }) =>
    startJourneyFromForm({ viewer: session.user, csrfToken: session.csrfToken }, formOf(form)),
  ),
  'POST /console/journeys/{id}/move': consoleRoute('/console', (request) =>
    moveJourney(journeyContext(request), formOf(request.form)),
  ),
  'POST /console/journeys/{id}/cancel': consoleRoute('/console', (request) =>
    cancelJourney(journeyContext(request), formOf(request.form)),
  ),
  'POST /console/journeys/{id}/left': consoleRoute('/console', (request) =>
    recordDeparture(journeyContext(request), formOf(request.form)),
  ),
  'POST /console/journeys/{id}/erase': consoleRoute('/console', (request) =>
    eraseJourneyOnRequest(journeyContext(request), formOf(request.form)),
  ),
  'POST /console/journeys/{id}/forms/{formId}/reissue': consoleRoute('/console', (request) =>
    reissueForm(journeyContext(request), request.event.pathParameters?.formId ?? ''),
  ),
  'POST /console/journeys/{id}/alerts/{alertId}/handled': consoleRoute('/console/attention', (request) =>
    handleAlertFromQueue(
      { ...journeyContext(request), alertId: request.event.pathParameters?.alertId ?? '' },
      formOf(request.form),
    ),
  ),
  'POST /console/settings/calendar': consoleRoute('/console/settings/calendar', ({ session, form }) =>
    saveCalendar(session.user, session.csrfToken, formOf(form)),
  ),
});

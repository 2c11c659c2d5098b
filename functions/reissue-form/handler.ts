import { getJourney } from '#shared/data/journeys.ts';
import { isFormId } from '#shared/domain/ids.ts';
import { apiHandler, json } from '#shared/http/api-handler.ts';
import type { Answer, formReissuedSchema } from '#shared/http/api-responses.ts';
import { HttpError } from '#shared/http/http-error.ts';
import { journeyIdParam } from '#shared/http/journey-id.ts';
import { missingJourney } from '#shared/http/missing-journey.ts';
import { type ReissueResult, reissueForm } from '#shared/journeys/reissue-form.ts';

export const handler = apiHandler(async (event) => {
  const journeyId = journeyIdParam(event);
  const formId = event.pathParameters?.formId ?? '';
  const journey = await getJourney(journeyId);
  if (!journey) throw await missingJourney(journeyId);
  const result: ReissueResult = isFormId(formId)
    ? await reissueForm(journey, formId)
    : { ok: false, status: 404 };
  if (!result.ok) {
    throw new HttpError(
      result.status,
      result.status === 404
        ? { message: 'No form with this id in this journey.' }
        : result.reason === 'not-mailed'
          ? { message: "This form has no mail of its own: its link is in the new hire's 1on1 invitation." }
          : { message: 'This form is no longer open: it was answered, expired or closed.' },
    );
  }
  return json(200, { journeyId, formId, status: 'reissued' } satisfies Answer<typeof formReissuedSchema>);
});

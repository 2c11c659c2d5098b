import { listForms } from '#shared/data/forms.ts';
import { getJourney } from '#shared/data/journeys.ts';
import { listTimeline } from '#shared/data/timeline.ts';
import { apiHandler, json } from '#shared/http/api-handler.ts';
import { HttpError } from '#shared/http/http-error.ts';

export const handler = apiHandler(async (event) => {
  const journeyId = event.pathParameters?.id ?? '';
  const journey = await getJourney(journeyId);
  if (!journey) throw new HttpError(404, { message: 'No journey with this id.' });
  const [timeline, forms] = await Promise.all([listTimeline(journeyId), listForms(journeyId)]);
  const { offer } = journey;
  return json(200, {
    journeyId,
    offerId: journey.offerId,
    status: journey.status,
    candidate: { name: offer.candidate.name },
    offerMeetingAt: offer.offerMeetingAt,
    respondBy: offer.respondBy,
    startDate: offer.startDate,
    timezone: offer.timezone,
    createdAt: journey.createdAt,
    updatedAt: journey.updatedAt,
    forms: forms.map((form) => ({
      formId: form.formId,
      kind: form.kind,
      recipient: form.recipient.role,
      status: form.status,
      deadline: form.deadline,
      submittedAt: form.submittedAt,
    })),
    timeline,
  });
});

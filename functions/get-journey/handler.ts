import { templateOf } from '#shared/domain/journey-template.ts';
import { pulseSeries } from '#shared/domain/pulse.ts';
import { followUpProgress, roundProgress } from '#shared/domain/round-progress.ts';
import { apiHandler, json } from '#shared/http/api-handler.ts';
import { loadJourneyRecords } from '#shared/journeys/journey-records.ts';

export const handler = apiHandler(async (event) => {
  const { journey, timeline, forms, invitations } = await loadJourneyRecords(event.pathParameters?.id ?? '');
  const { offer, hire } = journey;
  const rounds = roundProgress(journey.rounds ?? [], forms);
  const template = templateOf(journey);
  return json(200, {
    journeyId: journey.journeyId,
    phase: journey.phase,
    offerId: offer?.offerId,
    hireId: journey.hireId,
    status: journey.status,
    employee: { name: hire.employee.name },
    offerMeetingAt: offer?.offerMeetingAt,
    respondBy: offer?.respondBy,
    startDate: hire.startDate,
    timezone: hire.timezone,
    departure: journey.departure,
    // The version it started on: a template saved since applies to journeys started after it.
    template: { name: template.name, version: template.version },
    createdAt: journey.createdAt,
    updatedAt: journey.updatedAt,
    rounds,
    conditionTrend: rounds.flatMap((round) => (round.condition ? [round.condition] : [])),
    followUps: followUpProgress(invitations, forms),
    // The weather answers only: a pulse comment is read where HR reads the new hire's words, never here.
    pulse: pulseSeries(forms).map(({ at, answer, workload, relationships }) => ({
      at,
      answer,
      workload,
      relationships,
    })),
    // Kinds, statuses and dates only: what people wrote stays in the forms, private notes above all.
    forms: forms.map((form) => ({
      formId: form.formId,
      kind: form.kind,
      recipient: form.recipient.role,
      round: form.round,
      ...(form.followUp ? { followUp: true } : {}),
      status: form.status,
      deadline: form.deadline,
      submittedAt: form.submittedAt,
    })),
    timeline,
  });
});

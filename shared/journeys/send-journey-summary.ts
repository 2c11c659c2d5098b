import { listForms } from '#shared/data/forms.ts';
import { requireJourney } from '#shared/data/journeys.ts';
import { appendEvent, listTimeline } from '#shared/data/timeline.ts';
import { pulseSeries } from '#shared/domain/pulse.ts';
import { roundProgress } from '#shared/domain/round-progress.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import { sendEmailOnce } from '#shared/email/send-once.ts';
import { renderJourneySummary } from '#shared/email/templates/journey-summary.ts';

/** After the last round HR gets the whole journey at a glance: each round, its condition, its alerts. */
export const sendJourneySummary = async (journeyId: string): Promise<void> => {
  const journey = await requireJourney(journeyId);
  const { hire } = journey;
  const [forms, timeline] = await Promise.all([listForms(journeyId), listTimeline(journeyId)]);
  const rounds = roundProgress(journey.rounds ?? [], forms).map((round) => ({
    round: round.round,
    sessionAt: round.sessionAt,
    condition: round.condition,
    alerts: timeline.filter((event) => event.type === 'alert.raised' && event.round === round.round).length,
  }));
  await sendEmailOnce(
    journeyId,
    'journey-summary',
    outgoingEmail(
      journey,
      hire.hr,
      renderJourneySummary({
        locale: hire.hr.locale,
        hrName: hire.hr.name,
        employeeName: hire.employee.name,
        rounds,
        pulse: pulseSeries(forms),
        zone: hire.timezone,
      }),
    ),
  );
  await appendEvent(journeyId, 'journey.summarized', {
    type: 'journey.summarized',
    conditions: rounds.map((round) => round.condition ?? null),
    alerts: rounds.reduce((total, round) => total + round.alerts, 0),
  });
};

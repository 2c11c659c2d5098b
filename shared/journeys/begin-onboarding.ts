import { requireJourney, saveRounds } from '#shared/data/journeys.ts';
import { loadCompanyCalendar } from '#shared/data/load-company-calendar.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { templateOf } from '#shared/domain/journey-template.ts';
import { planRounds } from '#shared/domain/onboarding-schedule.ts';
import { schedulePulseChecks } from '#shared/journeys/pulse-checks.ts';
import { now } from '#shared/time/clock.ts';

/**
 * Plans the rounds from the start date, settings and company calendar as they are now, leaving out the rounds
 * the journey was started without, and schedules the pulse checks still ahead. A retried step keeps the plan it
 * made first, so schedules already created from it stay right.
 */
export const beginOnboarding = async (journeyId: string): Promise<void> => {
  const journey = await requireJourney(journeyId);
  const calendar = await loadCompanyCalendar();
  const leftOut = new Set(journey.roundsLeftOut);
  const rounds =
    journey.rounds ??
    planRounds(journey.hire, journey.onboarding, templateOf(journey), calendar).filter(
      (plan) => !leftOut.has(plan.round),
    );
  if (!journey.rounds) await saveRounds(journey, rounds, now());
  await schedulePulseChecks({ ...journey, rounds }, calendar);
  await appendEvent(journeyId, 'onboarding.started', {
    type: 'onboarding.started',
    rounds: rounds.map(({ round, sessionAt }) => ({ round, sessionAt })),
  });
};

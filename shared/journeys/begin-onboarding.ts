import { requireJourney, saveRounds } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { planRounds } from '#shared/domain/onboarding-schedule.ts';
import { now } from '#shared/time/clock.ts';

/**
 * Plans the rounds from the start date and settings as they are now. A retried step keeps the plan it made
 * first, so schedules already created from it stay right.
 */
export const beginOnboarding = async (journeyId: string): Promise<void> => {
  const journey = await requireJourney(journeyId);
  const rounds = journey.rounds ?? planRounds(journey.hire, journey.onboarding);
  if (!journey.rounds) await saveRounds(journeyId, rounds, now());
  await appendEvent(journeyId, 'onboarding.started', {
    type: 'onboarding.started',
    rounds: rounds.map(({ round, sessionAt }) => ({ round, sessionAt })),
  });
};

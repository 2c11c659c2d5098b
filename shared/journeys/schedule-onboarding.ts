import { advanceJourneyStatus, requireJourney } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { onboardingStartsAt } from '#shared/domain/onboarding-schedule.ts';
import { now } from '#shared/time/clock.ts';
import { scheduleTimer } from '#shared/timers/schedule-timer.ts';

/**
 * The offer phase ends here: onboarding begins from a schedule on the start date rather than inside this
 * execution, because new graduates can accept more than a year before they start. A journey posted directly for
 * onboarding is awaiting its start from the outset; one that has moved on keeps its status.
 */
export const scheduleOnboarding = async (journeyId: string): Promise<void> => {
  const journey = await requireJourney(journeyId);
  const startsAt = onboardingStartsAt(journey.hire);
  await scheduleTimer({
    journeyId,
    name: 'begin-onboarding',
    at: startsAt,
    action: { kind: 'begin-onboarding' },
  });
  await advanceJourneyStatus(journeyId, 'offer-follow-up', 'awaiting-start', now());
  await appendEvent(journeyId, 'onboarding.scheduled', {
    type: 'onboarding.scheduled',
    startsAt: startsAt.toISO(),
  });
};
